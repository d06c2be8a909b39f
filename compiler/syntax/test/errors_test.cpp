// Syntax errors, encodings, nesting limits, and never crashing on any bytes.
#include <random>

#include "compiler/syntax/test/syntax_test_util.h"

namespace pyxc::syntax::testing {
namespace {

using diag::Kind;

TEST(Errors, EmptyAndBlankFilesAreEmptyModules) {
  for (const char* text : {"", "\n\n", "# only a comment\n", "   \n\t\n"}) {
    auto p = parse(text);
    EXPECT_TRUE(p->diags.all().empty()) << p->messages();
    EXPECT_TRUE(p->module.body.empty());
    EXPECT_EQ(p->module.name, "test");
  }
}

TEST(Errors, SyntaxErrorHasASpan) {
  auto p = parse("x = 1\ndef f(:\n    pass\n");
  ASSERT_GE(p->count(Kind::SyntaxError), 1u) << p->messages();
  const auto& d = p->diags.all()[0];
  EXPECT_EQ(d.kind, Kind::SyntaxError);
  EXPECT_EQ(d.span.line, 2u);
  EXPECT_TRUE(d.span.valid());
}

TEST(Errors, MissingColonIsNamed) {
  auto p = parse("def f()\n    return 1\n");
  ASSERT_EQ(p->count(Kind::SyntaxError), 1u) << p->messages();
  EXPECT_EQ(p->diags.all()[0].message, "expected ':'");
  EXPECT_EQ(p->diags.all()[0].span.line, 1u);
  EXPECT_EQ(p->diags.all()[0].span.column, 8u);
}

TEST(Errors, MissingColonAfterCompoundHeaders) {
  for (const char* text : {"if x\n    pass\n", "while x < 2\n    pass\n", "for i in range(3)\n    pass\n",
                           "def f(a: f64[:]) -> f64\n    return 1.0\n"}) {
    auto p = parse(text);
    ASSERT_EQ(p->count(Kind::SyntaxError), 1u) << text << p->messages();
    EXPECT_EQ(p->diags.all()[0].message, "expected ':'") << text;
  }
}

TEST(Errors, BracketMistakesSayWhichBracket) {
  struct Case {
    const char* text;
    const char* message;
    uint32_t column;
  } cases[] = {
      {"x = (1,\n", "'(' was never closed", 5},
      {"def f():\n    return g(a, [b\n", "'[' was never closed", 17},
      {"x = (]\n", "closing parenthesis ']' does not match opening parenthesis '('", 6},
      {"x = )\n", "unmatched ')'", 5},
  };
  for (const auto& c : cases) {
    auto p = parse(c.text);
    ASSERT_EQ(p->count(Kind::SyntaxError), 1u) << c.text << p->messages();
    EXPECT_EQ(p->diags.all()[0].message, c.message) << c.text;
    EXPECT_EQ(p->diags.all()[0].span.column, c.column) << c.text;
  }
}

TEST(Errors, IndentationThatPythonRejects) {
  struct Case {
    const char* text;
    const char* message;
    uint32_t line;
  } cases[] = {
      {"def f():\npass\n", "expected an indented block", 1},
      {"  x = 1\n", "unexpected indent", 1},
      {"if x:\n    a = 1\n      b = 2\n", "unexpected indent", 3},
      {"def f():\n    if x:\n        a = 1\n      b = 2\n", "unindent does not match any outer indentation level", 4},
  };
  for (const auto& c : cases) {
    auto p = parse(c.text);
    ASSERT_EQ(p->count(Kind::SyntaxError), 1u) << c.text << p->messages();
    EXPECT_EQ(p->diags.all()[0].message, c.message) << c.text;
    EXPECT_EQ(p->diags.all()[0].span.line, c.line) << c.text;
  }
  // Continuation lines and one-line bodies are not indentation.
  auto ok = parse("x = 1; \\\n  y = 2\nif x: a = 1; b = 2\ndef f(): return (1,\n   2)\n");
  EXPECT_TRUE(ok->diags.all().empty()) << ok->messages();
}

TEST(Errors, EveryErrorIsReported) {
  auto p = parse(
      "def a():\n    x = )\n"
      "def b():\n    return 1\n"
      "def c():\n    y = (]\n"
      "def d():\n    z = 1 +* 2\n");
  EXPECT_GE(p->count(Kind::SyntaxError), 3u) << p->messages();
  // The valid function in between is still converted.
  bool sawB = false;
  for (const auto* f : p->module.functions) sawB |= f->name == "b";
  EXPECT_TRUE(sawB) << dumpModule(p->module);
}

TEST(Errors, ParameterRulesOfCPython) {
  auto order = parse("def f(a=1, b):\n    pass\n");
  ASSERT_EQ(order->count(Kind::SyntaxError), 1u) << order->messages();
  EXPECT_EQ(order->diags.all()[0].message, "non-default argument follows default argument");
  auto duplicate = parse("def f(a, *, a):\n    pass\n");
  ASSERT_EQ(duplicate->count(Kind::SyntaxError), 1u) << duplicate->messages();
  EXPECT_EQ(duplicate->diags.all()[0].message, "duplicate argument 'a' in function definition");
  EXPECT_EQ(duplicate->diags.all()[0].span.column, 13u);
  auto fine = parse("def f(a, b=1, *args, c, d=2, **kw):\n    pass\n");
  EXPECT_TRUE(fine->diags.all().empty()) << fine->messages();
}

TEST(Errors, Python2PrintIsASyntaxError) {
  auto p = parse("print 'hello'\n");
  ASSERT_EQ(p->count(Kind::SyntaxError), 1u) << p->messages();
  EXPECT_NE(p->diags.all()[0].message.find("print"), std::string::npos);
}

TEST(Errors, InvalidUtf8IsReportedWithItsPosition) {
  auto p = parse("x = 1\ny = '\xff'\n");
  ASSERT_EQ(p->diags.all().size(), 1u) << p->messages();
  const auto& d = p->diags.all()[0];
  EXPECT_EQ(d.kind, Kind::InvalidEncoding);
  EXPECT_EQ(d.span.begin, 11u);
  EXPECT_EQ(d.span.line, 2u);
  EXPECT_EQ(d.span.column, 6u);
  EXPECT_NE(d.message.find("0xFF"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("11"), std::string::npos) << d.message;
  EXPECT_TRUE(p->module.body.empty());
}

TEST(Errors, MalformedUtf8SequencesAreRejected) {
  const char* bad[] = {
      "\xC0\xAF",          // overlong '/'
      "\xE0\x80\xAF",      // overlong
      "\xED\xA0\x80",      // UTF-16 surrogate
      "\xF4\x90\x80\x80",  // past U+10FFFF
      "\xE2\x82",          // truncated at end of file
      "\x80",              // stray continuation byte
      "\xF8\x88\x80\x80\x80",
  };
  for (const char* bytes : bad) {
    auto p = parse(std::string("s = '") + bytes + "'\n");
    EXPECT_EQ(p->count(Kind::InvalidEncoding), 1u) << p->messages();
    EXPECT_EQ(p->diags.all().at(0).span.begin, 5u);
  }
  auto good = parse("s = '\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80'\n");
  EXPECT_TRUE(good->diags.all().empty()) << good->messages();
}

TEST(Errors, NulBytesAreRejected) {
  auto p = parse(std::string("x = 1\0\n", 7));
  EXPECT_EQ(p->count(Kind::SyntaxError), 1u) << p->messages();
}

TEST(Errors, ByteOrderMarkIsIgnoredAndSpansStayFileRelative) {
  auto p = parse("\xEF\xBB\xBFx = 1\ny = 2\n");
  EXPECT_TRUE(p->diags.all().empty()) << p->messages();
  ASSERT_EQ(p->module.body.size(), 2u);
  const Span& x = p->module.body[0]->exprs[0]->span;
  EXPECT_EQ(x.begin, 3u);
  EXPECT_EQ(x.column, 4u);
  EXPECT_EQ(p->source->slice(x), "x");
  const Span& y = p->module.body[1]->exprs[0]->span;
  EXPECT_EQ(y.column, 1u);
  EXPECT_EQ(p->source->slice(y), "y");
}

TEST(Errors, DeepParenthesesReportOnceAndDoNotCrash) {
  std::string text = "x = " + std::string(20000, '(') + "1" + std::string(20000, ')') + "\n";
  auto p = parse(text);
  EXPECT_EQ(p->count(Kind::NestingTooDeep), 1u) << p->messages().substr(0, 500);
  EXPECT_EQ(p->module.body.size(), 1u);
  dumpModule(p->module);  // bounded depth: the dump's recursion is safe
}

TEST(Errors, ModerateNestingIsFine) {
  std::string text = "x = " + std::string(100, '(') + "1" + std::string(100, ')') + "\n";
  auto p = parse(text);
  EXPECT_TRUE(p->diags.all().empty()) << p->messages();
  EXPECT_EQ(p->module.body.at(0)->exprs.at(1)->intValue, 1);
}

TEST(Errors, DeepOperatorChainsReportOnce) {
  for (const std::string& text : {"x = " + std::string(20000, '-') + "1\n",
                                  "x = " + std::string(20000, '~') + "1\n",
                                  "x = 1" + std::string(300, '+') + "\n"}) {
    auto p = parse(text);
    EXPECT_LE(p->count(Kind::NestingTooDeep), 1u);
    EXPECT_TRUE(p->diags.hasErrors());
  }
  std::string sum = "x = 1";
  for (int i = 0; i < 5000; ++i) sum += " + 1";
  auto p = parse(sum + "\n");
  EXPECT_EQ(p->count(Kind::NestingTooDeep), 1u);
}

TEST(Errors, LongBoolChainsAreFlatNotDeep) {
  std::string text = "x = a";
  for (int i = 0; i < 5000; ++i) text += " and a";
  auto p = parse(text + "\n");
  EXPECT_TRUE(p->diags.all().empty()) << p->messages().substr(0, 500);
  EXPECT_EQ(p->module.body.at(0)->exprs.at(1)->operands.size(), 5001u);
}

TEST(Errors, DeepStatementNestingReportsOnce) {
  // One-space indents: the stock scanner cannot track indentation past 255 columns.
  std::string text;
  for (int i = 0; i < 240; ++i) text += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
  text += std::string(240, ' ') + "pass\n";
  auto p = parse(text);
  EXPECT_EQ(p->count(Kind::NestingTooDeep), 1u) << p->messages().substr(0, 500);
  EXPECT_EQ(p->count(Kind::SyntaxError), 0u) << p->messages().substr(0, 500);
}

TEST(Errors, DeepElifChainsAreBounded) {
  std::string text = "if a:\n    pass\n";
  for (int i = 0; i < 1000; ++i) text += "elif a:\n    pass\n";
  auto p = parse(text);
  EXPECT_EQ(p->count(Kind::NestingTooDeep), 1u) << p->messages().substr(0, 500);
  dumpModule(p->module);
}

TEST(Errors, DeepBracketsOfUnsupportedKindsDoNotCrash) {
  for (char open : {'[', '{'}) {
    char close = open == '[' ? ']' : '}';
    auto p = parse("x = " + std::string(20000, open) + std::string(20000, close) + "\n");
    EXPECT_EQ(p->module.body.size(), 1u);
  }
  std::string calls = "x = f";
  for (int i = 0; i < 20000; ++i) calls += "()";
  auto chained = parse(calls + "\n");
  EXPECT_EQ(chained->count(Kind::NestingTooDeep), 1u);
}

const char* const kSample =
    "import math\n"
    "import pyxc\n"
    "from pyxc import f64, i64\n"
    "\n"
    "@pyxc.native(boundscheck=False)\n"
    "def dot(a: f64[:], b: pyxc.f64[:, ::1], *, n: int = 3) -> tuple[f64, i64]:\n"
    "    \"\"\"Dot product.\"\"\"\n"
    "    s: f64 = 0.0\n"
    "    for i in range(a.shape[0]):\n"
    "        if 0 <= i < n and not b[i, 0] is None:\n"
    "            s += a[i] * b[i, 0] if i else -1e10\n"
    "        elif i == 2:\n"
    "            continue\n"
    "        else:\n"
    "            break\n"
    "    while s > 1_000:\n"
    "        s //= 2\n"
    "    assert s >= 0, 'negative'\n"
    "    raise ValueError(f'bad {s}')\n"
    "    return s, 0x10\n";

TEST(Errors, EveryTruncationOfAProgramIsHandled) {
  std::string sample = kSample;
  for (size_t n = 0; n <= sample.size(); ++n) {
    auto p = parse(sample.substr(0, n));
    dumpModule(p->module);
  }
  auto whole = parse(sample);
  EXPECT_TRUE(whole->diags.all().empty()) << whole->messages();
}

// Many statements and many errors stay linear (children are walked with
// cursors, bindings deduplicated with a set): this would take minutes if not.
TEST(Errors, HugeModulesStayFast) {
  std::string text;
  for (int i = 0; i < 60000; ++i) text += "v" + std::to_string(i) + " = " + std::to_string(i) + "\n";
  auto p = parse(text);
  EXPECT_TRUE(p->diags.all().empty());
  EXPECT_EQ(p->module.body.size(), 60000u);
  EXPECT_EQ(p->module.otherBindings.size(), 60000u);
  std::string broken;
  for (int i = 0; i < 20000; ++i) broken += "x = )\n";
  auto q = parse(broken);
  EXPECT_EQ(q->count(Kind::SyntaxError), 20000u);
}

TEST(Errors, RandomBytesNeverCrash) {
  std::mt19937 rng(12345);
  for (int round = 0; round < 300; ++round) {
    std::string text(rng() % 400, '\0');
    for (char& c : text) c = static_cast<char>(rng() % 256);
    auto p = parse(text);
    dumpModule(p->module);
  }
}

TEST(Errors, RandomTokenSoupNeverCrashes) {
  static const char* const pieces[] = {
      "def ", "f", "(", ")", ":", "\n", "    ", "x", " = ", "1", "[", "]", ", ", "::", "if ", "else", "elif ",
      "for ", " in ", "while ", "return ", "lambda", "'s'", "f'{x}'", "\\\n", "#c\n", "and ", "not ", "**",
      "@", "pyxc.native", "->", "f64", "None", "class ", "try:", "except", "*", "/", "1e", "0x", "_", ";",
      "é", "\t", "(", "{", "}", "async ", "await ", "yield ", ":=", "..."};
  std::mt19937 rng(777);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    size_t count = rng() % 60;
    for (size_t i = 0; i < count; ++i) text += pieces[rng() % (sizeof pieces / sizeof *pieces)];
    auto p = parse(text);
    for (const auto& d : p->diags.all()) {
      EXPECT_TRUE(d.span.valid());
      EXPECT_LE(d.span.end, text.size() + 1);
    }
    dumpModule(p->module);
  }
}

}  // namespace
}  // namespace pyxc::syntax::testing
