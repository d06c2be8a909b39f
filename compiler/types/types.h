// pyxc's type vocabulary: scalars, tuples, arrays (issue 3), void.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pyxc::types {

enum class Scalar : uint8_t { Bool, I8, I16, I32, I64, U8, U16, U32, U64, F32, F64 };

enum class TypeKind : uint8_t {
  Unknown,  // not yet inferred, or an error was reported (suppresses cascades)
  Void,     // `-> None`
  Scalar,
  Tuple,
  Array,    // T[:], T[:, ::1] ...: element scalar, ndim, C-contiguous last axis
  List,     // list[T]: elements[0] = T (a scalar; unknown while `[]` waits for its first append)
  Object,   // a Python object (`object`, `typing.Callable` parameters; Python call results), used only
            // inside `with pyxc.gil():` (docs/semantics.md, "Calling Python")
};

struct Type {
  TypeKind kind = TypeKind::Unknown;
  Scalar scalar = Scalar::I64;          // Scalar, Array element
  std::vector<Type> elements;           // Tuple; List: the one element type
  int ndim = 0;                         // Array
  bool contiguous = false;              // Array: T[::1], T[:, ::1]

  static Type unknown() { return {}; }
  static Type voidType() { Type t; t.kind = TypeKind::Void; return t; }
  static Type scalarOf(Scalar s) { Type t; t.kind = TypeKind::Scalar; t.scalar = s; return t; }
  static Type tupleOf(std::vector<Type> elems) {
    Type t; t.kind = TypeKind::Tuple; t.elements = std::move(elems); return t;
  }
  static Type object() { Type t; t.kind = TypeKind::Object; return t; }
  static Type arrayOf(Scalar elem, int ndim, bool contiguous) {
    Type t; t.kind = TypeKind::Array; t.scalar = elem; t.ndim = ndim; t.contiguous = contiguous; return t;
  }

  static Type listOf(Type elem) {
    Type t; t.kind = TypeKind::List; t.elements.push_back(std::move(elem)); return t;
  }

  bool isUnknown() const { return kind == TypeKind::Unknown; }
  bool isObject() const { return kind == TypeKind::Object; }
  bool isScalar() const { return kind == TypeKind::Scalar; }
  bool isScalar(Scalar s) const { return kind == TypeKind::Scalar && scalar == s; }
  bool isBool() const { return isScalar(Scalar::Bool); }
  bool isInteger() const;  // any int scalar, not bool
  bool isFloat() const;    // f32 or f64
  bool isNumeric() const { return isInteger() || isFloat() || isBool(); }
  bool isList() const { return kind == TypeKind::List; }
  // A list's element type (unknown for other kinds).
  Type listElement() const { return kind == TypeKind::List && !elements.empty() ? elements[0] : Type{}; }

  friend bool operator==(const Type& a, const Type& b);
  friend bool operator!=(const Type& a, const Type& b) { return !(a == b); }
};

bool isSigned(Scalar s);
bool isIntegerScalar(Scalar s);
bool isFloatScalar(Scalar s);
int bitWidth(Scalar s);

// Python-facing name: "int" for I64, "float" for F64, "bool", else the
// pyxc name ("i32", "f32"); tuples as "tuple[float, int]", arrays "f64[:, ::1]".
std::string pythonName(const Type& t);
// C++ spelling: "int64_t", "double", "std::tuple<double, int64_t>", "void";
// arrays are owning `pyxc::rt::Array<double, 2, true>` (locals, results).
std::string cppName(const Type& t);
// How a parameter of type `t` is passed to a function body: arrays as the
// non-owning `pyxc::rt::ArrayView<...>`, everything else as cppName.
std::string cppParamName(const Type& t);
// pyxc marker name of a scalar: "i64", "f64", "bool".
const char* markerName(Scalar s);

}  // namespace pyxc::types
