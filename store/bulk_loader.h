// BulkLoader: fills a new, empty store from many articles at once, through sorted SST files.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
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
  IngestResult Add(const ArticleMeta& meta, const std::vector<Statement>& statements);
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
    uint64_t term = 0;
    Entity decoded;  // as Store::GetEntity would read the record back
    std::string encoded;
  };
  struct PendingEntity {
    EntityState* stored = nullptr;  // null for an entity new with this article
    Entity merged;
  };

  uint64_t Intern(const std::string& term);
  // The entity record loaded so far for an entity id; nullptr if none.
  EntityState* FindEntity(const std::string& id);
  void AddEntity(std::map<std::string, PendingEntity>* pending, const Entity& e);
  void AddStatement(const Statement& s, ArticleRecord* article, IngestResult* result,
                    std::vector<std::pair<Identity, uint64_t>>* added);
  void AddProvenance(uint64_t stmt, uint32_t first, const Statement& s, ArticleRecord* article);
  void WriteEntities(std::map<std::string, PendingEntity>* pending, IngestResult* result);
  void Count(std::vector<uint64_t>* counters, uint64_t term);

  Store& store_;
  bool finished_ = false;
  std::string temp_dir_;
  StoreStats stats_;
  // Every term by its text, with the entity it names, if any: one table, so
  // that an entity's record and its id are found with one lookup.
  struct Term {
    uint64_t id = 0;
    std::unique_ptr<EntityState> entity;
  };
  std::unordered_map<std::string, Term> term_ids_;
  std::vector<std::string> terms_;           // by term id - 1
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
  std::vector<uint64_t> degree_;                 // by term id
  std::vector<uint64_t> references_;             // by term id
  std::map<std::string, std::string> articles_;  // id -> encoded ArticleRecord
};

}  // namespace diplograph
