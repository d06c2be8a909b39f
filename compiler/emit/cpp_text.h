// Spelling C++ text: literals, identifiers, indented output.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "compiler/types/types.h"

namespace pyxc::emit {

// A C++ narrow string literal whose bytes are exactly `text`. Non-ASCII and
// control bytes become 3-digit octal escapes (never hex: a hex escape would
// swallow following hex digits), and `?` is escaped so that no trigraph-like
// sequence survives for pre-C++17 compilers.
std::string cppStringLiteral(std::string_view text);

// Literal of type `type` (a scalar) with the given value, exact in that type:
// `int64_t{5}`, `2.5`, `static_cast<float>(0.1)`, `true`.
std::string intLiteral(int64_t value, const types::Type& type);
std::string floatLiteral(double value, const types::Type& type);

// `text` without one pair of parentheses enclosing all of it (statement
// level: `return a + b;`, and `if ((a == b))` would draw clang's
// -Wparentheses-equality). Generated text has no parentheses inside string
// literals, so counting them is enough.
std::string withoutOuterParens(const std::string& text);

// Identifiers. Python names cannot collide with C++ keywords or with each
// other's mangled forms: locals end in one `_`, generated functions end in
// `__impl` / `__vectorcall`, flags in `__bound`, temporaries start `pyxc_t`.
std::string localName(std::string_view pythonName);
std::string boundFlagName(std::string_view pythonName);
std::string implName(std::string_view functionName);
std::string vectorcallName(std::string_view functionName);

// Lines with indentation. `#line` and other preprocessor lines go to column 0.
class CodeWriter {
 public:
  void line(std::string_view text);
  void preprocessor(std::string_view text);
  void blank() { out_ += '\n'; }
  void indent() { ++depth_; }
  void dedent() { --depth_; }
  const std::string& text() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  int depth_ = 0;
};

}  // namespace pyxc::emit
