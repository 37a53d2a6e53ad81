// Store::IngestArticle: one article, its statements and entities, as one WriteBatch.
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/error.h"
#include "core/predicate.h"
#include "store/article_statements.h"
#include "store/status_error.h"
#include "store/store.h"

namespace diplograph {

using schema::Column;

// Builds the batch of one article. Reads see the store before the batch;
// what the batch adds is tracked here, and the counters it computes replace
// the Store's only once the batch is written.
class Store::Writer {
 public:
  explicit Writer(Store* store) : store_(*store), counters_(store->counters_) {}

  IngestResult Ingest(const ArticleMeta& meta, const std::vector<Statement>& statements) {
    const std::vector<Statement> merged = MergeWithinArticle(meta, statements);
    for (const auto& s : merged) {
      AddEntity(s.subject);
      AddEntity(s.object);
      if (s.place) AddEntity(*s.place);
    }
    ArticleRecord article{meta, {}};
    for (const auto& s : merged) AddStatement(s, &article);
    WriteEntities();
    WriteDegrees();
    Put(Column::kArticle, meta.id, EncodeArticle(article));
    ++counters_.stats.articles;
    WriteCounters();

    rocksdb::WriteOptions wo;
    wo.sync = false;  // the WAL still makes the batch durable across a process crash
    const rocksdb::Status s = store_.db_->Write(wo, &batch_);
    if (!s.ok()) throw StatusError(store_.path_, "write", s);
    store_.counters_ = std::move(counters_);
    for (const auto& [id, pending] : entities_)
      if (const auto term = store_.TermId(id)) store_.entity_cache_.erase(*term);
    return result_;
  }

 private:
  struct PendingEntity {
    std::optional<Entity> stored;
    Entity merged;
  };

  void Put(Column c, std::string_view key, std::string_view value) {
    const rocksdb::Status s = batch_.Put(store_.cf(c), ToSlice(key), ToSlice(value));
    if (!s.ok()) throw StatusError(store_.path_, "write", s);
  }

  void PutCounter(std::string_view key, uint64_t value) {
    Put(Column::kMeta, key, keys::U64(value));
  }

  // Term id, assigning the next free one to a term not stored yet.
  uint64_t Intern(const std::string& term) {
    if (const auto id = store_.TermId(term)) return *id;
    const auto [it, inserted] = new_terms_.try_emplace(term, counters_.next_term);
    if (inserted) {
      const uint64_t id = counters_.next_term++;
      Put(Column::kDict, term, keys::U64(id));
      Put(Column::kDictRev, keys::U64(id), term);
    }
    return it->second;
  }

  bool IsNewTerm(uint64_t id) const { return id >= store_.counters_.next_term; }

  void AddEntity(const Entity& e) {
    const auto [it, inserted] = entities_.try_emplace(e.id);
    PendingEntity& pending = it->second;
    if (inserted) {
      pending.stored = store_.GetEntity(e.id);
      pending.merged = pending.stored.value_or(e);
    }
    pending.merged.Merge(e);
    // Merge keeps the first display name; a different one is still a surface
    // form the entity must be found by.
    if (e.name != pending.merged.name) pending.merged.AddName(e.name);
  }

  // The stored statement with the same Key(): same subject, predicate,
  // object and date (the subject's time entries on that date) and modality
  // (its record).
  std::optional<std::pair<uint64_t, StatementRecord>> FindStored(const Statement& s,
                                                                 const Triple& t) const {
    if (IsNewTerm(t.subject) || IsNewTerm(t.predicate) || IsNewTerm(t.object)) return std::nullopt;
    const PredicateInfo* info = FindPredicate(s.predicate);
    return store_.FindStatement(t, s.date, s.modality, info && info->symmetric);
  }

  // Adds the statement's sources as provenance entries numbered from
  // `first`, and their SourceTerm ids to `sources` (see TimeValue).
  void AddProvenance(uint64_t stmt, uint32_t first, const Statement& s, ArticleRecord* article,
                     std::string* sources) {
    uint32_t seq = first;
    for (const Provenance& p : s.provenance) {
      Put(Column::kProv, keys::EncodeProvKey(stmt, seq), EncodeProvenance(p));
      article->provenance.push_back({stmt, seq});
      ++seq;
      AppendSource(sources, p.source.empty() ? 0 : Intern(SourceTerm(p.source)));
    }
    counters_.stats.provenance += s.provenance.size();
  }

  // The statement's time entries, for its subject and, unless the same, its object.
  void PutTimeEntries(uint64_t stmt, const StatementRecord& r, std::string_view sources) {
    const uint32_t when = keys::TimeSortKey(r.date);
    Put(Column::kTime, keys::EncodeTimeKey({r.subject, when, stmt}),
        EncodeTimeValue({r.predicate, r.object, false, sources}));
    if (r.object != r.subject)
      Put(Column::kTime, keys::EncodeTimeKey({r.object, when, stmt}),
          EncodeTimeValue({r.predicate, r.subject, true, sources}));
  }

