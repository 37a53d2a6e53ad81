// BulkLoader: fills a new, empty store from many articles at once, through sorted SST files.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/article.h"
#include "core/entity.h"
#include "core/statement.h"
#include "store/load_tables.h"
#include "store/records.h"
#include "store/store.h"

namespace diplograph {

// Gives the store, byte for byte, what Store::IngestArticle would give it for
// the same articles in the same order: same ids, records, indexes and
// counters. Articles are gathered in memory in runs: when a run's state
// reaches the budget, and at Finish, one SST file per column family is
// written and all are ingested in one atomic IngestExternalFiles call, so
// the store only ever holds whole runs of whole articles. A statement
// reported again in a later run is found through a Bloom filter of each
// written run's statements and then the store. Memory is the budget plus
// what grows with the vocabulary (each term's symbol, id and counters, an
// entity's fingerprint) and the filters' two bytes per statement; as that
// grows, runs shrink, so that the process stays near kMemoryTarget. Do not
// write to the store meanwhile. Not thread-safe.
class BulkLoader {
 public:
  // Bytes of state a run gathers before it is written out, at most.
  static constexpr size_t kDefaultRunBudget = size_t{256} << 20;
  // The resident memory of the whole process a load aims to stay under:
  // after each run, the next run's budget is what the process does not
  // already hold (the vocabulary, the filters, RocksDB's caches and table
  // readers), down to kMinRunBudget.
  static constexpr size_t kMemoryTarget = size_t{448} << 20;
  static constexpr size_t kMinRunBudget = size_t{32} << 20;
  // The block cache while loading: a load reads back only the entity
  // records and statements that later runs name again, and its memory is
  // better spent on runs.
  static constexpr size_t kLoadBlockCache = size_t{16} << 20;

  // Error unless the store is open read-write and CanLoad it.
  explicit BulkLoader(Store* store, size_t run_budget = kDefaultRunBudget);
  // Whether the store is new: never ingested into.
  static bool CanLoad(const Store& store);
  ~BulkLoader();
  BulkLoader(const BulkLoader&) = delete;
  BulkLoader& operator=(const BulkLoader&) = delete;

  // As Store::IngestArticle: an article id already added is skipped; a
  // rejected article changes nothing.
  IngestResult Add(const ArticleMeta& meta, std::vector<Statement> statements);
  // Writes and ingests the last run; the Store then reads everything added. Once only.
  void Finish();

 private:
  using Identity = load::Identity;
  // An entity record the run wrote, until the run ends.
  struct EntityRecord {
    Entity decoded;  // as Store::GetEntity would read the record back
    std::string encoded;
  };
  // What the load keeps per term or entity id, by its index in symbols_:
  // little, since there is one per distinct entity of the whole corpus.
  // Term ids are given in the order the normal path gives them, which may
  // be after an entity is first named, so a symbol may have no term id yet.
  struct SymbolState {
    uint32_t term = 0;             // 0 until interned
    uint32_t pending_article = 0;  // the article whose pending_ holds it, if any
    uint32_t pending = 0;          // its index in pending_ for that article
    // The last run that changed its entity record; 0 while it has none
    // (once written, a record is stored or in run_records_).
    uint32_t changed_run = 0;
    // The fingerprint of a mention known to add nothing to the record: an
    // entity is mostly named as before, and then its record is not read.
    uint64_t quiet = 0;
    bool has_record() const { return changed_run != 0; }
  };
  struct PendingEntity {
    uint32_t symbol = 0;
    std::optional<Entity> stored;  // its record before this article, if it had one
    Entity merged;
  };
  // The entity record as stored so far: the run's, else the store's.
  Entity CurrentRecord(uint32_t symbol) const;
  // A StatementRecord as the load holds it, in 40 bytes rather than 112:
  // term ids fit 32 bits (the symbol table holds fewer than 2^31), the date
  // is its time sort key with its precision and calendar, the role an index
  // into roles_.
  struct PackedRecord {
    uint32_t subject = 0, predicate = 0, object = 0, place = 0;
    uint32_t when = 0;
    uint8_t precision = 0, calendar = 0, modality = 0;
    uint32_t role = 0;
    uint32_t sources = 0;
    double confidence = 0;
  };
  // A statement of an earlier run that this run reports again.
  struct EarlierRecord {
    uint64_t id = 0;
    PackedRecord record;
    std::string sources;  // as its time entries list them (TimeValue::sources)
  };
  // Refs in identities_: an index into statements_, or one into earlier_
  // with this bit set.
  static constexpr uint32_t kEarlier = 1u << 31;

