// tree-sitter ERROR / MISSING nodes -> SyntaxError diagnostics, with the
// wording CPython uses where the tree says enough to tell.
#include <cctype>
#include <string>
#include <vector>

#include "compiler/syntax/convert.h"

namespace pyxc::syntax {
namespace {

std::string describeMissing(std::string_view type) {
  if (type == "identifier") return "expected a name";
  if (type == "_indent" || type == "block") return "expected an indented block";
  if (type.empty() || type[0] == '_' || std::isalpha(static_cast<unsigned char>(type[0]))) return "invalid syntax";
  return "expected '" + std::string(type) + "'";
}

Span pointAt(Span s, uint32_t offsetInLine) {
  s.begin += offsetInLine;
  s.end = s.begin;
  s.column += offsetInLine;
  s.endLine = s.line;
  s.endColumn = s.column;
  return s;
}

// The most common Python mistake is a compound statement header without its
// ':' (tree-sitter then makes the statement an ERROR). When an ERROR holds
// such a keyword and the rest of that line has balanced brackets but does
// not end in ':', say so and point just past the header.
bool missingColon(TSNode error, const Converter& converter, std::string_view text, Span& where) {
  static const char* const keywords[] = {"def", "if", "elif", "else", "while", "for", "class", "with", "try",
                                         "except", "finally"};
  TSNode keyword{};
  for (TSNode child : allChildren(error)) {
    if (!ts_node_is_null(keyword)) break;
    if (ts_node_is_named(child)) continue;
    for (const char* k : keywords)
      if (nodeType(child) == k) keyword = child;
  }
  if (ts_node_is_null(keyword)) return false;
  uint32_t begin = ts_node_start_byte(keyword);
  size_t lineEnd = text.find('\n', begin);
  std::string_view header = text.substr(begin, (lineEnd == std::string_view::npos ? text.size() : lineEnd) - begin);
  if (header.find_first_of("#'\"\\") != std::string_view::npos) return false;  // keep the heuristic simple
  int depth = 0;
  for (char c : header) depth += (c == '(' || c == '[' || c == '{') - (c == ')' || c == ']' || c == '}');
  while (!header.empty() && (header.back() == ' ' || header.back() == '\t' || header.back() == '\r'))
    header.remove_suffix(1);
  if (depth != 0 || header.empty() || header.back() == ':') return false;
  where = pointAt(converter.span(keyword), static_cast<uint32_t>(header.size()));
  return true;
}

struct Finding {
  Span where;
  std::string message;
};

// Brackets inside an ERROR: every closing one that matches nothing (tree-
// sitter often folds several bad lines into one ERROR), and an opening one
// still open where the ERROR ends, if it then swallowed the rest of the file.
std::vector<Finding> bracketErrors(TSNode error, uint32_t fileEnd, const Converter& converter) {
  std::vector<Finding> found;
  std::vector<TSNode> open;
  TSTreeCursor cursor = ts_tree_cursor_new(error);
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    if (ts_tree_cursor_goto_first_child(&cursor)) continue;
    std::string_view type = ts_node_is_named(node) ? std::string_view() : nodeType(node);
    if (type == "(" || type == "[" || type == "{") {
      open.push_back(node);
    } else if (type == ")" || type == "]" || type == "}") {
      char expected = type == ")" ? '(' : type == "]" ? '[' : '{';
      if (open.empty()) {
        found.push_back({converter.span(node), "unmatched '" + std::string(type) + "'"});
      } else {
        if (nodeType(open.back())[0] != expected)
          found.push_back({converter.span(node), "closing parenthesis '" + std::string(type) +
                                                     "' does not match opening parenthesis '" +
                                                     std::string(nodeType(open.back())) + "'"});
        open.pop_back();
      }
    }
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor)))
      if (!ts_tree_cursor_goto_parent(&cursor)) break;
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
  // Newlines inside brackets do not end a statement, so an unclosed bracket
  // makes the ERROR run to the end of the file.
  if (!open.empty() && ts_node_end_byte(error) >= fileEnd)
    found.push_back({converter.span(open.back()), "'" + std::string(nodeType(open.back())) + "' was never closed"});
  return found;
}

void reportError(TSNode error, uint32_t fileEnd, const Converter& converter, std::string_view text,
                 diag::DiagnosticBag& diags) {
  std::vector<Finding> brackets = bracketErrors(error, fileEnd, converter);
  for (auto& f : brackets) diags.error(diag::Kind::SyntaxError, f.where, std::move(f.message));
  if (!brackets.empty()) return;
  Span where;
  if (missingColon(error, converter, text, where)) {
    diags.error(diag::Kind::SyntaxError, where, "expected ':'");
  } else {
    diags.error(diag::Kind::SyntaxError, converter.span(error), "invalid syntax");
  }
}

}  // namespace

// Walks with a cursor (no recursion) and only enters subtrees that contain
// an error; an ERROR's own inside is not searched for more errors.
void reportSyntaxErrors(TSNode root, const Converter& converter, std::string_view text, diag::DiagnosticBag& diags) {
  if (!ts_node_has_error(root)) return;
  uint32_t fileEnd = ts_node_end_byte(lastToken(root));  // where the last real token ends
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    bool enter = false;
    if (nodeType(node) == "ERROR") {
      reportError(node, fileEnd, converter, text, diags);
    } else if (ts_node_is_missing(node)) {
      diags.error(diag::Kind::SyntaxError, converter.span(node), describeMissing(nodeType(node)));
    } else {
      enter = ts_node_has_error(node);
    }
    if (enter && ts_tree_cursor_goto_first_child(&cursor)) continue;
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor)))
      if (!ts_tree_cursor_goto_parent(&cursor)) break;
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
}

}  // namespace pyxc::syntax
