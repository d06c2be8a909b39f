#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "compiler/diagnostics/render.h"
#include "compiler/driver/bench.h"
#include "compiler/driver/build.h"
#include "compiler/driver/driver.h"
#include "compiler/driver/frontend.h"
#include "compiler/driver/packaging_cli.h"
#include "compiler/driver/verify.h"
#include "compiler/syntax/parse.h"

namespace pyxc::driver {
namespace {

struct CommonOptions {
  std::string diagnosticsFormat = "text";
  std::string color = "auto";

  diag::RenderOptions render() const {
    diag::RenderOptions r;
    r.format = diagnosticsFormat == "json" ? diag::Format::Json : diag::Format::Text;
    r.color = r.format == diag::Format::Text &&
              (color == "always" || (color == "auto" && isatty(STDERR_FILENO) && !std::getenv("NO_COLOR")));
    return r;
  }
};

void addCommonOptions(CLI::App* cmd, CommonOptions& common) {
  cmd->add_option("--diagnostics-format", common.diagnosticsFormat, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--color", common.color, "auto, always or never")->check(CLI::IsMember({"auto", "always", "never"}));
}

void printDiagnostics(const FrontendResult& fe, const CommonOptions& common) {
  if (fe.diags.all().empty() && common.diagnosticsFormat != "json") return;
  std::string text = diag::render(*fe.source, fe.diags.all(), common.render());
  if (common.diagnosticsFormat == "json") text += "\n";
  std::fputs(text.c_str(), stderr);
}

int runCheck(const std::string& file, const CommonOptions& common) {
  FrontendResult fe = runFrontend(file, StopAfter::Check);
  printDiagnostics(fe, common);
  return fe.diags.hasErrors() ? kInputErrors : kOk;
}

int runEmit(const std::string& file, bool dumpAst, bool lineDirectives, const CommonOptions& common) {
  FrontendResult fe = runFrontend(file, dumpAst ? StopAfter::Parse : StopAfter::Emit, lineDirectives);
  if (!dumpAst && !fe.diags.hasErrors() && fe.nativeFunctions == 0)
    fe.diags.warning(diag::Kind::NoNativeFunctions, Span{}, "no @pyxc.native functions in this module; nothing to emit");
  printDiagnostics(fe, common);
  if (fe.diags.hasErrors()) return kInputErrors;
  if (dumpAst) {
    std::fputs(syntax::dumpModule(fe.module).c_str(), stdout);
    return kOk;
  }
  if (fe.nativeFunctions == 0) return kOk;
  std::fputs(fe.cpp.c_str(), stdout);
  return kOk;
}

}  // namespace

int runDriver(int argc, char** argv) {
  CLI::App app{"pyxc: compile annotated Python functions to GIL-free C++ extension modules"};
  app.require_subcommand(0, 1);
  bool showVersion = false;
  app.add_flag("--version", showVersion, "print the version and exit");

  CommonOptions common;
  BuildOptions build;
  std::string march;
  auto* buildCmd = app.add_subcommand("build", "compile every module under PATH with @pyxc.native functions");
  buildCmd->add_option("paths", build.paths, "files or directories")->required();
  buildCmd->add_option("-O", build.toolchain.optLevel, "optimisation level 0-3 (default 3)")
      ->check(CLI::Range(0, 3));
  buildCmd->add_option("--march", march, "target CPU (native: this machine only; off by default)");
  buildCmd->add_option("-j,--jobs", build.jobs, "modules built in parallel")->check(CLI::PositiveNumber);
  buildCmd->add_option("--python", build.python, "the CPython to build for (default: python3 on PATH)");
  buildCmd->add_option("--cxx", build.toolchain.cxx, "C++ compiler (default: $CXX, then c++)");
  buildCmd->add_option("--compiler-launcher", build.toolchain.launcher, "ccache or sccache");
  buildCmd->add_option("--runtime-dir", build.runtimeDir, "directory holding pyxc/runtime.h");
  buildCmd->add_flag("--no-cache", build.noCache, "do not use the compiled-artifact cache");
  buildCmd->add_option("--cxx-flag", build.toolchain.extraFlags, "an extra compiler flag (repeatable)")
      ->allow_extra_args(false);
  buildCmd->add_flag("--verify", build.verify,
                     "check the generated C++ with pyxc-verify (no Python API where the GIL is released)");
  buildCmd->add_flag("-v,--verbose", build.verbose, "print the commands run");
  addCommonOptions(buildCmd, common);

  std::string emitFile;
  bool dumpAst = false, noLines = false;
  auto* emitCmd = app.add_subcommand("emit", "print the generated C++ for FILE.py");
  emitCmd->add_option("file", emitFile, "a Python module")->required();
  emitCmd->add_flag("--dump-ast", dumpAst, "print the syntax tree instead");
  emitCmd->add_flag("--no-line-directives", noLines, "omit #line directives");
  addCommonOptions(emitCmd, common);

  std::string checkFile;
  auto* checkCmd = app.add_subcommand("check", "parse and type-check FILE.py, print diagnostics");
  checkCmd->add_option("file", checkFile, "a Python module")->required();
  addCommonOptions(checkCmd, common);

  // Everything after `bench` goes to the Python harness, --help included.
  auto* benchCmd = app.add_subcommand("bench", "run asv-style benchmarks; A/B against a git baseline (see --help)");
  benchCmd->prefix_command()->set_help_flag();

  PackagingCommands packaging(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e) == 0 ? kOk : kUsage;
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsage;
  }
  if (showVersion) {
    std::printf("pyxc %s\n", PYXC_VERSION);
    return kOk;
  }
  if (*buildCmd) {
    if (!applyMarch(march, build.toolchain)) return kUsage;
    build.verify = build.verify || verifyRequestedByEnvironment();
    build.render = common.render();
    return runBuild(build);
  }
  if (int rc = packaging.run(); rc >= 0) return rc;
  if (*emitCmd) return runEmit(emitFile, dumpAst, !noLines, common);
  if (*checkCmd) return runCheck(checkFile, common);
  if (*benchCmd) return runBench(benchCmd->remaining());
  std::fputs(app.help().c_str(), stderr);
  return kUsage;
}

}  // namespace pyxc::driver
