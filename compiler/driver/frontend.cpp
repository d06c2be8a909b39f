#include "compiler/driver/frontend.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/check/check.h"
#include "compiler/emit/emit.h"
#include "compiler/syntax/parse.h"

namespace pyxc::driver {

std::string moduleNameFor(const std::string& path) { return std::filesystem::path(path).stem().string(); }

bool isImportableModuleName(const std::string& name) {
  // Non-ASCII names would need PyInitU_ and punycode; pyxc does not emit them.
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

FrontendResult runFrontend(const std::string& path, StopAfter stopAfter, bool lineDirectives) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    FrontendResult result;
    result.source = std::make_unique<SourceFile>(path, "");
    result.diags.error(diag::Kind::IoError, Span{}, "cannot read file");
    return result;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return runFrontendOnText(path, buffer.str(), stopAfter, lineDirectives);
}

FrontendResult runFrontendOnText(const std::string& path, std::string text, StopAfter stopAfter,
                                 bool lineDirectives) {
  FrontendResult result;
  result.source = std::make_unique<SourceFile>(path, std::move(text));
  result.module = syntax::parseModule(*result.source, moduleNameFor(path), result.diags);
  if (stopAfter == StopAfter::Parse) return result;
  // A module that does not parse is still checked: every error of the file
  // is reported at once, as SPEC §2 asks.
  result.nativeFunctions = check::checkModule(result.module, result.diags);
  if (stopAfter == StopAfter::Check || result.diags.hasErrors()) return result;
  if (result.nativeFunctions > 0 && !isImportableModuleName(result.module.name)) {
    result.diags.error(diag::Kind::BadModuleName, Span{},
                       "the module name '" + result.module.name +
                           "' is not an ASCII Python identifier, so the compiled module could not be imported; "
                           "rename the file (letters, digits and '_')");
    return result;
  }
  emit::EmitOptions options;
  options.lineDirectives = lineDirectives;
  options.pyxcVersion = PYXC_VERSION;
  result.cpp = emit::emitModule(result.module, *result.source, options);
  return result;
}

}  // namespace pyxc::driver
