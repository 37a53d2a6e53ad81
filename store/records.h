// Records: the JSON values stored in the entity, stmt and article column families.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/entity.h"
#include "core/statement.h"

namespace diplograph {

// What the store keeps about an ingested article.
struct ArticleRecord {
  ArticleMeta meta;
  std::vector<uint64_t> statements;  // ids of the statements it reported
};

// The MatchKeys under which the alias column family finds an entity: of its
// display name, of every name, of its id and, for a person, of the last word
// of each name (the surname); sorted, unique, none empty.
std::vector<std::string> AliasMatchKeys(const Entity& e);

// Decoders throw Error("malformed record: ...") on a value they cannot read.
std::string EncodeEntity(const Entity& e);
Entity DecodeEntity(std::string_view value);
std::string EncodeStatement(const Statement& s);
Statement DecodeStatement(std::string_view value);
std::string EncodeArticle(const ArticleRecord& a);
ArticleRecord DecodeArticle(std::string_view value);

}  // namespace diplograph
