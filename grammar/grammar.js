/**
 * pyxc's Python grammar: stock tree-sitter-python with one change.
 *
 * Python accepts any expression as an annotation. The stock grammar instead
 * sends a bare `identifier[` inside a type to `generic_type`, whose brackets
 * only hold types and which takes no postfix after them, so pyxc's array
 * annotations fail: `a: f64[:]` and `f64[1::2]` are ERRORs, `f64[1:2]` reads
 * as a PEP 695 constrained type (`T: int`), `f64[:][0]` is an ERROR.
 *
 * Here an annotation's `type` no longer offers `generic_type`, so
 * `f64[:, ::1]`, `tuple[f64, i64]` and `list[int]` are the ordinary
 * `subscript` expressions they are in Python (exactly like the qualified
 * `pyxc.f64[:, ::1]`, which the stock grammar already parsed that way), and
 * any postfix after them parses too. No new conflicts. The other kinds of
 * `type` stay (`a | b`, and PEP 695 `T: int` / `*Ts` in `def f[...]`).
 *
 * Second change: stock tree-sitter-python gives `^` a higher precedence than
 * `&`, so `a ^ b & c` parses as `(a ^ b) & c`. Python binds `&` tighter than
 * `^` (`|` < `^` < `&` < shifts), and the difference changes results, so
 * `binary_operator` is restated with Python's order.
 */
const python = require('tree-sitter-python/grammar');
const STOCK_PREC = python.PREC;

// Python's order for the bitwise operators, inside the stock range 14..17.
const PREC = Object.assign({}, STOCK_PREC, {
  bitwise_or: STOCK_PREC.bitwise_or,
  xor: STOCK_PREC.bitwise_and,
  bitwise_and: STOCK_PREC.xor,
});

module.exports = grammar(python, {
  name: 'pyxc_python',

  rules: {
    binary_operator: $ => {
      const table = [
        [prec.left, '+', PREC.plus],
        [prec.left, '-', PREC.plus],
        [prec.left, '*', PREC.times],
        [prec.left, '@', PREC.times],
        [prec.left, '/', PREC.times],
        [prec.left, '%', PREC.times],
        [prec.left, '//', PREC.times],
        [prec.right, '**', PREC.power],
        [prec.left, '|', PREC.bitwise_or],
        [prec.left, '^', PREC.xor],
        [prec.left, '&', PREC.bitwise_and],
        [prec.left, '<<', PREC.shift],
        [prec.left, '>>', PREC.shift],
      ];
      return choice(...table.map(([fn, operator, precedence]) => fn(precedence, seq(
        field('left', $.primary_expression),
        field('operator', operator),
        field('right', $.primary_expression),
      ))));
    },

    type: $ => choice(
      prec(1, $.expression),
      $.splat_type,
      $.union_type,
      $.constrained_type,
      $.member_type,
    ),
  },
});
