// The grammar on its own (no pyxc code): any expression parses as an
// annotation, and the whole CPython standard library still parses without
// errors.
#include <gtest/gtest.h>
#include <tree_sitter/api.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

extern "C" const TSLanguage* tree_sitter_pyxc_python(void);

namespace {

struct ParsedTree {
  std::unique_ptr<TSTree, void (*)(TSTree*)> tree{nullptr, ts_tree_delete};
  TSNode root() const { return ts_tree_root_node(tree.get()); }
};

ParsedTree parse(const std::string& text) {
  std::unique_ptr<TSParser, void (*)(TSParser*)> parser(ts_parser_new(), ts_parser_delete);
  EXPECT_TRUE(ts_parser_set_language(parser.get(), tree_sitter_pyxc_python()));
  ParsedTree parsed;
  parsed.tree.reset(ts_parser_parse_string(parser.get(), nullptr, text.data(), static_cast<uint32_t>(text.size())));
  return parsed;
}

// ERROR and MISSING nodes, as "row:column type", walked without recursion.
std::vector<std::string> errorNodes(TSNode root) {
  std::vector<std::string> found;
  if (!ts_node_has_error(root)) return found;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    bool bad = ts_node_is_missing(node) || std::string(ts_node_type(node)) == "ERROR";
    if (bad) {
      TSPoint p = ts_node_start_point(node);
      found.push_back(std::to_string(p.row + 1) + ":" + std::to_string(p.column + 1) + " " +
                      (ts_node_is_missing(node) ? "MISSING " : "") + ts_node_type(node));
    }
    if (!bad && ts_node_has_error(node) && ts_tree_cursor_goto_first_child(&cursor)) continue;
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor)))
      if (!ts_tree_cursor_goto_parent(&cursor)) break;
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
  return found;
}

std::string sexp(TSNode node) {
  char* s = ts_node_string(node);
  std::string out(s);
  std::free(s);
  return out;
}

TEST(Grammar, IsAbi14AndNamedPyxcPython) {
  EXPECT_EQ(ts_language_version(tree_sitter_pyxc_python()), 14u);
}

class AnnotationParses : public ::testing::TestWithParam<const char*> {};

TEST_P(AnnotationParses, WithoutErrorOrMissingNodes) {
  ParsedTree parsed = parse(GetParam());
  EXPECT_EQ(errorNodes(parsed.root()), std::vector<std::string>{}) << sexp(parsed.root());
}

INSTANTIATE_TEST_SUITE_P(
    PyxcAnnotations, AnnotationParses,
    ::testing::Values("def f(a: f64[:, ::1]) -> f64[:]:\n    pass\n",
                      "x: f64[:] = y\n",
                      "def g(m: pyxc.f64[:, :, ::1]):\n    pass\n",
                      "def h() -> tuple[f64, i64]:\n    pass\n",
                      "def k(a: f64[:], b: i32[::1] = None, *, c: u8[:, :] = z) -> None:\n    pass\n",
                      "def r(a: f64[1:2:3], b: f64[:n]) -> f64[::-1]:\n    pass\n",
                      "def s(a: dict[str, list[int]], b: int | None) -> f64[:]:\n    x: f32[:, ::1]\n",
                      "def t(a: f64[1::2], b: f64[n:], c: f64[1:2, ::1], d: f64[:n:2]):\n    pass\n",
                      "def u(a: f64[:][0], b: x[1](2), c: f64[:].T, d: lambda: 1, e: [int]) -> x[1:2][3:4]:\n    pass\n",
                      "def v[T: int, *Ts](a: T) -> T:\n    pass\n",
                      "class C[T]:\n    pass\n"));

