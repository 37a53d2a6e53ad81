#include "queries/export/selection.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "core/error.h"
#include "queries/neighbors.h"

namespace diplograph {

namespace {

// Statements read per batch. A batch's records and sources are read in id
// order, and the more of them share a block the fewer blocks are read: at a
// million statements 32768 a batch reads about twice as fast as 1024. The
// price is the batch in memory, some 20 MB with its sources.
constexpr size_t kBatch = 32768;

uint32_t DayKey(int y, int m, int d) {
  return static_cast<uint32_t>(y) * 10000u + static_cast<uint32_t>(m) * 100u +
         static_cast<uint32_t>(d);
}

int DaysInMonth(int y, int m) {
  return static_cast<int>(DaysFromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) -
                          DaysFromCivil(y, m, 1));
}

// The records of a batch of index entries, read in statement id order as the
// store's batched reads want them, and, when asked, their sources.
class RecordBatch {
 public:
  void Read(const Store& store, const std::vector<Triple>& batch, bool with_sources) {
    ids_.clear();
    for (const Triple& t : batch) ids_.push_back(t.stmt);
    std::sort(ids_.begin(), ids_.end());
    records_.clear();
    store.ForEachStatementRecord(
        ids_, [&](uint64_t, const StatementRecord& record) { records_.push_back(record); });
    sources_.assign(ids_.size(), {});
    if (!with_sources) return;
    refs_.clear();
    for (size_t i = 0; i < ids_.size(); ++i)
      for (uint32_t seq = 0; seq < records_[i].sources; ++seq) refs_.push_back({ids_[i], seq});
    store.ForEachProvenance(refs_, [&](const ProvenanceRef& ref, const Provenance& p) {
      sources_[IndexOf(ref.stmt)].push_back(p);
      return true;
    });
  }
  // Where the statement is in the batch: its index in id order.
  size_t IndexOf(uint64_t stmt) const {
    return static_cast<size_t>(std::lower_bound(ids_.begin(), ids_.end(), stmt) - ids_.begin());
  }
  const StatementRecord& record(size_t i) const { return records_[i]; }
  std::vector<Provenance>& sources(size_t i) { return sources_[i]; }

 private:
  std::vector<uint64_t> ids_;
  std::vector<StatementRecord> records_;
  std::vector<std::vector<Provenance>> sources_;
  std::vector<ProvenanceRef> refs_;
};

// The stored record of an entity a statement names.
Entity RecordOf(const Store& store, uint64_t term) {
  auto record = store.GetEntity(term);
  if (!record)
    throw Error(store.path() + ": store is corrupt (entity " + store.Term(term) +
                " has no record)");
  return std::move(*record);
}

// Names of terms, each read once: the few predicates, and the entities the
// statements name (id, type and display name; the entity pass has the
// whole records), so that a statement costs no lookup of its own.
class TermNames {
 public:
  explicit TermNames(const Store& store) : store_(store) {}

  const std::string& Predicate(uint64_t term) {
    auto it = predicates_.find(term);
    if (it == predicates_.end()) it = predicates_.emplace(term, store_.Term(term)).first;
    return it->second;
  }

  // The entity with its id, type and display name only.
  Entity EntityOf(uint64_t term) {
    auto it = entities_.find(term);
    if (it == entities_.end()) {
      Entity record = RecordOf(store_, term);
      it = entities_.emplace(term, Name{std::move(record.id), std::move(record.name), record.type})
               .first;
    }
    Entity e;
    e.id = it->second.id;
    e.name = it->second.name;
    e.type = it->second.type;
    return e;
  }

 private:
  // What is kept of an entity: some 100 bytes, more for long names.
  struct Name {
    std::string id, name;
    EntityType type;
  };

  const Store& store_;
  std::unordered_map<uint64_t, std::string> predicates_;
  std::unordered_map<uint64_t, Name> entities_;
};

// What the filter looks at, from the record: no entities.
Statement FilterView(const StatementRecord& record, const std::string& predicate) {
  Statement s;
  s.predicate = predicate;
  s.date = record.date;
  s.modality = record.modality;
  s.role = record.role;
  s.confidence = record.confidence;
  return s;
}

}  // namespace

void DaySpan::Extend(const DaySpan& other) {
  if (other.empty()) return;
  if (empty()) {
    *this = other;
    return;
  }
  first = std::min(first, other.first);
  last = std::max(last, other.last);
}

DaySpan SpanOf(const Date& date) {
  const int y = date.year, m = date.month;
  switch (date.precision) {
    case DatePrecision::kDay:
      return {DayKey(y, m, date.day), DayKey(y, m, date.day)};
    case DatePrecision::kMonth:
      return {DayKey(y, m, 1), DayKey(y, m, DaysInMonth(y, m))};
    case DatePrecision::kYear:
      return {DayKey(y, 1, 1), DayKey(y, 12, 31)};
    case DatePrecision::kUnknown:
      break;
  }
  return {};
}

