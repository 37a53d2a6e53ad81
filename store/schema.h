// Schema: column families and meta keys of the RocksDB store layout.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace diplograph::schema {

// Bumped whenever the layout of any column family changes incompatibly.
// 2: binary statement records, provenance in its own column family, no osp.
// 3: no spo; time entries carry the predicate and the other party.
constexpr uint64_t kVersion = 3;

// Column families besides RocksDB's "default", which stays empty.
enum class Column : size_t {
  kMeta,     // schema version and counters
  kDict,     // term (entity id or predicate) -> u64 id
  kDictRev,  // u64 id -> term
  kEntity,   // entity term id -> JSON entity record
  kAlias,    // MatchKey '\0' entity term id -> empty
  kStmt,     // statement id -> binary StatementRecord (terms as ids, no sources)
  kProv,     // statement id, seq -> binary provenance entry: one per source
  kPos,      // predicate object subject statement -> empty
  // entity date statement -> TimeValue (predicate, other party, which end):
  // one for the subject, one for the object. It is each entity's adjacency
  // list by date, so it serves the scans by subject or object too.
  kTime,
  kArticle,  // article id -> JSON article record with its provenance entries
};
constexpr size_t kColumnCount = 10;
constexpr const char* kColumnNames[kColumnCount] = {
    "meta", "dict", "dict_rev", "entity", "alias", "stmt", "prov", "pos", "time", "article"};
constexpr const char* ColumnName(Column c) { return kColumnNames[static_cast<size_t>(c)]; }

// The folder inside a store where a bulk load writes its SST files before
// ingesting them; a crashed load leaves it, and the next writer removes it.
constexpr const char* kBulkTempDir = "bulk-load.tmp";

// Keys of `meta`; every value is a u64 in big-endian.
constexpr std::string_view kSchemaVersion = "schema_version";
constexpr std::string_view kArticles = "count:articles";
constexpr std::string_view kStatements = "count:statements";
constexpr std::string_view kEntities = "count:entities";
constexpr std::string_view kProvenance = "count:provenance";
constexpr std::string_view kNextTerm = "next:term";
constexpr std::string_view kNextStatement = "next:statement";
// Followed by a predicate name: statements with that predicate.
constexpr std::string_view kPredicatePrefix = "pred:";
// Followed by an entity term id (u64 BE): statements with that entity as
// subject or object, so that degree is a point lookup.
constexpr std::string_view kDegreePrefix = "degree:";
// Followed by an entity term id: statements naming the entity in any role
// (subject, object or place); `forget` removes an entity when it reaches 0.
constexpr std::string_view kReferencePrefix = "refs:";

}  // namespace diplograph::schema
