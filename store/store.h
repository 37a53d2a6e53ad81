// Store: the graph in RocksDB; atomic idempotent ingest per article, and index scans.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/article.h"
#include "core/entity.h"
#include "core/statement.h"
#include "store/keys.h"
#include "store/records.h"
#include "store/schema.h"

namespace rocksdb {
class ColumnFamilyHandle;
struct ColumnFamilyDescriptor;
class DB;
struct Options;
}  // namespace rocksdb

namespace diplograph {

enum class OpenMode {
  kReadWrite,  // creates the store if missing; one process at a time
  kReadOnly,   // a fixed view as of Open, usable while another process ingests
};

struct IngestResult {
  bool skipped = false;          // the article was already stored; nothing changed
  size_t new_statements = 0;     // statements not seen before
  size_t merged_statements = 0;  // statements already stored, given this article as a source
  size_t new_entities = 0;
};

struct StoreStats {
  uint64_t articles = 0;
  uint64_t statements = 0;
  uint64_t entities = 0;
  uint64_t provenance = 0;                     // sources over all statements
  std::map<std::string, uint64_t> predicates;  // statements per predicate

  friend bool operator==(const StoreStats&, const StoreStats&) = default;
};

struct CheckReport {
  StoreStats counted;                 // recounted from the stmt and article records
  std::vector<std::string> problems;  // one readable line per mismatch
  uint64_t unlisted = 0;              // further problems not in `problems`

  bool ok() const { return problems.empty(); }
};

struct StoredStatement {
  uint64_t id = 0;
  Statement statement;
};

// Ids in a Triple and a TriplePattern are dict term ids (see TermId).
struct Triple {
  uint64_t subject = 0;
  uint64_t predicate = 0;
  uint64_t object = 0;
  uint64_t stmt = 0;
};
// 0 matches any term.
struct TriplePattern {
  uint64_t subject = 0;
  uint64_t predicate = 0;
  uint64_t object = 0;
};

// Scan callbacks return false to stop the scan.
using TripleFn = std::function<bool(const Triple&)>;
using TimelineFn = std::function<bool(const keys::TimeKey&, const TimeValue&)>;
using AliasFn = std::function<bool(std::string_view match_key, uint64_t entity)>;
using EntityFn = std::function<bool(uint64_t id, const Entity&)>;
using ProvenanceFn = std::function<bool(const ProvenanceRef&, const Provenance&)>;
using RecordFn = std::function<void(uint64_t id, const StatementRecord&)>;

struct ForgetResult {
  bool found = false;             // the article was stored
  size_t removed_statements = 0;  // statements only it reported
  size_t removed_provenance = 0;  // its sources of statements others report too
  size_t removed_entities = 0;    // entities no statement names any more
};

// Not thread-safe: use a Store from one thread at a time. Every article is
// one atomic write, so each read sees whole articles only; a read-only Store
// never changes, so all the reads of a query see one consistent state.
// Every failure is an Error whose one-line message names the store path.
class Store {
 public:
  static std::unique_ptr<Store> Open(const std::string& path, OpenMode mode);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }

  bool HasArticle(const std::string& article_id) const;
  // Writes the article and its statements in one batch; an article already
  // stored changes nothing. Statements equal by Statement::Key() merge into
  // one with the sources of all.
  IngestResult IngestArticle(const ArticleMeta& meta, const std::vector<Statement>& statements);

  // Removes an article: its provenance entries, the statements no other
  // article reports, and the entities no statement names any more, in one
  // WriteBatch. Nothing happens for an article that is not stored.
  ForgetResult ForgetArticle(const std::string& article_id);

  // From counters kept with every write: O(1).
  StoreStats Stats() const { return counters_.stats; }
  // Changes with every write this Store makes or, read-only, sees at open:
  // what a structure built from the store compares to know it is current.
  uint64_t Version() const;
  // Recounts and cross-checks every record and index entry: a full scan.
  CheckReport Check() const;

