// Records: the values of the entity, stmt, prov and article column families.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/entity.h"
#include "core/statement.h"

namespace diplograph {

// One provenance entry: the statement and its number among the statement's
// sources (the key of the prov column family).
struct ProvenanceRef {
  uint64_t stmt = 0;
  uint32_t seq = 0;
  friend bool operator==(const ProvenanceRef&, const ProvenanceRef&) = default;
};

// What the store keeps about an ingested article: what it reported, so that
// `forget` can take exactly that back.
struct ArticleRecord {
  ArticleMeta meta;
  std::vector<ProvenanceRef> provenance;  // one per source it gave a statement

  // The statements it reported, each once, in the order it reported them.
  std::vector<uint64_t> Statements() const;
};

// A statement as stored: its terms as dict ids, its qualifiers, and how many
// provenance entries it has (they are in the prov column family, so that a
// new source adds a record instead of rewriting a growing one).
struct StatementRecord {
  uint64_t subject = 0, predicate = 0, object = 0;
  uint64_t place = 0;  // 0: none
  Date date;
  Modality modality = Modality::kAsserted;
  std::string role;
  double confidence = 0;
  uint32_t sources = 0;       // provenance entries ever added: the next seq
  uint32_t live_sources = 0;  // those still stored (forget removes some)
};

// The value of a time entry: the statement's predicate and other party,
// whether the key's entity is its object, and its sources, so that an
// entity's events are read from its own range alone. A statement with one
// party at both ends has one entry, as subject.
struct TimeValue {
  uint64_t predicate = 0;
  uint64_t other = 0;
  bool as_object = false;
  // The SourceTerm ids of the statement's live provenance entries in the
  // order they were added (0 for one without a publisher), each a varint:
  // a view into the encoded value, or a buffer AppendSource fills.
  std::string_view sources;
  std::vector<uint64_t> Sources() const;
  friend bool operator==(const TimeValue&, const TimeValue&) = default;
};
// The dict term of a publisher, beside entity ids and predicates: the
// prefix, then the publisher; none for an empty one.
constexpr std::string_view kSourcePrefix = "source:";
std::string SourceTerm(std::string_view publisher);
// Appends a source's term id to an encoded list of TimeValue::sources.
void AppendSource(std::string* sources, uint64_t term);

// The MatchKeys under which the alias column family finds an entity: of its
// display name, of every name, of its id and, for a person, of the last word
// of each name (the surname); sorted, unique, none empty.
std::vector<std::string> AliasMatchKeys(const Entity& e);

// Decoders throw Error("malformed record: ...") on a value they cannot read.
// Entities and articles are JSON (few, and read by people debugging a
// store); statements and provenance are binary (many: every byte counts).
std::string EncodeEntity(const Entity& e);
Entity DecodeEntity(std::string_view value);
std::string EncodeStatementRecord(const StatementRecord& s);
// Into `out`, replacing its content, so that a loop allocates once.
void EncodeStatementRecord(const StatementRecord& s, std::string* out);
StatementRecord DecodeStatementRecord(std::string_view value);
// Into `out`, replacing its content.
void EncodeTimeValue(const TimeValue& v, std::string* out);
std::string EncodeTimeValue(const TimeValue& v);
TimeValue DecodeTimeValue(std::string_view value);
std::string EncodeProvenance(const Provenance& p);
Provenance DecodeProvenance(std::string_view value);
std::string EncodeArticle(const ArticleRecord& a);
ArticleRecord DecodeArticle(std::string_view value);

}  // namespace diplograph
