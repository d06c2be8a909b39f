#include "compiler/common/float_strings.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace pyxc {

namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  return true;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Copies a run of digits with single underscores between digits into out;
// false when the run is empty or an underscore is misplaced.
bool digitRun(std::string_view text, size_t& i, std::string& out) {
  size_t start = i;
  while (i < text.size() && (isDigit(text[i]) || text[i] == '_')) {
    if (text[i] == '_' && (i == start || !isDigit(text[i - 1]) || i + 1 >= text.size() || !isDigit(text[i + 1])))
      return false;
    if (text[i] != '_') out += text[i];
    ++i;
  }
  return i > start;
}

}  // namespace

std::optional<double> parsePythonFloat(std::string_view text) {
  auto isSpace = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  bool negative = false;
  std::string_view body = text;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  double sign = negative ? -1.0 : 1.0;
  if (equalsIgnoringCase(body, "inf") || equalsIgnoringCase(body, "infinity"))
    return sign * std::numeric_limits<double>::infinity();
  if (equalsIgnoringCase(body, "nan")) return std::copysign(std::numeric_limits<double>::quiet_NaN(), sign);
  std::string clean = negative ? "-" : "";
  size_t i = 0;
  bool intDigits = i < body.size() && isDigit(body[i]);
  if (intDigits && !digitRun(body, i, clean)) return std::nullopt;
  bool fracDigits = false;
  if (i < body.size() && body[i] == '.') {
    clean += '.';
    ++i;
    fracDigits = i < body.size() && isDigit(body[i]);
    if (fracDigits && !digitRun(body, i, clean)) return std::nullopt;
  }
  if (!intDigits && !fracDigits) return std::nullopt;
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    clean += 'e';
    ++i;
    if (i < body.size() && (body[i] == '+' || body[i] == '-')) clean += body[i++];
    if (i >= body.size() || !isDigit(body[i]) || !digitRun(body, i, clean)) return std::nullopt;
  }
  if (i != body.size()) return std::nullopt;
  return std::strtod(clean.c_str(), nullptr);  // glibc's strtod rounds correctly, as CPython's does
}

}  // namespace pyxc
