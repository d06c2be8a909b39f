#include <gtest/gtest.h>

#include "compiler/diagnostics/render.h"

namespace pyxc::diag {
namespace {

Span spanAt(uint32_t line, uint32_t col, uint32_t endCol) {
  Span s;
  s.line = s.endLine = line;
  s.column = col;
  s.endColumn = endCol;
  return s;
}

TEST(Render, TextHasLocationSourceLineAndCaret) {
  SourceFile src("m.py", "x = 1\ny = foo(x)\n");
  DiagnosticBag bag;
  bag.error(Kind::UndefinedName, spanAt(2, 5, 8), "name 'foo' is not defined");
  std::string out = render(src, bag.all(), {});
  EXPECT_EQ(out, "m.py:2:5: error: name 'foo' is not defined [undefined-name]\ny = foo(x)\n    ^~~\n");
}

TEST(Render, SortsByPositionAndKeepsAll) {
  SourceFile src("m.py", "a\nb\nc\n");
  DiagnosticBag bag;
  bag.error(Kind::SyntaxError, spanAt(3, 1, 2), "third");
  bag.error(Kind::SyntaxError, spanAt(1, 1, 2), "first");
  std::string out = render(src, bag.all(), {});
  EXPECT_LT(out.find("first"), out.find("third"));
}

TEST(Render, ColumnsCountCharactersNotBytes) {
  SourceFile src("m.py", "s = \xc3\xa9 + bad\n");  // "é" is two bytes
  DiagnosticBag bag;
  bag.error(Kind::UndefinedName, spanAt(1, 10, 13), "name 'bad' is not defined");
  std::string out = render(src, bag.all(), {});
  EXPECT_NE(out.find("m.py:1:9:"), std::string::npos) << out;
  EXPECT_NE(out.find("\n        ^~~\n"), std::string::npos) << out;
}

TEST(Render, JsonEscapesAndListsNotes) {
  SourceFile src("dir/\"q\".py", "x = 1\n");
  DiagnosticBag bag;
  auto& d = bag.error(Kind::TypeMismatch, spanAt(1, 1, 2), "bad \"x\"");
  d.notes.push_back(Note{spanAt(1, 5, 6), "here"});
  std::string out = render(src, bag.all(), {Format::Json, false});
  EXPECT_NE(out.find("\"file\": \"dir/\\\"q\\\".py\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"message\": \"bad \\\"x\\\"\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"kind\": \"type-mismatch\""), std::string::npos) << out;
  EXPECT_NE(out.find("{\"line\": 1, \"column\": 5, \"message\": \"here\"}"), std::string::npos) << out;
}

TEST(Render, NoColorCodesUnlessAsked) {
  SourceFile src("m.py", "x\n");
  DiagnosticBag bag;
  bag.error(Kind::SyntaxError, spanAt(1, 1, 2), "oops");
  EXPECT_EQ(render(src, bag.all(), {}).find('\033'), std::string::npos);
  EXPECT_NE(render(src, bag.all(), {Format::Text, true}).find('\033'), std::string::npos);
}

TEST(Render, LongLinesShowAWindowAroundTheColumn) {
  std::string line = "x = " + std::string(5000, '(') + "1" + std::string(5000, ')');
  SourceFile src("m.py", line + "\n");
  DiagnosticBag bag;
  bag.error(Kind::NestingTooDeep, spanAt(1, 205, 10006), "too deep");
  std::string out = render(src, bag.all(), {});
  EXPECT_LT(out.size(), 600u) << out.size();
  // The caret still sits under column 205 of the original line.
  auto sourceLine = out.substr(out.find('\n') + 1);
  auto caretLine = sourceLine.substr(sourceLine.find('\n') + 1);
  EXPECT_EQ(sourceLine.substr(0, 3), "...");
  EXPECT_EQ(caretLine.find('^'), 3u + 60u);
}

TEST(Render, JsonArraysMerge) {
  std::string merged = renderJsonArray({"[\n  {\"a\": 1}\n]", "[]", "[\n  {\"b\": 2}\n]"});
  EXPECT_EQ(merged, "[\n  {\"a\": 1},\n  {\"b\": 2}\n]\n");
}

}  // namespace
}  // namespace pyxc::diag
