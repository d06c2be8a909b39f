#include "compiler/emit/cpp_text.h"

#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace pyxc::emit {

std::string cppStringLiteral(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '?': out += "\\?"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c >= 0x7f) {
          out += fmt::format("\\{:03o}", c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

std::string intLiteral(int64_t value, const types::Type& type) {
  using types::Scalar;
  if (!type.isScalar()) return fmt::format("int64_t{{{}}}", value);
  switch (type.scalar) {
    case Scalar::Bool: return value ? "true" : "false";
    case Scalar::F32:
    case Scalar::F64: return floatLiteral(static_cast<double>(value), type);
    case Scalar::I64:
      // The most negative value has no literal spelling of its own.
      if (value == INT64_MIN) return "std::numeric_limits<int64_t>::min()";
      [[fallthrough]];
    default:
      if (!types::isSigned(type.scalar) && value >= 0) {
        return fmt::format("{}{{{}u}}", types::cppName(type), value);
      }
      return fmt::format("{}{{{}}}", types::cppName(type), value);
  }
}

std::string floatLiteral(double value, const types::Type& type) {
  bool isF32 = type.isScalar(types::Scalar::F32);
  std::string cppType = isF32 ? "float" : "double";
  if (std::isnan(value)) return fmt::format("std::numeric_limits<{}>::quiet_NaN()", cppType);
  if (std::isinf(value)) {
    return fmt::format("{}std::numeric_limits<{}>::infinity()", value < 0 ? "-" : "", cppType);
  }
  if (type.isInteger()) return intLiteral(static_cast<int64_t>(value), type);
  if (type.isBool()) return value != 0 ? "true" : "false";
  // fmt prints the shortest text that reads back as the same double.
  std::string digits = fmt::format("{}", value);
  if (digits.find_first_of(".e") == std::string::npos) digits += ".0";
  if (!isF32) return digits;
  // Beyond f32's range a cast is undefined behaviour, here as in the
  // generated code: the runtime's rounding decides (±inf, as NumPy's).
  if (std::fabs(value) > std::numeric_limits<float>::max()) return "pyxc::rt::to_f32(" + digits + ")";
  // An f32 literal is the Python float rounded to f32, which `0.1f` (the
  // decimal rounded directly) is not always.
  if (static_cast<double>(static_cast<float>(value)) == value) return digits + "f";
  return "static_cast<float>(" + digits + ")";
}

std::string withoutOuterParens(const std::string& text) {
  if (text.size() < 2 || text.front() != '(' || text.back() != ')') return text;
  // The emitter's only comma expressions, `(static_cast<void>(a), b)`,
  // keep their parentheses: bare, `x = a, b;` would assign `a`.
  if (text.rfind("(static_cast<void>(", 0) == 0) return text;
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && --depth == 0 && i + 1 != text.size()) return text;
  }
  return text.substr(1, text.size() - 2);
}

std::string localName(std::string_view pythonName) { return std::string(pythonName) + "_"; }
std::string boundFlagName(std::string_view pythonName) { return std::string(pythonName) + "__bound"; }
std::string implName(std::string_view functionName) { return std::string(functionName) + "__impl"; }
std::string vectorcallName(std::string_view functionName) {
  return std::string(functionName) + "__vectorcall";
}

void CodeWriter::line(std::string_view text) {
  out_.append(static_cast<size_t>(depth_) * 2, ' ');
  out_ += text;
  out_ += '\n';
}

void CodeWriter::preprocessor(std::string_view text) {
  out_ += text;
  out_ += '\n';
}

}  // namespace pyxc::emit
