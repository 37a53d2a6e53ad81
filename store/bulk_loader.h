// BulkLoader: fills a new, empty store from many articles at once, through sorted SST files.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/entity.h"
#include "core/statement.h"
#include "store/records.h"
#include "store/store.h"

namespace diplograph {

// Gives the store, byte for byte, what Store::IngestArticle would give it for
// the same articles in the same order: same ids, records, indexes and
// counters. Everything is built in memory, so memory grows with the corpus
// (statement records, encoded provenance, entities, one small hash entry per
// statement); Finish writes one SST file per column family and ingests them
// all in one atomic IngestExternalFiles call, so the store holds all of the
// load or none of it. Until then the store stays empty; do not use it
// meanwhile. Not thread-safe.
class BulkLoader {
 public:
  // Error unless the store is open read-write and CanLoad it.
  explicit BulkLoader(Store* store);
  // Whether the store is new: never ingested into.
  static bool CanLoad(const Store& store);
  ~BulkLoader();
  BulkLoader(const BulkLoader&) = delete;
  BulkLoader& operator=(const BulkLoader&) = delete;

  // As Store::IngestArticle: an article id already added is skipped; a
  // rejected article changes nothing.
  IngestResult Add(const ArticleMeta& meta, std::vector<Statement> statements);
  // Writes and ingests everything added; the Store then reads it. Once only.
  void Finish();

 private:
  // What Writer::FindStored matches a statement by: term ids, date sort key,
  // precision and modality (these fix the date's ISO form too).
  struct Identity {
    uint64_t subject = 0, predicate = 0, object = 0;
    uint32_t when = 0;
    uint8_t precision = 0, modality = 0;
    friend bool operator==(const Identity&, const Identity&) = default;
  };
  struct IdentityHash {
    size_t operator()(const Identity& k) const;
  };
  struct EntityState {
    Entity decoded;  // as Store::GetEntity would read the record back
    std::string encoded;
  };
  // A term or entity id by its text. Term ids are given in the order the
  // normal path gives them, which may be after an entity is first named, so
  // a symbol may have no term id yet.
  struct Symbol {
    std::string text;
    uint64_t term = 0;                    // 0 until interned
    std::unique_ptr<EntityState> entity;  // the entity record loaded so far, if any
    uint64_t pending_article = 0;         // the article whose pending_ holds it, if any
    uint32_t pending = 0;                 // its index in pending_ for that article
  };
  // Symbols by text: open addressing, at most half full, so that a lookup
  // is one probe and one comparison rather than a walk through nodes.
  class SymbolTable {
   public:
    static constexpr uint32_t kNone = UINT32_MAX;
    uint32_t Find(std::string_view text) const;
    // The symbol spelled `text`, made if new.
    uint32_t Get(std::string_view text);
    Symbol& operator[](uint32_t i) { return symbols_[i]; }
    const Symbol& operator[](uint32_t i) const { return symbols_[i]; }
    const std::vector<Symbol>& all() const { return symbols_; }

   private:
    struct Slot {
      uint32_t hash = 0;
      uint32_t symbol = kNone;
    };
    void Grow();
    std::vector<Slot> slots_;
    std::vector<Symbol> symbols_;
  };
  struct PendingEntity {
    uint32_t symbol = 0;
    bool stored = false;  // the entity had a record before this article
    Entity merged;
  };

  uint64_t Intern(std::string_view term) { return InternSymbol(symbols_.Get(term)); }
  uint64_t InternSymbol(uint32_t symbol);
  // Returns the entity's symbol.
  uint32_t AddEntity(const Entity& e);
  // `symbols` are those of the subject, the object and the place (kNone if none).
  void AddStatement(const Statement& s, const std::array<uint32_t, 3>& symbols,
                    ArticleRecord* article, IngestResult* result,
                    std::vector<std::pair<Identity, uint64_t>>* added);
  void AddProvenance(uint64_t stmt, uint32_t first, const Statement& s, ArticleRecord* article);
  void WriteEntities(IngestResult* result);

  Store& store_;
  bool finished_ = false;
  std::string temp_dir_;
  StoreStats stats_;
  // Every term and entity id, with the entity it names, if any: one table,
  // so that an entity's record and its term id are found with one lookup.
  SymbolTable symbols_;
  std::vector<uint32_t> terms_;              // symbols by term id - 1
  uint64_t article_serial_ = 0;              // of the article being added, from 1
  std::vector<PendingEntity> pending_;       // entities the article being added changes
  std::vector<StatementRecord> statements_;  // by statement id - 1
  // Encoded provenance entries, one after another in one buffer: a million
  // small strings cost memory and time to free.
  struct ProvenanceEntry {
    uint64_t stmt = 0;
    uint32_t seq = 0;
    size_t offset = 0, size = 0;  // in provenance_bytes_
  };
  std::vector<ProvenanceEntry> provenance_;  // in the order added
  std::string provenance_bytes_;
  // Statement ids by identity: open addressing, at most half full, in one
  // array (a node per statement cost an allocation and a cache miss each).
  class IdentityTable {
   public:
    // The id stored for `k`; 0 if none (statement ids start at 1).
    uint64_t Find(const Identity& k) const;
    // Stores `id` for `k` unless `k` has one.
    void Insert(const Identity& k, uint64_t id);

   private:
    struct Slot {
      Identity key;
      uint64_t id = 0;
    };
    void Grow();
    std::vector<Slot> slots_;
    size_t size_ = 0;
  };
  IdentityTable statement_ids_;
  std::vector<std::string> alias_keys_;          // encoded alias keys ever written; may repeat
  std::vector<uint64_t> degree_ = {0};           // by term id
  std::vector<uint64_t> references_ = {0};       // by term id
  std::map<std::string, std::string> articles_;  // id -> encoded ArticleRecord
};

}  // namespace diplograph
