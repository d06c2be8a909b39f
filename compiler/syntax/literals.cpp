// Number and string literal spellings -> values, as CPython reads them.
#include <charconv>
#include <cstdint>
#include <string>

#include "compiler/syntax/convert.h"

namespace pyxc::syntax {
namespace {

int digitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

void appendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Reads exactly `count` hex digits at body[i..]; false if they are not all hex.
bool readHex(std::string_view body, size_t i, size_t count, uint32_t& out) {
  if (i + count > body.size()) return false;
  uint32_t value = 0;
  for (size_t k = 0; k < count; ++k) {
    int d = digitValue(body[i + k]);
    if (d >= 16) return false;
    value = value * 16 + static_cast<uint32_t>(d);
  }
  out = value;
  return true;
}

}  // namespace

bool parseIntLiteral(std::string_view spelling, IntValue& out, std::string& error) {
  std::string digits;
  for (char c : spelling)
    if (c != '_') digits += c;
  if (digits.empty()) {
    error = "invalid integer literal";
    return false;
  }
  int base = 10;
  size_t start = 0;
  if (digits.size() >= 2 && digits[0] == '0') {
    char p = static_cast<char>(digits[1] | 0x20);
    if (p == 'x') base = 16;
    if (p == 'o') base = 8;
    if (p == 'b') base = 2;
    if (base != 10) start = 2;
  }
  if (start >= digits.size()) {
    error = "invalid integer literal";
    return false;
  }
  if (base == 10 && digits.size() > 1 && digits[0] == '0' &&
      digits.find_first_not_of('0') != std::string::npos) {
    error = "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
    return false;
  }
  const uint64_t limit = static_cast<uint64_t>(INT64_MAX);
  uint64_t value = 0;
  bool overflow = false;
  for (size_t i = start; i < digits.size(); ++i) {
    int d = digitValue(digits[i]);
    if (d >= base) {
      error = "invalid digit '" + std::string(1, digits[i]) + "' in integer literal";
      return false;
    }
    if (!overflow) {
      if (value > (limit - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) overflow = true;
      else value = value * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
    }
  }
  out.value = overflow ? 0 : static_cast<int64_t>(value);
  out.overflow = overflow;
  return true;
}

bool parseFloatLiteral(std::string_view spelling, double& out) {
  std::string digits;
  for (char c : spelling)
    if (c != '_') digits += c;
  const char* first = digits.data();
  const char* last = first + digits.size();
  auto [ptr, ec] = std::from_chars(first, last, out);
  // Out of range: Python reads 1e400 as inf and 1e-400 as 0.0, as strtod does.
  if (ec == std::errc::result_out_of_range) {
    out = std::strtod(digits.c_str(), nullptr);
    return true;
  }
  return ec == std::errc() && ptr == last;
}

std::string decodeEscapes(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '\r') {  // source newlines are universal: \r\n and \r read as \n
      out += '\n';
      if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
      continue;
    }
    if (c != '\\' || i + 1 >= body.size()) {
      out += c;
      continue;
    }
    char e = body[i + 1];
    size_t consumed = 2;
    uint32_t cp = 0;
    switch (e) {
      case '\n': break;  // line continuation inside the literal
      case '\r': consumed = (i + 2 < body.size() && body[i + 2] == '\n') ? 3 : 2; break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case 'x':
        if (readHex(body, i + 2, 2, cp)) { appendUtf8(out, cp); consumed = 4; }
        else { out += "\\x"; }
        break;
      case 'u':
        if (readHex(body, i + 2, 4, cp)) { appendUtf8(out, cp); consumed = 6; }
        else { out += "\\u"; }
        break;
      case 'U':
        if (readHex(body, i + 2, 8, cp) && cp <= 0x10FFFF) { appendUtf8(out, cp); consumed = 10; }
        else { out += "\\U"; }
        break;
      default:
        if (e >= '0' && e <= '7') {
          uint32_t value = 0;
          size_t k = i + 1;
          while (k < body.size() && k < i + 4 && body[k] >= '0' && body[k] <= '7')
            value = value * 8 + static_cast<uint32_t>(body[k++] - '0');
          appendUtf8(out, value);
          consumed = k - i;
        } else {
          // Unknown escapes (and \N{...}, which needs the Unicode name
          // table) keep their backslash, as CPython does for unknown ones.
          out += '\\';
          out += e;
        }
    }
    i += consumed - 1;
  }
  return out;
}

}  // namespace pyxc::syntax
