// Article readers: plain text (headline first), JSON Lines and HTML, from files or stdin.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "extractors/article.h"

namespace diplograph {

enum class ArticleFormat { kAuto, kText, kJsonLines, kHtml };

// Calls `sink` for each article in `content`, read from `name` (a path or
// "-"). Throws Error("NAME: problem") for content no article can come from:
// empty input, invalid UTF-8 (with its byte offset), a malformed JSON line
// (with its line number), a line without text, an HTML page without text.
// kAuto reads content starting with '{' as JSON Lines, with '<' as HTML.
void ParseArticles(std::string_view content, const std::string& name, ArticleFormat format,
                   const std::function<void(Article&&)>& sink);

// Reads a file (or stdin for "-") whole. Throws Error naming the path when it
// is missing, a directory, unreadable or larger than `max_bytes`.
std::string ReadInput(const std::string& path, size_t max_bytes = size_t{1} << 30);

// The format a path's extension names (.jsonl, .ndjson -> JSON Lines; .html,
// .htm -> HTML; .txt -> text); kAuto otherwise and for stdin ("-"), which
// ParseArticles decides from the first character.
ArticleFormat FormatOfPath(const std::string& path);

// Parses a JSON Lines file as ParseArticles does, with the same errors,
// reading it a line at a time: memory stays that of the longest line
// whatever the file's size.
void StreamJsonLines(const std::string& path, const std::function<void(Article&&)>& sink);

// ReadInput then ParseArticles, in the format FormatOfPath gives.
void ReadArticles(const std::string& path, const std::function<void(Article&&)>& sink);

}  // namespace diplograph