  std::optional<uint64_t> TermId(std::string_view term) const;
  std::string Term(uint64_t id) const;  // Error if the id is unknown
  std::optional<Entity> GetEntity(std::string_view id) const;
  std::optional<Entity> GetEntity(uint64_t id) const;
  // The statement with its entities' stored records and every source.
  std::optional<Statement> GetStatement(uint64_t id) const;
  // GetStatement for many statements, `ids` ascending, by reads in batches;
  // in the order of `ids`. A missing statement is an Error.
  std::vector<Statement> GetStatements(std::span<const uint64_t> ids) const;
  // The stored record alone: terms as ids, no sources. Cheaper.
  std::optional<StatementRecord> GetStatementRecord(uint64_t id) const;
  // The provenance entries of a statement, in the order they were added.
  void ForEachProvenance(uint64_t stmt, const ProvenanceFn& fn) const;
  // The records of many statements, `ids` ascending, read in batches (a
  // query that reads thousands shares block reads between neighbours). A
  // missing statement is an Error: its id came from an index.
  void ForEachStatementRecord(std::span<const uint64_t> ids, const RecordFn& fn) const;
  // The provenance entries at `refs`, ascending, likewise; entries a forget
  // removed are skipped. A record's `sources` numbers its entries 0 to n-1.
  void ForEachProvenance(std::span<const ProvenanceRef> refs, const ProvenanceFn& fn) const;
  // Every provenance entry of the statements `ids` (ascending), in key
  // order, through one iterator: for callers that know a statement's id
  // from an index but not how many sources its record counts.
  void ForEachProvenanceOf(std::span<const uint64_t> ids, const ProvenanceFn& fn) const;
  std::optional<ArticleRecord> GetArticle(const std::string& article_id) const;
  // Statements with the entity as subject or object.
  uint64_t Degree(uint64_t entity) const;

  // Statements matching the pattern. A predicate bound without a subject
  // scans pos, in its key order; otherwise a bound subject or object scans
  // its time entries (the one of lower degree when both are bound), by
  // date; with nothing bound, all of pos.
  void ScanTriples(const TriplePattern& pattern, const TripleFn& fn) const;
  // Statements of an entity with date sort keys in [first, last] (see
  // keys::TimeSortKey), by date then statement id; undated ones last.
  void ScanTimeline(uint64_t entity, uint32_t first, uint32_t last, const TimelineFn& fn) const;
  // Entities with a surface form whose MatchKey equals the given key.
  std::vector<uint64_t> LookupAlias(std::string_view match_key) const;
  // (MatchKey, entity) pairs whose MatchKey starts with key_prefix, by key.
  void ScanAliases(std::string_view key_prefix, const AliasFn& fn) const;
  void ForEachEntity(const EntityFn& fn) const;

 private:
  class Checker;
  class Writer;
  class Forgetter;
  // Writes the column families as SST files and ingests them; needs the DB and counters.
  friend class BulkLoader;
  using Column = schema::Column;
  using ScanFn = std::function<bool(std::string_view key, std::string_view value)>;

  struct Counters {
    StoreStats stats;
    uint64_t next_term = 1;
    uint64_t next_stmt = 1;
  };

  Store(std::string path, OpenMode mode);
  void OpenDb();
  void OpenReader(rocksdb::Options options,
                  const std::vector<rocksdb::ColumnFamilyDescriptor>& descriptors,
                  std::vector<rocksdb::ColumnFamilyHandle*>* handles, rocksdb::DB** db);
  void LoadCounters();
  // Of the block cache every store of the process shares; returns the one before.
  static size_t SetBlockCacheCapacity(size_t bytes);

  rocksdb::ColumnFamilyHandle* cf(Column c) const { return handles_[static_cast<size_t>(c)]; }
  std::optional<std::string> Get(Column c, std::string_view key) const;
  // Keys in [lower, upper) in order; an empty upper means no bound.
  void Scan(Column c, std::string_view lower, std::string_view upper, const ScanFn& fn) const;
  void ScanPrefix(Column c, std::string_view prefix, const ScanFn& fn) const;
  uint64_t MetaCounter(std::string_view key) const;
  // A record's statement with its entities, without its sources.
  Statement StatementOf(uint64_t id, const StatementRecord& record) const;
  // The values of `keys` (ascending) in batches, fn(index, value or nullopt
  // when absent) in order; fn returns false to stop.
  void MultiGet(Column c, const std::vector<std::string>& keys,
                const std::function<bool(size_t, std::optional<std::string_view>)>& fn) const;
  // The stored statement a new report with these term ids, date and
  // modality merges into, with its record: the parties as given, or, for a
  // symmetric predicate, the other way round.
  std::optional<std::pair<uint64_t, StatementRecord>> FindStatement(const Triple& t,
                                                                    const Date& date,
                                                                    Modality modality,
                                                                    bool symmetric) const;

  std::string path_;
  OpenMode mode_;
  std::unique_ptr<rocksdb::DB> db_;
  std::array<rocksdb::ColumnFamilyHandle*, schema::kColumnCount> handles_{};
  // Column families the DB has besides ours (at least "default"), kept to close them.
  std::vector<rocksdb::ColumnFamilyHandle*> other_handles_;
  Counters counters_;
  // Decoded entity records by term id: statements name the same few actors
  // over and over. Writes drop the entries they change.
  mutable std::unordered_map<uint64_t, Entity> entity_cache_;
  // Terms by id, likewise: predicates and sources are few and named in
  // every row. A term keeps its id until forget removes it.
  mutable std::unordered_map<uint64_t, std::string> term_cache_;
};

}  // namespace diplograph
