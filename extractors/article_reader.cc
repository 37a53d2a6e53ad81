#include "extractors/article_reader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/error.h"
#include "core/sha256.h"
#include "core/utf8.h"
#include "extractors/html_reader.h"

namespace diplograph {

namespace {

bool IsBlank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  return true;
}

std::string_view StripBom(std::string_view s) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

std::string JsonString(const nlohmann::json& obj, const char* field, const std::string& where) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer() && std::strcmp(field, "id") == 0)
    return std::to_string(it->get<long long>());
  throw Error(where + ": field \"" + field + "\" is not a string");
}

// One JSON Lines article, line `line_no` of `name` (both named in errors).
// Returns whether the line held one (blank lines do not).
bool ParseJsonLine(std::string_view line, const std::string& name, size_t line_no,
                   const std::function<void(Article&&)>& sink) {
  if (IsBlank(line)) return false;
  const std::string where = name + ":" + std::to_string(line_no);
  nlohmann::json obj = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (obj.is_discarded()) throw Error(where + ": not a valid JSON object");
  if (!obj.is_object()) throw Error(where + ": expected a JSON object per line");
  Article a;
  a.meta.title = JsonString(obj, "title", where);
  const std::string body = JsonString(obj, "text", where);
  if (IsBlank(body) && IsBlank(a.meta.title)) throw Error(where + ": article has no text");
  a.meta.url = JsonString(obj, "url", where);
  a.meta.source = JsonString(obj, "source", where);
  a.meta.lang = JsonString(obj, "lang", where);
  a.meta.path = name;
  const std::string published = JsonString(obj, "published", where);
  if (!published.empty()) {
    // Timestamps ("2025-01-30T10:00:00Z") keep their date part.
    const std::string day = published.substr(0, 10);
    if (!Date::ParseIso(day))
      throw Error(where + ": \"published\" is not an ISO date: " + utf8::Excerpt(published));
    a.meta.published = day;
  }
  a.text = a.meta.title.empty() ? body : a.meta.title + "\n" + body;
  AssignContentId(&a);
  sink(std::move(a));
  return true;
}

void ParseJsonLines(std::string_view content, const std::string& name,
                    const std::function<void(Article&&)>& sink) {
  size_t line_no = 0;
  size_t pos = 0;
  size_t articles = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    const std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    if (ParseJsonLine(line, name, ++line_no, sink)) ++articles;
  }
  if (articles == 0) throw Error(name + ": no articles (empty input)");
}

}  // namespace

void AssignContentId(Article* article) { article->meta.id = "sha256:" + Sha256Hex(article->text); }

void ParseArticles(std::string_view content, const std::string& name, ArticleFormat format,
                   const std::function<void(Article&&)>& sink) {
  content = StripBom(content);
  if (IsBlank(content)) throw Error(name + ": empty file, no article to read");
  const size_t bad = utf8::FindInvalid(content);
  if (bad != std::string_view::npos)
    throw Error(name + ": invalid UTF-8 at byte " + std::to_string(bad));
  if (content.find('\0') != std::string_view::npos)
    throw Error(name + ": contains NUL bytes; not a text article");
  if (format == ArticleFormat::kAuto) {
    const size_t first = content.find_first_not_of(" \t\r\n");
    // A plain-text headline practically never starts with '<'; a page always does.
    format = content[first] == '{'   ? ArticleFormat::kJsonLines
             : content[first] == '<' ? ArticleFormat::kHtml
                                     : ArticleFormat::kText;
  }
  if (format == ArticleFormat::kJsonLines) return ParseJsonLines(content, name, sink);
  if (format == ArticleFormat::kHtml) return sink(ParseHtmlArticle(content, name));

  Article a;
  // Leading blank lines are not the headline; offsets still count from the file start.
  a.text = std::string(content);
  const size_t start = content.find_first_not_of(" \t\r\n");
  size_t nl = content.find('\n', start);
  if (nl == std::string_view::npos) nl = content.size();
  std::string_view title = content.substr(start, nl - start);
  while (!title.empty() && (title.back() == '\r' || title.back() == ' ')) title.remove_suffix(1);
  a.meta.title = std::string(title);
  a.meta.path = name;
  AssignContentId(&a);
  sink(std::move(a));
}

std::string ReadInput(const std::string& path, size_t max_bytes) {
  if (path == "-") {
    std::string data((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    if (data.size() > max_bytes) throw Error("-: input larger than the limit");
    return data;
  }
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) throw Error(path + ": no such file");
  if (std::filesystem::is_directory(status))
    throw Error(path + ": is a directory, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open: " + std::strerror(errno));
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) throw Error(path + ": cannot read");
  if (static_cast<size_t>(size) > max_bytes)
    throw Error(path + ": file of " + std::to_string(size) + " bytes is larger than the limit");
  in.seekg(0);
  std::string data(static_cast<size_t>(size), '\0');
  in.read(data.data(), size);
  if (!in) throw Error(path + ": read failed");
  return data;
}

ArticleFormat FormatOfPath(const std::string& path) {
  if (path == "-") return ArticleFormat::kAuto;
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".jsonl" || ext == ".ndjson") return ArticleFormat::kJsonLines;
  if (ext == ".html" || ext == ".htm") return ArticleFormat::kHtml;
  if (ext == ".txt") return ArticleFormat::kText;
  return ArticleFormat::kAuto;
}

void StreamJsonLines(const std::string& path, const std::function<void(Article&&)>& sink) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw Error(path + ": is a directory, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": no such file or cannot open: " + std::strerror(errno));
  std::string line;
  size_t line_no = 0, offset = 0, articles = 0;
  while (std::getline(in, line)) {
    std::string_view view = line;
    if (line_no == 0) view = StripBom(view);
    // Offsets in errors count from the file's start, as ParseArticles' do.
    const size_t start = offset + (line.size() - view.size());
    offset += line.size() + 1;
    ++line_no;
    const size_t bad = utf8::FindInvalid(view);
    if (bad != std::string_view::npos)
      throw Error(path + ": invalid UTF-8 at byte " + std::to_string(start + bad));
    if (view.find('\0') != std::string_view::npos)
      throw Error(path + ": contains NUL bytes; not a text article");
    if (ParseJsonLine(view, path, line_no, sink)) ++articles;
  }
  if (in.bad()) throw Error(path + ": read failed: " + std::strerror(errno));
  if (articles == 0) throw Error(path + ": empty file, no article to read");
}

void ReadArticles(const std::string& path, const std::function<void(Article&&)>& sink) {
  ParseArticles(ReadInput(path), path, FormatOfPath(path), sink);
}

}  // namespace diplograph
