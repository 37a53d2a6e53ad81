#include "cli/statement_reader.h"

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "core/error.h"
#include "core/json_io.h"
#include "core/utf8.h"

namespace diplograph {

void ReadStatementGroups(const std::string& path, const StatementGroupFn& fn) {
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) throw Error(path + ": cannot open");
  }
  std::istream& in = path == "-" ? std::cin : file;
  const std::string name = path == "-" ? "stdin" : path;

  ArticleMeta meta;
  std::vector<Statement> group;
  // Articles already handed over, by hash: eight bytes each on any corpus.
  std::unordered_set<size_t> done;
  auto flush = [&] {
    if (group.empty()) return;
    done.insert(std::hash<std::string>{}(meta.id));
    fn(std::move(meta), std::move(group));
    meta = ArticleMeta();
    group.clear();
  };
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = name + ":" + std::to_string(number);
    if (utf8::FindInvalid(line) != std::string::npos) throw Error(where + ": invalid UTF-8");
    Statement s;
    try {
      s = StatementFromExtractJson(nlohmann::json::parse(line));
    } catch (const nlohmann::json::exception& e) {
      throw Error(where + ": not a statement: " + e.what());
    } catch (const Error& e) {
      throw Error(where + ": not a statement: " + e.what());
    }
    const Provenance& p = s.provenance.front();
    if (p.article.empty()) throw Error(where + ": statement without an \"article\"");
    if (p.article != meta.id) {
      flush();
      if (done.count(std::hash<std::string>{}(p.article)))
        throw Error(where + ": the statements of article " + p.article +
                    " are not on consecutive lines (sort the input by article)");
      meta.id = p.article;
      meta.source = p.source;
      meta.url = p.url;
      meta.published = p.published;
    }
    group.push_back(std::move(s));
  }
  if (in.bad()) throw Error(name + ": read error");
  flush();
}

}  // namespace diplograph