std::string DayIso(uint32_t day) {
  char text[16];
  std::snprintf(text, sizeof text, "%04u-%02u-%02u", day / 10000, day / 100 % 100, day % 100);
  return text;
}

Selection::Selection(const Store& store, Filter filter)
    : store_(store), filter_(std::move(filter)) {
  if (filter_.predicates.empty()) return;
  predicates_.emplace();
  for (const std::string& name : filter_.predicates)
    if (const auto term = store_.TermId(name)) predicates_->push_back(*term);
  std::sort(predicates_->begin(), predicates_->end());
}

Selection::Selection(const Store& store, Filter filter, std::string_view around, int depth)
    : Selection(store, std::move(filter)) {
  around_.emplace();
  const auto centre = store_.TermId(around);
  if (!centre) return;
  around_->push_back(*centre);
  for (const Neighbor& n : Neighbors(store_, around, depth, filter_))
    if (const auto term = store_.TermId(n.entity.id)) around_->push_back(*term);
  std::sort(around_->begin(), around_->end());
  around_->erase(std::unique(around_->begin(), around_->end()), around_->end());
}

void Selection::ScanCandidates(const std::function<void(const Triple&)>& fn) const {
  const auto allowed = [&](const Triple& t) {
    if (predicates_ && !std::binary_search(predicates_->begin(), predicates_->end(), t.predicate))
      return false;
    return !around_ || std::binary_search(around_->begin(), around_->end(), t.object);
  };
  const auto visit = [&](const Triple& t) {
    if (allowed(t)) fn(t);
    return true;
  };
  if (around_) {
    // The neighbourhood's statements: each member's as subject whose object
    // is a member too.
    for (const uint64_t subject : *around_) store_.ScanTriples({subject, 0, 0}, visit);
  } else if (predicates_) {
    // An index scan per predicate reads only the statements it may keep.
    for (const uint64_t predicate : *predicates_) store_.ScanTriples({0, predicate, 0}, visit);
  } else {
    store_.ScanTriples({}, visit);
  }
}

void Selection::ForEachKeptRecord(
    const std::function<void(const Triple&, const StatementRecord&)>& fn) const {
  const bool needs_record = filter_.NeedsRecord();
  TermNames names(store_);
  RecordBatch records;
  std::vector<Triple> batch;
  const auto flush = [&] {
    records.Read(store_, batch, !filter_.source.empty());
    for (const Triple& t : batch) {
      const size_t i = records.IndexOf(t.stmt);
      const StatementRecord& r = records.record(i);
      if (needs_record) {
        Statement view = FilterView(r, names.Predicate(r.predicate));
        view.provenance = std::move(records.sources(i));
        if (!filter_.Matches(view)) continue;
      }
      fn(t, r);
    }
    batch.clear();
  };
  ScanCandidates([&](const Triple& t) {
    batch.push_back(t);
    if (batch.size() == kBatch) flush();
  });
  if (!batch.empty()) flush();
}

void Selection::ForEachNode(const std::function<void(const ExportNode&)>& fn) const {
  struct Counts {
    uint64_t statements = 0;
    DaySpan dated;
  };
  std::unordered_map<uint64_t, Counts> seen;
  ForEachKeptRecord([&](const Triple& t, const StatementRecord& record) {
    const DaySpan span = SpanOf(record.date);
    for (const uint64_t term : {t.subject, t.object}) {
      Counts& c = seen[term];
      ++c.statements;
      c.dated.Extend(span);
      if (t.subject == t.object) break;
    }
  });
  std::vector<uint64_t> terms;
  terms.reserve(seen.size());
  for (const auto& [term, counts] : seen) terms.push_back(term);
  std::sort(terms.begin(), terms.end());
  ExportNode node;
  for (const uint64_t term : terms) {
    node.entity = RecordOf(store_, term);
    const Counts& c = seen[term];
    node.statements = c.statements;
    node.dated = c.dated;
    fn(node);
  }
}

void Selection::ForEachStatement(const std::function<void(const StoredStatement&)>& fn) const {
  TermNames names(store_);
  RecordBatch records;
  std::vector<Triple> batch;
  const auto flush = [&] {
    records.Read(store_, batch, true);
    for (const Triple& t : batch) {
      const size_t i = records.IndexOf(t.stmt);
      const StatementRecord& r = records.record(i);
      StoredStatement stored{t.stmt, FilterView(r, names.Predicate(r.predicate))};
      Statement& s = stored.statement;
      s.provenance = std::move(records.sources(i));
      if (!filter_.Matches(s)) continue;
      s.subject = names.EntityOf(r.subject);
      s.object = names.EntityOf(r.object);
      if (r.place) s.place = names.EntityOf(r.place);
      fn(stored);
    }
    batch.clear();
  };
  ScanCandidates([&](const Triple& t) {
    batch.push_back(t);
    if (batch.size() == kBatch) flush();
  });
  if (!batch.empty()) flush();
}

}  // namespace diplograph
