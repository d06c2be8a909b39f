// The type rules of docs/semantics.md, in one place: joins (unification and
// binary-operator operand types, with NEP 50 "weak" literals), and which
// value types may be stored into which declared types.
#pragma once

#include <optional>
#include <string>

#include "compiler/ast/ast.h"
#include "compiler/types/types.h"

namespace pyxc::check {

using types::Scalar;
using types::Type;

// A type plus whether it came from a bare numeric literal (`1`, `-2.5`):
// such a literal adopts the type of the other operand when it can hold its
// kind (an int literal next to an i32 stays i32).
struct Operand {
  Type type;
  bool weak = false;
  // An int literal's value (weak operands only): a literal the other
  // operand's type cannot hold does not adopt that type.
  std::optional<long double> intValue;

  Operand() = default;
  Operand(Type t, bool isWeak = false, std::optional<long double> value = std::nullopt)
      : type(std::move(t)), weak(isWeak), intValue(value) {}
};

// True when `e` is an int/float literal, possibly with unary +/-.
bool isWeakLiteral(const ast::Expr& e);
// The value of an int literal, possibly with unary +/-; nullopt otherwise.
std::optional<long double> intLiteralValue(const ast::Expr& e);
// Whether the integer value `v` is in the range of the int scalar `s`.
bool integerFits(long double v, Scalar s);

// Join of two scalar or tuple types (numeric widening: bool < ints <
// floats). nullopt when the kinds do not unify (number vs tuple, tuples of
// different lengths). Unknown joined with X is X (unknown means "nothing
// known yet" during inference).
std::optional<Type> join(const Type& a, const Type& b);

// Join for operands of an operator: like join, but a weak literal adopts
// the other side's type where semantics.md says so. Returns nullopt for
// non-scalar operands.
std::optional<Type> joinOperands(const Operand& a, const Operand& b);

// `bool` used in arithmetic is an int (Python: True + True == 2).
Type boolAsInt(const Type& t);

// Can a value of type `from` be stored into a variable, parameter or return
// slot declared `to`? ints widen to floats (as CPython's int -> float
// argument conversion does); a float never narrows to an int; only bool is
// accepted for bool; fixed-width ints convert with a range check at run time.
// A weak literal is checked by its kind only.
bool isAssignable(const Operand& from, const Type& to);

// False for unknown and for tuples with an unknown element: types that
// follow an error already reported, so messages never print "<unknown>".
bool isComplete(const Type& t);

// "int", "float", "tuple[int, float]", for messages.
std::string typeName(const Type& t);

// Scalar marker names ("i8" ... "f64") -> scalar; nullopt for other names.
std::optional<Scalar> scalarFromMarker(const std::string& name);

}  // namespace pyxc::check
