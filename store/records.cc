#include "store/records.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/error.h"
#include "core/json_io.h"
#include "core/normalize.h"

namespace diplograph {

using nlohmann::json;

namespace {

json Parse(std::string_view value) {
  try {
    return json::parse(value);
  } catch (const json::exception& e) {
    throw Error(std::string("malformed record: ") + e.what());
  }
}

// Applies a decoder and gives its errors the record prefix.
template <typename Fn>
auto Decode(std::string_view value, Fn fn) {
  const json j = Parse(value);
  try {
    return fn(j);
  } catch (const Error& e) {
    throw Error(std::string("malformed record: ") + e.what());
  } catch (const json::exception& e) {
    throw Error(std::string("malformed record: ") + e.what());
  }
}

std::string Str(const json& j, const char* name) {
  auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Invalid UTF-8 in evidence text becomes U+FFFD rather than failing the write.
std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::vector<std::string> AliasMatchKeys(const Entity& e) {
  std::vector<std::string> out;
  auto add = [&](std::string_view form) {
    std::string key = MatchKey(form);
    if (!key.empty()) out.push_back(std::move(key));
  };
  add(e.name);
  for (const auto& n : e.names) add(n);
  add(e.id);
  // People are named by surname alone ("Araghchi", «عراقچی»): the last word
  // of a name, split at spaces only (a ZWNJ joins parts of one word).
  if (e.type == EntityType::kPerson) {
    auto add_surname = [&](std::string_view form) {
      const size_t space = form.find_last_of(' ');
      if (space != std::string_view::npos && space + 1 < form.size()) add(form.substr(space + 1));
    };
    add_surname(e.name);
    for (const auto& n : e.names) add_surname(n);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string EncodeEntity(const Entity& e) { return Dump(EntityToJson(e)); }

Entity DecodeEntity(std::string_view value) { return Decode(value, EntityFromJson); }

std::string EncodeStatement(const Statement& s) { return Dump(StatementToJson(s)); }

Statement DecodeStatement(std::string_view value) { return Decode(value, StatementFromJson); }

std::string EncodeArticle(const ArticleRecord& a) {
  const ArticleMeta& m = a.meta;
  json j = {{"id", m.id},         {"title", m.title},          {"url", m.url},
            {"source", m.source}, {"published", m.published},  {"lang", m.lang},
            {"path", m.path},     {"statements", a.statements}};
  return Dump(j);
}

ArticleRecord DecodeArticle(std::string_view value) {
  return Decode(value, [](const json& j) {
    if (!j.is_object()) throw Error("expected a JSON object");
    ArticleRecord a;
    a.meta.id = Str(j, "id");
    if (a.meta.id.empty()) throw Error("article \"id\" is empty");
    a.meta.title = Str(j, "title");
    a.meta.url = Str(j, "url");
    a.meta.source = Str(j, "source");
    a.meta.published = Str(j, "published");
    a.meta.lang = Str(j, "lang");
    a.meta.path = Str(j, "path");
    a.statements = j.at("statements").get<std::vector<uint64_t>>();
    return a;
  });
}

}  // namespace diplograph
