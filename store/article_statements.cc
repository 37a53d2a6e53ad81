#include "store/article_statements.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/error.h"
#include "core/predicate.h"

namespace diplograph {

namespace {

// Adds the sources of `from` that `into` lacks, and a place or role `into`
// lacks. A statement reported once more is likelier true, so confidence
// combines when a source is new.
void MergeSources(Statement* into, const Statement& from) {
  bool added = false;
  for (const auto& p : from.provenance) {
    if (std::find(into->provenance.begin(), into->provenance.end(), p) != into->provenance.end())
      continue;
    into->provenance.push_back(p);
    added = true;
  }
  if (added) into->confidence = CombineConfidence(into->confidence, from.confidence);
  if (!into->place && from.place) into->place = from.place;
  if (into->role.empty() && !from.role.empty()) into->role = from.role;
}

void Validate(const ArticleMeta& meta, const Statement& s) {
  const std::string where = "article " + meta.id + ": ";
  if (s.subject.id.empty()) throw Error(where + "statement without a subject id");
  if (s.object.id.empty()) throw Error(where + "statement without an object id");
  if (s.place && s.place->id.empty()) throw Error(where + "statement place without an id");
  if (!FindPredicate(s.predicate)) throw Error(where + "unknown predicate \"" + s.predicate + "\"");
}

// A hash of what Statement::Key() spells, without building the string:
// equal keys give equal hashes, so statements of distinct hashes are distinct.
size_t KeyHash(const Statement& s) {
  const PredicateInfo* info = FindPredicate(s.predicate);
  const bool swap = info && info->symmetric && s.object.id < s.subject.id;
  const std::hash<std::string_view> h;
  size_t k = h(swap ? s.object.id : s.subject.id);
  k = k * 31 + h(s.predicate);
  k = k * 31 + h(swap ? s.subject.id : s.object.id);
  k = k * 31 + static_cast<size_t>(s.modality);
  return k * 31 + s.date.SortKey() * 4 + static_cast<size_t>(s.date.precision);
}

}  // namespace

std::vector<Statement> MergeWithinArticle(const ArticleMeta& meta,
                                          std::vector<Statement> statements) {
  // Most articles state each thing once: when no two statements share a key
  // hash, none share a key, and nothing is merged.
  std::vector<size_t> hashes;
  hashes.reserve(statements.size());
  for (const auto& s : statements) {
    Validate(meta, s);
    hashes.push_back(KeyHash(s));
  }
  std::sort(hashes.begin(), hashes.end());
  if (std::adjacent_find(hashes.begin(), hashes.end()) == hashes.end()) return statements;

  std::vector<Statement> merged;
  std::unordered_map<std::string, size_t> by_key;
  for (auto& s : statements) {
    const auto [it, inserted] = by_key.try_emplace(s.Key(), merged.size());
    if (inserted)
      merged.push_back(std::move(s));
    else
      MergeSources(&merged[it->second], s);
  }
  return merged;
}

StatementRecord NewStatementRecord(const Statement& s, uint64_t subject, uint64_t predicate,
                                   uint64_t object, uint64_t place) {
  StatementRecord r;
  r.subject = subject;
  r.predicate = predicate;
  r.object = object;
  r.place = place;
  r.date = s.date;
  r.modality = s.modality;
  r.role = s.role;
  r.confidence = s.confidence;
  r.sources = r.live_sources = static_cast<uint32_t>(s.provenance.size());
  return r;
}

bool AddReport(StatementRecord* record, const Statement& s,
               const std::function<uint64_t(const std::string&)>& intern) {
  record->confidence = CombineConfidence(record->confidence, s.confidence);
  bool took_place = false;
  if (!record->place && s.place) {
    record->place = intern(s.place->id);
    took_place = true;
  }
  if (record->role.empty()) record->role = s.role;
  const auto sources = static_cast<uint32_t>(s.provenance.size());
  record->sources += sources;
  record->live_sources += sources;
  return took_place;
}

}  // namespace diplograph
