// The one place that decides how a Python operation on given operand types
// is spelled in C++ (mypyc-style primitive table): which runtime function
// implements `//` on two i32s, when an operation is plain C++, and which
// directives change that. The emitter never spells an operator itself.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/emit/value_ranges.h"
#include "compiler/types/types.h"

namespace pyxc::emit {

struct Primitive {
  // fmt pattern: {0}, {1}, ... are the operands (already converted to the
  // operand type), {T} the operand's C++ type.
  const char* pattern;
  // The operation can throw pyxc::rt::Error: operands around it must then be
  // evaluated in Python's order.
  bool mayRaise;
  // Integer operands narrower than `int` are promoted by C++: the result is
  // cast back to the operand type.
  bool castBack = false;
  // The only exception it can raise is OverflowError for its operand type
  // (checked + - * neg abs): two such operands may be evaluated in either
  // order, because whichever raises first raises the same error.
  bool overflowOnly = false;
};

// `operandType` is Expr::operandTypes (what check converted the operands to).
std::optional<Primitive> binaryPrimitive(ast::BinaryOp op, const types::Type& operandType,
                                         const ast::Directives& directives);
std::optional<Primitive> unaryPrimitive(ast::UnaryOp op, const types::Type& operandType,
                                        const ast::Directives& directives);
// The operation without a check that the operands' intervals (ValueRanges)
// prove can never fire: a checked `+ - *` whose exact result fits the type
// becomes the wrapping one (which then never wraps), and `//` `%` of a
// non-negative dividend by a positive divisor become an unsigned C++ `/`
// `%` (which agree with Python's there, and need no zero check). nullopt: nothing
// proven, use binaryPrimitive / unaryPrimitive.
std::optional<Primitive> provenBinaryPrimitive(ast::BinaryOp op, const types::Type& operandType, const Interval& left,
                                               const Interval& right, const ast::Directives& directives);
std::optional<Primitive> provenUnaryPrimitive(ast::UnaryOp op, const types::Type& operandType,
                                              const Interval& operand, const ast::Directives& directives);

// Comparisons of two scalars of the same type never raise.
const char* comparePattern(ast::CompareOp op);

// math.<name>(...) with double arguments; nullopt when pyxc has no such function.
std::optional<Primitive> mathFunction(std::string_view name);
// math.<name> constants as C++ expressions.
std::optional<std::string> mathConstant(std::string_view name);

// abs(x) on one operand type.
Primitive absPrimitive(const types::Type& operandType, const ast::Directives& directives);

// Conversion of a scalar value between scalar types with Python semantics
// where that differs from C++ (float -> int truncates and checks, int -> a
// narrower int checks the range). `explicitCast` is true for int()/i32()
// calls, false for the implicit widenings check inserts.
std::string convertScalar(const std::string& value, const types::Type& from, const types::Type& to,
                          bool explicitCast);

// Any value (scalar or tuple) from one type to another; implicit widenings only.
std::string convertValue(const std::string& value, const types::Type& from, const types::Type& to);

// The type both operands of a binary operator are converted to when check
// did not record one (augmented assignment): docs/semantics.md's join, with
// bools counting as ints in arithmetic.
types::Type numericJoin(const types::Type& a, const types::Type& b);
types::Type arithmeticOperandType(ast::BinaryOp op, const types::Type& a, const types::Type& b);
// What the primitive for `op` on `operandType` returns (`/` on ints: f64).
types::Type binaryResultType(ast::BinaryOp op, const types::Type& operandType);

// Fills `pattern` with the operands. Infix and prefix results come back
// parenthesized (a primary expression), narrow integer results cast back
// to the operand type.
std::string applyPattern(const Primitive& primitive, const std::vector<std::string>& operands,
                         const types::Type& operandType);

// Python truthiness of a scalar value as a C++ bool expression.
std::string truthiness(const std::string& value, const types::Type& type);

// The C++ exception kind for a builtin exception name ("ValueError"), or nullptr.
const char* exceptionKind(std::string_view pythonName);

// `a, b, c` (argument lists) and the general form with any separator.
std::string joinTexts(const std::vector<std::string>& parts, std::string_view separator);
std::string commaJoined(const std::vector<std::string>& parts);

}  // namespace pyxc::emit
