// libFuzzer target: arbitrary bytes through the front end exactly as
// `pyxc check` / `pyxc emit` / `pyxc emit --dump-ast` run it (the library
// entry point compiler/driver/frontend.h, then the one renderer). Nothing is
// compiled: a g++ run per input would cost ~1000x the front end.
//
// Besides ASan/UBSan/LSan and libFuzzer's timeout, the target aborts when the
// SPEC §2 exit contract would break: failure (exit 1) must come with at least
// one error diagnostic the renderer can print, success with native functions
// must give a non-empty module that defines PyInit_<name> and that the
// emitter did not have to give up on (its #error). Every diagnostic
// span must lie inside the file, so the renderer shows the right source.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "compiler/diagnostics/render.h"
#include "compiler/driver/frontend.h"
#include "compiler/syntax/parse.h"

namespace {

using pyxc::driver::FrontendResult;
using pyxc::driver::StopAfter;

// A named module: the driver's module-name check passes, so emission runs.
constexpr const char* kPath = "fuzz_input.py";

[[noreturn]] void violated(const char* property, const std::string& detail) {
  std::fprintf(stderr, "pyxc_fuzz: property violated: %s\n%s\n", property, detail.c_str());
  std::abort();
}

void checkSpan(const pyxc::SourceFile& source, const pyxc::Span& span, const std::string& message) {
  if (!span.valid()) return;  // a diagnostic about the whole file
  const size_t size = source.text().size();
  if (span.begin > span.end || span.end > size || span.line > span.endLine || span.endLine > source.lineCount() + 1 ||
      span.column == 0)
    violated("diagnostic span outside the file", message);
}

void checkDiagnostics(const FrontendResult& fe) {
  for (const auto& d : fe.diags.all()) {
    if (d.message.empty()) violated("diagnostic without a message", pyxc::diag::kindName(d.kind));
    checkSpan(*fe.source, d.span, d.message);
    for (const auto& note : d.notes) checkSpan(*fe.source, note.span, note.message);
  }
  pyxc::diag::RenderOptions text;
  pyxc::diag::RenderOptions json;
  json.format = pyxc::diag::Format::Json;
  std::string renderedText = pyxc::diag::render(*fe.source, fe.diags.all(), text);
  std::string renderedJson = pyxc::diag::render(*fe.source, fe.diags.all(), json);
  if (fe.diags.hasErrors() && (renderedText.find("error") == std::string::npos || renderedJson.size() < 3))
    violated("exit 1 without a printed error", renderedText);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  FrontendResult fe = pyxc::driver::runFrontendOnText(kPath, text, StopAfter::Emit, /*lineDirectives=*/true);
  checkDiagnostics(fe);
  // `--dump-ast` prints the parsed tree; the dump must also cope with the
  // placeholders of code that did not parse or check, so it runs on every
  // module (one front-end run per input keeps the executions per second up).
  (void)pyxc::syntax::dumpModule(fe.module);
  if (fe.diags.hasErrors() || fe.nativeFunctions == 0) return 0;
  if (fe.cpp.empty()) violated("exit 0 with no emitted C++", text);
  if (fe.cpp.find("PyInit_" + fe.module.name) == std::string::npos) violated("emitted C++ lacks PyInit_", fe.cpp);
  // compiler/emit turns what it cannot emit into an #error line: the
  // module would pass `pyxc check` and then fail in the C++ compiler.
  if (fe.cpp.rfind("#error ", 0) == 0 || fe.cpp.find("\n#error ") != std::string::npos)
    violated("checked module the emitter cannot emit", fe.cpp.substr(0, fe.cpp.find("\n#include")));
  return 0;
}
