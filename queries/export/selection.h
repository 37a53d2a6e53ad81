// Selection: the statements and entities an export writes, streamed from the store.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/entity.h"
#include "queries/filter.h"
#include "store/store.h"

namespace diplograph {

// Days as yyyymmdd, first to last; both 0 when there are none.
struct DaySpan {
  uint32_t first = 0, last = 0;

  bool empty() const { return first == 0; }
  void Extend(const DaySpan& other);
};
// The days a date covers: its day, or the whole of its month or year; none
// when it is unknown.
DaySpan SpanOf(const Date& date);
// yyyymmdd as "yyyy-mm-dd".
std::string DayIso(uint32_t day);

// An entity as the graph formats write it: its record and what the kept
// statements say about it.
struct ExportNode {
  Entity entity;
  uint64_t statements = 0;  // kept statements it is the subject or object of
  DaySpan dated;            // from its first dated kept statement to its last
};

// The statements that pass a filter, optionally only those between the
// entities within `depth` hops of one (the neighbourhood `neighbors` finds,
// with every statement among its entities), and the entities they name as
// subject or object. Nothing is held but the entities' term ids and counts:
// each call reads the store again, in batches, so that memory stays bounded
// whatever the number of statements.
class Selection {
 public:
  // The whole store.
  Selection(const Store& store, Filter filter);
  // Around an entity, named by its exact id.
  Selection(const Store& store, Filter filter, std::string_view around, int depth);

  // The entities, each once, in term id order; one pass over the kept
  // statements' records first gives their counts and dates.
  void ForEachNode(const std::function<void(const ExportNode&)>& fn) const;
  // The kept statements with their sources, in the order of the store's
  // index scans (Store::ScanTriples), which the same store always repeats.
  // Their subject, object and place carry id, type and display name only:
  // the entities' whole records are ForEachNode's.
  void ForEachStatement(const std::function<void(const StoredStatement&)>& fn) const;

 private:
  // Index entries that may pass: the predicates and the neighbourhood are
  // checked here, the rest of the filter on the records.
  void ScanCandidates(const std::function<void(const Triple&)>& fn) const;
  // fn(triple, record) for each kept statement, records read in batches.
  void ForEachKeptRecord(
      const std::function<void(const Triple&, const StatementRecord&)>& fn) const;

  const Store& store_;
  Filter filter_;
  // Term ids of the allowed predicates, ascending; nullopt allows every one.
  std::optional<std::vector<uint64_t>> predicates_;
  // Term ids of the neighbourhood, ascending; nullopt for the whole store.
  std::optional<std::vector<uint64_t>> around_;
};

}  // namespace diplograph