  uint64_t Intern(std::string_view term) { return InternSymbol(Symbol(term)); }
  uint32_t Symbol(std::string_view text);
  uint64_t InternSymbol(uint32_t symbol);
  // Returns the entity's symbol.
  uint32_t AddEntity(const Entity& e);
  // `symbols` are those of the subject, the object and the place (kNone if none).
  void AddStatement(const Statement& s, const std::array<uint32_t, 3>& symbols,
                    ArticleRecord* article, IngestResult* result,
                    std::vector<std::pair<Identity, uint32_t>>* added);
  // The ref of the statement a report merges into, with these parties:
  // gathered in the run, or written by an earlier one (then copied into
  // earlier_); kNone if none.
  uint32_t FindStatement(const Identity& identity, const Statement& s);
  PackedRecord& Record(uint32_t ref) {
    return ref & kEarlier ? earlier_[ref & ~kEarlier].record : statements_[ref];
  }
  uint64_t IdOf(uint32_t ref) const {
    return ref & kEarlier ? earlier_[ref & ~kEarlier].id : first_stmt_ + ref;
  }
  Identity IdentityOf(const PackedRecord& r) const;
  PackedRecord Pack(const StatementRecord& r);
  StatementRecord Unpack(const PackedRecord& r) const;
  void AddProvenance(uint64_t stmt, uint32_t first, const Statement& s, ArticleRecord* article);
  // Adds one to a term's degree or reference counter, which the run then writes.
  void Count(std::vector<uint64_t>* counters, uint64_t term);
  void WriteEntities(IngestResult* result);
  // What the run holds, with what writing it adds (the sorted index entries).
  size_t RunBytes() const;
  // Makes room for a run of run_limit_.
  void ReserveRun();
  // Writes the run's SST files, ingests them, and starts a new run.
  void WriteRun();

  Store& store_;
  const size_t run_budget_;
  size_t run_limit_;               // this run's budget: run_budget_ or less
  size_t block_cache_before_ = 0;  // restored when the loader goes
  bool finished_ = false;
  std::string temp_dir_;
  StoreStats stats_;  // of everything added
  // Every term and entity id, with the entity it names, if any: one table,
  // so that an entity's record and its term id are found with one lookup.
  load::StringTable symbols_;
  std::vector<SymbolState> symbol_states_;   // by symbol
  std::vector<uint32_t> terms_;              // symbols by term id - 1
  load::StringTable roles_;                  // role 0 is the empty one
  uint32_t article_serial_ = 0;              // of the article being added, from 1
  std::vector<PendingEntity> pending_;       // entities the article being added changes
  std::vector<uint64_t> degree_ = {0};       // by term id
  std::vector<uint64_t> references_ = {0};   // by term id
  std::vector<uint32_t> counted_run_ = {0};  // by term id: the last run that counted it
  // The identities of each written run's new statements: most statements
  // are new, and the filters spare them a lookup in the store.
  std::vector<load::BloomFilter> written_;

  // The run: what is written when it ends.
  uint32_t run_ = 1;                      // counts from 1
  uint64_t first_stmt_ = 1;               // the id of the run's first new statement
  size_t terms_written_ = 0;              // terms_ of earlier runs
  std::vector<PackedRecord> statements_;  // new in the run, by id - first_stmt_
  std::vector<EarlierRecord> earlier_;    // of earlier runs, reported again
  load::IdentityIndex identities_;        // refs to both
  std::vector<uint32_t> run_entities_;    // symbols whose entity record changed
  std::unordered_map<uint32_t, EntityRecord> run_records_;  // their records, by symbol
  std::vector<uint64_t> counted_;                           // terms whose counters changed
  std::vector<std::string> alias_keys_;          // encoded alias keys the run adds; may repeat
  std::map<std::string, std::string> articles_;  // id -> encoded ArticleRecord
  size_t run_record_bytes_ = 0;                  // of article records and alias keys
  // Encoded provenance entries, one after another in blocks of a megabyte:
  // a string each would cost an allocation each, and one buffer would hold
  // half as much again as it needs after doubling.
  struct ProvenanceEntry {
    uint64_t stmt = 0;
    uint32_t seq = 0;
    uint32_t source = 0;                       // its SourceTerm id; 0 for none
    uint32_t block = 0, offset = 0, size = 0;  // in provenance_blocks_
  };
  std::vector<ProvenanceEntry> provenance_;  // in the order added
  std::vector<std::string> provenance_blocks_;
  size_t provenance_bytes_ = 0;  // the blocks' capacity
};

}  // namespace diplograph
