// Store::ForgetArticle: takes one article back out of the store, as one WriteBatch.
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <map>
#include <unordered_map>

#include "core/error.h"
#include "store/status_error.h"
#include "store/store.h"

namespace diplograph {

using schema::Column;

// Removes what the article's record lists: its provenance entries; the
// statements left with no source, with their index entries; and the
// entities no statement names any more, with their aliases. Counters move
// in the same batch, so a crash leaves the article wholly in or wholly out.
class Store::Forgetter {
 public:
  explicit Forgetter(Store* store) : store_(*store), counters_(store->counters_) {}

  ForgetResult Forget(const ArticleRecord& article) {
    ForgetResult result;
    result.found = true;
    // Sources removed per statement, in statement order.
    std::map<uint64_t, uint32_t> removed;
    for (const ProvenanceRef& ref : article.provenance) {
      Delete(Column::kProv, keys::EncodeProvKey(ref.stmt, ref.seq));
      ++removed[ref.stmt];
    }
    for (const auto& [stmt, count] : removed) {
      auto record = store_.GetStatementRecord(stmt);
      if (!record)
        throw Error(store_.path_ + ": store is corrupt (article " + article.meta.id +
                    " lists statement " + std::to_string(stmt) + ", which is gone)");
      counters_.stats.provenance -= count;
      result.removed_provenance += count;
      if (record->live_sources > count) {
        KeepStatement(stmt, *record, article.meta.id, count);
      } else {
        RemoveStatement(stmt, *record);
        ++result.removed_statements;
        result.removed_provenance -= count;
      }
    }
    result.removed_entities = RemoveUnnamedEntities();
    Delete(Column::kArticle, article.meta.id);
    --counters_.stats.articles;
    WriteCounters();

    rocksdb::WriteOptions wo;
    const rocksdb::Status s = store_.db_->Write(wo, &batch_);
    if (!s.ok()) throw StatusError(store_.path_, "write", s);
    store_.counters_ = std::move(counters_);
    for (const auto& [entity, delta] : references_) {
      store_.entity_cache_.erase(entity);
      store_.term_cache_.erase(entity);
    }
    return result;
  }

 private:
  void Put(Column c, std::string_view key, std::string_view value) {
    const rocksdb::Status s = batch_.Put(store_.cf(c), ToSlice(key), ToSlice(value));
    if (!s.ok()) throw StatusError(store_.path_, "write", s);
  }

  void Delete(Column c, std::string_view key) {
    const rocksdb::Status s = batch_.Delete(store_.cf(c), ToSlice(key));
    if (!s.ok()) throw StatusError(store_.path_, "write", s);
  }

  // The statement keeps its other sources; its confidence is recombined
  // from them, as ingest combined it, and its time entries list them.
  void KeepStatement(uint64_t stmt, StatementRecord record, const std::string& article,
                     uint32_t count) {
    record.live_sources -= count;
    bool first = true;
    std::string sources;
    store_.ForEachProvenance(stmt, [&](const ProvenanceRef&, const Provenance& p) {
      if (p.article == article) return true;
      record.confidence = first ? p.confidence : CombineConfidence(record.confidence, p.confidence);
      first = false;
      uint64_t source = 0;
      if (!p.source.empty()) {
        const auto term = store_.TermId(SourceTerm(p.source));
        if (!term)
          throw Error(store_.path_ + ": store is corrupt (source " + p.source +
                      " is not in the dictionary)");
        source = *term;
      }
      AppendSource(&sources, source);
      return true;
    });
    Put(Column::kStmt, keys::U64(stmt), EncodeStatementRecord(record));
    const uint32_t when = keys::TimeSortKey(record.date);
    Put(Column::kTime, keys::EncodeTimeKey({record.subject, when, stmt}),
        EncodeTimeValue({record.predicate, record.object, false, sources}));
    if (record.object != record.subject)
      Put(Column::kTime, keys::EncodeTimeKey({record.object, when, stmt}),
          EncodeTimeValue({record.predicate, record.subject, true, sources}));
  }

