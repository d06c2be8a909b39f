#include "compiler/common/source.h"

namespace pyxc {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  for (uint32_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n' && i + 1 < text_.size()) lineStarts_.push_back(i + 1);
  }
}

std::string_view SourceFile::lineText(uint32_t line) const {
  if (line == 0 || line > lineStarts_.size()) return {};
  uint32_t start = lineStarts_[line - 1];
  uint32_t stop = line < lineStarts_.size() ? lineStarts_[line] : static_cast<uint32_t>(text_.size());
  std::string_view view(text_.data() + start, stop - start);
  while (!view.empty() && (view.back() == '\n' || view.back() == '\r')) view.remove_suffix(1);
  return view;
}

std::string_view SourceFile::slice(const Span& span) const {
  if (span.end > text_.size() || span.begin > span.end) return {};
  return std::string_view(text_).substr(span.begin, span.end - span.begin);
}

std::string_view SourceFile::lines(uint32_t firstLine, uint32_t lastLine) const {
  if (firstLine == 0 || firstLine > lastLine || firstLine > lineStarts_.size()) return {};
  uint32_t start = lineStarts_[firstLine - 1];
  uint32_t stop = lastLine < lineStarts_.size() ? lineStarts_[lastLine] : static_cast<uint32_t>(text_.size());
  return std::string_view(text_).substr(start, stop - start);
}

}  // namespace pyxc
