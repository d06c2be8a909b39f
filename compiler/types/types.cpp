#include "compiler/types/types.h"

namespace pyxc::types {

bool isIntegerScalar(Scalar s) {
  switch (s) {
    case Scalar::I8: case Scalar::I16: case Scalar::I32: case Scalar::I64:
    case Scalar::U8: case Scalar::U16: case Scalar::U32: case Scalar::U64:
      return true;
    default:
      return false;
  }
}

bool isFloatScalar(Scalar s) { return s == Scalar::F32 || s == Scalar::F64; }

bool isSigned(Scalar s) {
  switch (s) {
    case Scalar::I8: case Scalar::I16: case Scalar::I32: case Scalar::I64:
    case Scalar::F32: case Scalar::F64:
      return true;
    default:
      return false;
  }
}

int bitWidth(Scalar s) {
  switch (s) {
    case Scalar::Bool: return 1;
    case Scalar::I8: case Scalar::U8: return 8;
    case Scalar::I16: case Scalar::U16: return 16;
    case Scalar::I32: case Scalar::U32: case Scalar::F32: return 32;
    case Scalar::I64: case Scalar::U64: case Scalar::F64: return 64;
  }
  return 0;
}

bool Type::isInteger() const { return kind == TypeKind::Scalar && isIntegerScalar(scalar); }
bool Type::isFloat() const { return kind == TypeKind::Scalar && isFloatScalar(scalar); }

bool operator==(const Type& a, const Type& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case TypeKind::Unknown: case TypeKind::Void: case TypeKind::Object: return true;
    case TypeKind::Scalar: return a.scalar == b.scalar;
    case TypeKind::Tuple: case TypeKind::List: return a.elements == b.elements;
    case TypeKind::Array: return a.scalar == b.scalar && a.ndim == b.ndim && a.contiguous == b.contiguous;
  }
  return false;
}

const char* markerName(Scalar s) {
  switch (s) {
    case Scalar::Bool: return "bool";
    case Scalar::I8: return "i8";
    case Scalar::I16: return "i16";
    case Scalar::I32: return "i32";
    case Scalar::I64: return "i64";
    case Scalar::U8: return "u8";
    case Scalar::U16: return "u16";
    case Scalar::U32: return "u32";
    case Scalar::U64: return "u64";
    case Scalar::F32: return "f32";
    case Scalar::F64: return "f64";
  }
  return "?";
}

static const char* cppScalar(Scalar s) {
  switch (s) {
    case Scalar::Bool: return "bool";
    case Scalar::I8: return "int8_t";
    case Scalar::I16: return "int16_t";
    case Scalar::I32: return "int32_t";
    case Scalar::I64: return "int64_t";
    case Scalar::U8: return "uint8_t";
    case Scalar::U16: return "uint16_t";
    case Scalar::U32: return "uint32_t";
    case Scalar::U64: return "uint64_t";
    case Scalar::F32: return "float";
    case Scalar::F64: return "double";
  }
  return "?";
}

std::string pythonName(const Type& t) {
  switch (t.kind) {
    case TypeKind::Unknown: return "<unknown>";
    case TypeKind::Void: return "None";
    case TypeKind::Object: return "object";
    case TypeKind::Scalar:
      if (t.scalar == Scalar::I64) return "int";
      if (t.scalar == Scalar::F64) return "float";
      return markerName(t.scalar);
    case TypeKind::Tuple: {
      std::string out = "tuple[";
      for (size_t i = 0; i < t.elements.size(); ++i) {
        if (i) out += ", ";
        out += pythonName(t.elements[i]);
      }
      return out + "]";
    }
    case TypeKind::Array: {
      std::string out = std::string(markerName(t.scalar)) + "[";
      for (int i = 0; i < t.ndim; ++i) {
        if (i) out += ", ";
        out += (t.contiguous && i == t.ndim - 1) ? "::1" : ":";
      }
      return out + "]";
    }
    case TypeKind::List: return "list[" + pythonName(t.listElement()) + "]";
  }
  return "?";
}

std::string cppParamName(const Type& t) {
  if (t.kind != TypeKind::Array) return cppName(t);
  return std::string("pyxc::rt::ArrayView<") + cppScalar(t.scalar) + ", " + std::to_string(t.ndim) +
         (t.contiguous ? ", true>" : ", false>");
}

std::string cppName(const Type& t) {
  switch (t.kind) {
    case TypeKind::Unknown: return "/*unknown*/void";
    case TypeKind::Void: return "void";
    case TypeKind::Object: return "pyxc::rt::ObjectRef";  // borrowed; the wrapper's ObjectArg owns it
    case TypeKind::Scalar: return cppScalar(t.scalar);
    case TypeKind::Tuple: {
      std::string out = "std::tuple<";
      for (size_t i = 0; i < t.elements.size(); ++i) {
        if (i) out += ", ";
        out += cppName(t.elements[i]);
      }
      return out + ">";
    }
    case TypeKind::Array:
      return std::string("pyxc::rt::Array<") + cppScalar(t.scalar) + ", " + std::to_string(t.ndim) +
             (t.contiguous ? ", true>" : ", false>");
    case TypeKind::List: return "pyxc::rt::List<" + cppName(t.listElement()) + ">";
  }
  return "?";
}

}  // namespace pyxc::types
