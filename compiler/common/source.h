// Source text and positions: the vocabulary every phase shares.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pyxc {

// A half-open byte range in one SourceFile, with 1-based line and byte
// column of both ends (tree-sitter reports byte columns; the renderer turns
// them into character columns when it prints).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t endLine = 0;
  uint32_t endColumn = 0;

  bool valid() const { return line != 0; }
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  // The text of 1-based line `line`, without its newline.
  std::string_view lineText(uint32_t line) const;
  uint32_t lineCount() const { return static_cast<uint32_t>(lineStarts_.size()); }
  std::string_view slice(const Span& span) const;
  // Whole lines [firstLine, lastLine], newlines included.
  std::string_view lines(uint32_t firstLine, uint32_t lastLine) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> lineStarts_;
};

}  // namespace pyxc
