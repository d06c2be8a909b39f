// dumpModule's format is what lit tests match: keep it stable.
#include "compiler/syntax/test/syntax_test_util.h"

namespace pyxc::syntax::testing {
namespace {

TEST(Dump, SmallProgram) {
  auto p = parse(
      "from pyxc import f64\n"
      "@native\n"
      "def f(a: f64[::1], n=2) -> f64:\n"
      "    'doc'\n"
      "    s = a[0] if n else -1.5\n"
      "    for i in range(n):\n"
      "        s += i\n"
      "    return s\n"
      "K = 1\n");
  ASSERT_FALSE(p->diags.hasErrors()) << p->messages();
  EXPECT_EQ(dumpModule(p->module),
            "Module test\n"
            "  Import from pyxc @1:1\n"
            "    f64 as f64 @1:18\n"
            "  FunctionDef f @2:1 lines=2..8\n"
            "    decorator: Name native @2:2\n"
            "    param a positional @3:7\n"
            "      annotation: Subscript @3:10\n"
            "        Name f64 @3:10\n"
            "        Slice @3:14\n"
            "          step: IntLit 1 @3:16\n"
            "    param n positional @3:20\n"
            "      default: IntLit 2 @3:22\n"
            "    returns: Name f64 @3:28\n"
            "    docstring \"doc\"\n"
            "    body:\n"
            "      Assign @5:5\n"
            "        target: Name s @5:5\n"
            "        value: IfExp @5:9\n"
            "          test: Name n @5:17\n"
            "          body: Subscript @5:9\n"
            "            Name a @5:9\n"
            "            IntLit 0 @5:11\n"
            "          orelse: Unary - @5:24\n"
            "            FloatLit 1.5 @5:25\n"
            "      For @6:5\n"
            "        target: Name i @6:9\n"
            "        iter: Call @6:14\n"
            "          Name range @6:14\n"
            "          Name n @6:20\n"
            "        body:\n"
            "          AugAssign += @7:9\n"
            "            target: Name s @7:9\n"
            "            value: Name i @7:14\n"
            "      Return @8:5\n"
            "        Name s @8:12\n"
            "  Assign @9:1\n"
            "    target: Name K @9:1\n"
            "    value: IntLit 1 @9:5\n"
            "  binding K variable @9:1\n");
}

TEST(Dump, IsDeterministic) {
  const char* text = "def f(x: int) -> int:\n    return x if x > 0 else -x\n";
  EXPECT_EQ(dumpModule(parse(text)->module), dumpModule(parse(text)->module));
}

}  // namespace
}  // namespace pyxc::syntax::testing