  void AddStatement(const Statement& s, ArticleRecord* article) {
    Triple t{Intern(s.subject.id), Intern(s.predicate), Intern(s.object.id), 0};
    if (auto stored = FindStored(s, t)) {
      auto& [id, record] = *stored;
      const uint32_t first = record.sources;
      const auto intern = [this](const std::string& term) { return Intern(term); };
      if (AddReport(&record, s, intern) && record.place != record.subject &&
          record.place != record.object)
        ++reference_delta_[record.place];
      // The time entries list the sources so far: the new ones go after them.
      const auto entry = store_.Get(
          Column::kTime, keys::EncodeTimeKey({record.subject, keys::TimeSortKey(record.date), id}));
      if (!entry)
        throw Error(store_.path_ + ": store is corrupt (statement " + std::to_string(id) +
                    " has no time entry)");
      std::string sources(DecodeTimeValue(*entry).sources);
      AddProvenance(id, first, s, article, &sources);
      Put(Column::kStmt, keys::U64(id), EncodeStatementRecord(record));
      PutTimeEntries(id, record, sources);
      ++result_.merged_statements;
      return;
    }
    t.stmt = counters_.next_stmt++;
    const StatementRecord record =
        NewStatementRecord(s, t.subject, t.predicate, t.object, s.place ? Intern(s.place->id) : 0);
    Put(Column::kStmt, keys::U64(t.stmt), EncodeStatementRecord(record));
    std::string sources;
    AddProvenance(t.stmt, 0, s, article, &sources);
    Put(Column::kPos, keys::EncodeIndexKey({t.predicate, t.object, t.subject, t.stmt}), {});
    PutTimeEntries(t.stmt, record, sources);
    ++degree_delta_[t.subject];
    if (t.object != t.subject) ++degree_delta_[t.object];
    ++reference_delta_[t.subject];
    if (t.object != t.subject) ++reference_delta_[t.object];
    if (record.place && record.place != t.subject && record.place != t.object)
      ++reference_delta_[record.place];
    ++counters_.stats.statements;
    ++counters_.stats.predicates[s.predicate];
    touched_predicates_.insert(s.predicate);
    ++result_.new_statements;
  }

  void WriteEntities() {
    for (const auto& [id, pending] : entities_) {
      const uint64_t term = Intern(id);
      const std::string record = EncodeEntity(pending.merged);
      if (pending.stored && EncodeEntity(*pending.stored) == record) continue;
      Put(Column::kEntity, keys::U64(term), record);
      std::vector<std::string> old_keys;
      if (pending.stored) {
        old_keys = AliasMatchKeys(*pending.stored);
      } else {
        ++counters_.stats.entities;
        ++result_.new_entities;
      }
      for (const auto& key : AliasMatchKeys(pending.merged))
        if (!std::binary_search(old_keys.begin(), old_keys.end(), key))
          Put(Column::kAlias, keys::EncodeAliasKey(key, term), {});
    }
  }

  void WriteDegrees() {
    for (const auto& [entity, delta] : degree_delta_) {
      const uint64_t before = IsNewTerm(entity) ? 0 : store_.Degree(entity);
      PutCounter(keys::EntityCounterKey(schema::kDegreePrefix, entity), before + delta);
    }
    for (const auto& [entity, delta] : reference_delta_) {
      const std::string key = keys::EntityCounterKey(schema::kReferencePrefix, entity);
      const uint64_t before = IsNewTerm(entity) ? 0 : store_.MetaCounter(key);
      PutCounter(key, before + delta);
    }
  }

  void WriteCounters() {
    const StoreStats& st = counters_.stats;
    PutCounter(schema::kArticles, st.articles);
    PutCounter(schema::kStatements, st.statements);
    PutCounter(schema::kEntities, st.entities);
    PutCounter(schema::kProvenance, st.provenance);
    PutCounter(schema::kNextTerm, counters_.next_term);
    PutCounter(schema::kNextStatement, counters_.next_stmt);
    for (const auto& p : touched_predicates_)
      PutCounter(std::string(schema::kPredicatePrefix) + p, st.predicates.at(p));
  }

  Store& store_;
  Counters counters_;
  rocksdb::WriteBatch batch_;
  IngestResult result_;
  std::unordered_map<std::string, uint64_t> new_terms_;
  std::map<std::string, PendingEntity> entities_;
  std::unordered_map<uint64_t, uint64_t> degree_delta_;
  std::unordered_map<uint64_t, uint64_t> reference_delta_;
  std::set<std::string> touched_predicates_;
};

std::optional<std::pair<uint64_t, StatementRecord>> Store::FindStatement(const Triple& t,
                                                                         const Date& date,
                                                                         Modality modality,
                                                                         bool symmetric) const {
  const uint32_t when = keys::TimeSortKey(date);
  const std::string iso = date.ToIso();
  std::optional<std::pair<uint64_t, StatementRecord>> found;
  // The subject's time entries on that date name each statement's predicate
  // and object: only a statement with both has its record read.
  const auto scan = [&](uint64_t subject, uint64_t object) {
    ScanTimeline(subject, when, when, [&](const keys::TimeKey& k, const TimeValue& v) {
      if (v.as_object || v.predicate != t.predicate || v.other != object) return true;
      auto record = GetStatementRecord(k.stmt);
      if (!record || record->modality != modality || record->date.ToIso() != iso) return true;
      found.emplace(k.stmt, std::move(*record));
      return false;
    });
  };
  scan(t.subject, t.object);
  if (!found && symmetric) scan(t.object, t.subject);
  return found;
}

IngestResult Store::IngestArticle(const ArticleMeta& meta,
                                  const std::vector<Statement>& statements) {
  if (mode_ == OpenMode::kReadOnly) throw Error(path_ + ": store is open read-only");
  if (meta.id.empty()) throw Error(path_ + ": article without an id");
  if (HasArticle(meta.id)) return IngestResult{.skipped = true};
  return Writer(this).Ingest(meta, statements);
}

}  // namespace diplograph