  void RemoveStatement(uint64_t stmt, const StatementRecord& r) {
    Delete(Column::kStmt, keys::U64(stmt));
    Delete(Column::kPos, keys::EncodeIndexKey({r.predicate, r.object, r.subject, stmt}));
    const uint32_t when = keys::TimeSortKey(r.date);
    Delete(Column::kTime, keys::EncodeTimeKey({r.subject, when, stmt}));
    if (r.object != r.subject) Delete(Column::kTime, keys::EncodeTimeKey({r.object, when, stmt}));
    ++degree_drop_[r.subject];
    if (r.object != r.subject) ++degree_drop_[r.object];
    ++references_[r.subject];
    if (r.object != r.subject) ++references_[r.object];
    if (r.place && r.place != r.subject && r.place != r.object) ++references_[r.place];
    --counters_.stats.statements;
    const std::string predicate = store_.Term(r.predicate);
    auto it = counters_.stats.predicates.find(predicate);
    if (it != counters_.stats.predicates.end() && it->second > 0) --it->second;
    touched_predicates_[predicate] = true;
  }

  // Writes the lowered degree and reference counters; removes the entities
  // whose references reach zero, with their aliases.
  size_t RemoveUnnamedEntities() {
    for (const auto& [entity, drop] : degree_drop_) {
      const std::string key = keys::EntityCounterKey(schema::kDegreePrefix, entity);
      const uint64_t before = store_.MetaCounter(key);
      if (before > drop)
        Put(Column::kMeta, key, keys::U64(before - drop));
      else
        Delete(Column::kMeta, key);
    }
    size_t removed = 0;
    for (const auto& [entity, drop] : references_) {
      const std::string key = keys::EntityCounterKey(schema::kReferencePrefix, entity);
      const uint64_t before = store_.MetaCounter(key);
      if (before > drop) {
        Put(Column::kMeta, key, keys::U64(before - drop));
        continue;
      }
      Delete(Column::kMeta, key);
      const auto record = store_.GetEntity(entity);
      if (!record) continue;
      for (const std::string& alias : AliasMatchKeys(*record))
        Delete(Column::kAlias, keys::EncodeAliasKey(alias, entity));
      Delete(Column::kEntity, keys::U64(entity));
      --counters_.stats.entities;
      ++removed;
    }
    return removed;
  }

  void WriteCounters() {
    const StoreStats& st = counters_.stats;
    Put(Column::kMeta, schema::kArticles, keys::U64(st.articles));
    Put(Column::kMeta, schema::kStatements, keys::U64(st.statements));
    Put(Column::kMeta, schema::kEntities, keys::U64(st.entities));
    Put(Column::kMeta, schema::kProvenance, keys::U64(st.provenance));
    for (const auto& [predicate, touched] : touched_predicates_) {
      const std::string key = std::string(schema::kPredicatePrefix) + predicate;
      auto it = counters_.stats.predicates.find(predicate);
      if (it == counters_.stats.predicates.end() || it->second == 0) {
        Delete(Column::kMeta, key);
        if (it != counters_.stats.predicates.end()) counters_.stats.predicates.erase(it);
      } else {
        Put(Column::kMeta, key, keys::U64(it->second));
      }
    }
  }

  Store& store_;
  Counters counters_;
  rocksdb::WriteBatch batch_;
  std::map<uint64_t, uint64_t> degree_drop_;
  std::map<uint64_t, uint64_t> references_;  // references dropped per entity
  std::map<std::string, bool> touched_predicates_;
};

ForgetResult Store::ForgetArticle(const std::string& article_id) {
  if (mode_ == OpenMode::kReadOnly) throw Error(path_ + ": store is open read-only");
  const auto article = GetArticle(article_id);
  if (!article) return ForgetResult{};
  return Forgetter(this).Forget(*article);
}

}  // namespace diplograph