// The fix itself: a bare array annotation is the subscript expression it is
// in Python, with slice subscripts (not a generic_type, not a PEP 695
// constrained type), the same shape as the qualified `pyxc.f64[...]`.
TEST(Grammar, BareSubscriptAnnotationIsASubscriptOfSlices) {
  ParsedTree parsed = parse("def f(a: f64[:, ::1], b: f64[1:n:2]) -> f64[:][0]: pass\n");
  std::string tree = sexp(parsed.root());
  EXPECT_NE(tree.find("type: (type (subscript value: (identifier) subscript: (slice) subscript: (slice (integer))))"),
            std::string::npos)
      << tree;
  EXPECT_NE(tree.find("type: (type (subscript value: (identifier) subscript: (slice (integer) (identifier) (integer))))"),
            std::string::npos)
      << tree;
  EXPECT_EQ(tree.find("generic_type"), std::string::npos) << tree;
  EXPECT_EQ(tree.find("constrained_type"), std::string::npos) << tree;
  ParsedTree qualified = parse("def f(a: pyxc.f64[:, ::1]): pass\n");
  EXPECT_NE(sexp(qualified.root()).find("(subscript value: (attribute object: (identifier) attribute: (identifier)) "
                                        "subscript: (slice) subscript: (slice (integer)))"),
            std::string::npos)
      << sexp(qualified.root());
}

TEST(Grammar, BrokenCodeStillReportsErrors) {
  for (const char* bad : {"def f(a: f64[:) -> f64:\n    pass\n", "x = (1 +\n", "def f(:\n  pass\n", "a b c\n"}) {
    ParsedTree parsed = parse(bad);
    EXPECT_FALSE(errorNodes(parsed.root()).empty()) << bad;
  }
}

std::string stdlibDir() {
  if (const char* env = std::getenv("PYXC_PYTHON_STDLIB")) return env;
  return PYXC_PYTHON_STDLIB;
}

// Files of the standard library that are not valid Python 3 (or that stock
// tree-sitter-python cannot parse), so they cannot count against the grammar.
bool excluded(const std::filesystem::path& path) {
  std::string generic = path.generic_string();
  std::string name = path.filename().string();
  if (generic.find("/lib2to3/tests/data/") != std::string::npos) return true;  // Python 2 sources
  if (name.rfind("badsyntax_", 0) == 0 || name.rfind("bad_coding", 0) == 0) return true;  // bad on purpose
  // Valid Python that stock tree-sitter-python 0.23.6 mis-parses too: a
  // dedent inside parentheses (`(bar.\n        baz)` less indented than the
  // def), which its external scanner does not allow.
  if (name == "test_compile.py" && generic.find("/test/") != std::string::npos) return true;
  return false;
}

TEST(Grammar, WholeStandardLibraryParses) {
  namespace fs = std::filesystem;
  fs::path root(stdlibDir());
  ASSERT_TRUE(fs::is_directory(root)) << "no stdlib at " << root << " (set PYXC_PYTHON_STDLIB)";
  std::unique_ptr<TSParser, void (*)(TSParser*)> parser(ts_parser_new(), ts_parser_delete);
  ASSERT_TRUE(ts_parser_set_language(parser.get(), tree_sitter_pyxc_python()));
  size_t parsed = 0, skipped = 0;
  std::vector<std::string> failures;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_directory() && it->path().filename() == "site-packages") {  // third-party code
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file() || it->path().extension() != ".py") continue;
    if (excluded(it->path())) {
      ++skipped;
      continue;
    }
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    std::unique_ptr<TSTree, void (*)(TSTree*)> tree(
        ts_parser_parse_string(parser.get(), nullptr, text.data(), static_cast<uint32_t>(text.size())), ts_tree_delete);
    ++parsed;
    auto errors = errorNodes(ts_tree_root_node(tree.get()));
    if (!errors.empty()) failures.push_back(it->path().string() + ":" + errors.front());
  }
  std::printf("parsed %zu stdlib files without errors (%zu excluded) under %s\n", parsed - failures.size(), skipped,
              root.string().c_str());
  RecordProperty("parsed_files", static_cast<int>(parsed));
  EXPECT_GT(parsed, 500u);
  std::string list;
  for (const auto& f : failures) list += "  " + f + "\n";
  EXPECT_TRUE(failures.empty()) << failures.size() << " files with ERROR/MISSING nodes:\n" << list;
}

}  // namespace
