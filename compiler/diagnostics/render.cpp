#include "compiler/diagnostics/render.h"

#include <fmt/format.h>

#include <algorithm>

namespace pyxc::diag {
namespace {

const char* severityName(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

// Columns are stored as byte offsets; people count characters.
uint32_t charColumn(const SourceFile& source, uint32_t line, uint32_t byteColumn) {
  std::string_view text = source.lineText(line);
  uint32_t chars = 1;
  for (uint32_t i = 0; i + 1 < byteColumn && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
  return chars;
}

std::string jsonEscape(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) out += fmt::format("\\u{:04x}", c);
        else out += static_cast<char>(c);
    }
  }
  return out;
}

struct Palette {
  const char* bold = "";
  const char* red = "";
  const char* magenta = "";
  const char* cyan = "";
  const char* green = "";
  const char* reset = "";
};

// Lines longer than this are shown as a window around the column, so a
// generated or minified line does not flood the terminal.
constexpr uint32_t kMaxShownChars = 160;
constexpr uint32_t kContextBefore = 60;

void renderLocation(std::string& out, const SourceFile& source, const Span& span, const Palette& p) {
  if (!span.valid() || span.line > source.lineCount()) return;
  std::string_view text = source.lineText(span.line);
  // Character i (0-based) starts at byte starts[i].
  std::vector<size_t> starts;
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  uint32_t lineChars = static_cast<uint32_t>(starts.size());
  uint32_t col = charColumn(source, span.line, span.column);  // 1-based
  uint32_t width = 1;
  if (span.endLine == span.line && span.endColumn > span.column)
    width = charColumn(source, span.line, span.endColumn) - col;
  uint32_t first = 0, last = lineChars;  // shown characters [first, last)
  if (lineChars > kMaxShownChars) {
    first = col > kContextBefore ? col - 1 - kContextBefore : 0;
    last = std::min(lineChars, first + kMaxShownChars);
  }
  auto byteAt = [&](uint32_t ch) { return ch < lineChars ? starts[ch] : text.size(); };
  std::string shown(text.substr(byteAt(first), byteAt(last) - byteAt(first)));
  std::string prefix = first > 0 ? "..." : "";
  std::string suffix = last < lineChars ? "..." : "";
  // Tabs are kept so the caret lines up with the printed line.
  std::string caretLine(prefix.size(), ' ');
  for (uint32_t ch = first; ch + 1 < col && ch < last; ++ch) caretLine += text[starts[ch]] == '\t' ? '\t' : ' ';
  uint32_t visible = std::min(width, last > col - 1 ? last - (col - 1) : 1u);
  out += fmt::format("{}{}{}\n{}{}^{}{}\n", prefix, shown, suffix, caretLine, p.green,
                     std::string(visible > 1 ? visible - 1 : 0, '~'), p.reset);
}

std::string renderText(const SourceFile& source, const std::vector<const Diagnostic*>& items, bool color) {
  Palette p;
  if (color) p = Palette{"\033[1m", "\033[1;31m", "\033[1;35m", "\033[1;36m", "\033[1;32m", "\033[0m"};
  std::string out;
  for (const Diagnostic* d : items) {
    const char* sevColor = d->severity == Severity::Error ? p.red : p.magenta;
    if (d->span.valid())
      out += fmt::format("{}{}:{}:{}: ", p.bold, source.path(), d->span.line, charColumn(source, d->span.line, d->span.column));
    else
      out += fmt::format("{}{}: ", p.bold, source.path());
    out += fmt::format("{}{}:{} {}{}{} [{}]\n", sevColor, severityName(d->severity), p.reset, p.bold, d->message, p.reset,
                       kindName(d->kind));
    renderLocation(out, source, d->span, p);
    for (const Note& n : d->notes) {
      if (n.span.valid())
        out += fmt::format("{}{}:{}:{}: {}note:{} {}\n", p.bold, source.path(), n.span.line,
                           charColumn(source, n.span.line, n.span.column), p.cyan, p.reset, n.message);
      else
        out += fmt::format("{}note:{} {}\n", p.cyan, p.reset, n.message);
      renderLocation(out, source, n.span, p);
    }
  }
  return out;
}

std::string renderJson(const SourceFile& source, const std::vector<const Diagnostic*>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    const Diagnostic& d = *items[i];
    if (i) out += ",";
    out += fmt::format(
        "\n  {{\"file\": \"{}\", \"line\": {}, \"column\": {}, \"end_line\": {}, \"end_column\": {}, "
        "\"severity\": \"{}\", \"kind\": \"{}\", \"message\": \"{}\", \"notes\": [",
        jsonEscape(source.path()), d.span.line, d.span.valid() ? charColumn(source, d.span.line, d.span.column) : 0,
        d.span.endLine, d.span.valid() ? charColumn(source, d.span.endLine, d.span.endColumn) : 0,
        severityName(d.severity), kindName(d.kind), jsonEscape(d.message));
    for (size_t j = 0; j < d.notes.size(); ++j) {
      const Note& n = d.notes[j];
      if (j) out += ", ";
      out += fmt::format("{{\"line\": {}, \"column\": {}, \"message\": \"{}\"}}", n.span.line,
                         n.span.valid() ? charColumn(source, n.span.line, n.span.column) : 0, jsonEscape(n.message));
    }
    out += "]}";
  }
  out += items.empty() ? "]" : "\n]";
  return out;
}

}  // namespace

std::string render(const SourceFile& source, const std::vector<Diagnostic>& diagnostics, const RenderOptions& options) {
  std::vector<const Diagnostic*> sorted;
  for (const auto& d : diagnostics) sorted.push_back(&d);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic* a, const Diagnostic* b) {
    return std::tie(a->span.line, a->span.column) < std::tie(b->span.line, b->span.column);
  });
  return options.format == Format::Json ? renderJson(source, sorted) : renderText(source, sorted, options.color);
}

std::string renderJsonArray(const std::vector<std::string>& renderedArrays) {
  // Each input is a JSON array; splice their elements into one array.
  std::string out = "[";
  bool first = true;
  for (const std::string& arr : renderedArrays) {
    auto open = arr.find('[');
    auto close = arr.rfind(']');
    if (open == std::string::npos || close == std::string::npos || close <= open + 1) continue;
    std::string inner = arr.substr(open + 1, close - open - 1);
    while (!inner.empty() && (inner.back() == '\n' || inner.back() == ' ')) inner.pop_back();
    if (inner.find_first_not_of(" \n") == std::string::npos) continue;
    if (!first) out += ",";
    out += inner;
    first = false;
  }
  out += first ? "]\n" : "\n]\n";
  return out;
}

}  // namespace pyxc::diag
