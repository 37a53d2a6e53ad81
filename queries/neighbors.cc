#include "queries/neighbors.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace diplograph {

namespace {

class Search {
 public:
  Search(const Store& store, const Filter& filter) : store_(store), filter_(filter) {}

  std::vector<Neighbor> Run(uint64_t centre, int depth, size_t limit) {
    std::vector<uint64_t> frontier = {centre};
    depth_of_[centre] = 0;
    for (int d = 1; d <= depth && !frontier.empty(); ++d) {
      if (limit && found_.size() >= limit) break;
      frontier = Expand(frontier, d);
    }
    std::vector<std::pair<uint64_t, Neighbor>> ranked(found_.begin(), found_.end());
    for (auto& [term, n] : ranked) n.entity.id = Term(term);
    std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
      const Neighbor& a = x.second;
      const Neighbor& b = y.second;
      if (a.depth != b.depth) return a.depth < b.depth;
      if (a.links.size() != b.links.size()) return a.links.size() > b.links.size();
      return a.entity.id < b.entity.id;
    });
    if (limit && ranked.size() > limit) ranked.resize(limit);
    // Records are read only for the neighbours returned.
    std::vector<Neighbor> out;
    out.reserve(ranked.size());
    for (auto& [term, n] : ranked) {
      if (auto e = store_.GetEntity(term)) n.entity = std::move(*e);
      Summarize(&n);
      out.push_back(std::move(n));
    }
    return out;
  }

 private:
  // Visits every statement of the frontier; returns the entities first seen.
  std::vector<uint64_t> Expand(const std::vector<uint64_t>& frontier, int d) {
    std::vector<uint64_t> next;
    for (uint64_t nearer : frontier) {
      auto visit = [&](const Triple& t, bool outgoing) {
        const uint64_t other = outgoing ? t.object : t.subject;
        const auto known = depth_of_.find(other);
        if (known != depth_of_.end() && known->second != d) return;  // not one hop further out
        if (!Passes(t)) return;
        if (known == depth_of_.end()) {
          depth_of_.emplace(other, d);
          next.push_back(other);
        }
        Neighbor& n = found_[other];
        n.depth = d;
        n.links.push_back({t.stmt, Term(t.predicate), Term(nearer), outgoing});
      };
      store_.ScanTriples({nearer, 0, 0}, [&](const Triple& t) {
        visit(t, true);
        return true;
      });
      store_.ScanTriples({0, 0, nearer}, [&](const Triple& t) {
        // A statement from the entity to itself was seen as outgoing.
        if (t.subject != nearer) visit(t, false);
        return true;
      });
    }
    return next;
  }

  bool Passes(const Triple& t) {
    if (!filter_.MatchesPredicate(Term(t.predicate))) return false;
    if (!filter_.NeedsRecord()) return true;
    const auto s = store_.GetStatement(t.stmt);
    return s && filter_.Matches(*s);
  }

  // Terms repeat (predicates above all), so each is read from the store once.
  const std::string& Term(uint64_t id) {
    auto it = terms_.find(id);
    if (it == terms_.end()) it = terms_.emplace(id, store_.Term(id)).first;
    return it->second;
  }

  static void Summarize(Neighbor* n) {
    std::map<std::pair<std::string, bool>, uint64_t> counts;
    for (const auto& l : n->links) ++counts[{l.predicate, l.outgoing}];
    for (const auto& [key, count] : counts) n->predicates.push_back({key.first, key.second, count});
    std::stable_sort(
        n->predicates.begin(), n->predicates.end(),
        [](const PredicateCount& a, const PredicateCount& b) { return a.count > b.count; });
  }

  const Store& store_;
  const Filter& filter_;
  std::unordered_map<uint64_t, int> depth_of_;
  std::unordered_map<uint64_t, Neighbor> found_;
  std::unordered_map<uint64_t, std::string> terms_;
};

}  // namespace

std::vector<Neighbor> Neighbors(const Store& store, std::string_view id, int depth,
                                const Filter& filter, size_t limit) {
  const auto centre = store.TermId(id);
  if (!centre || depth < 1) return {};
  return Search(store, filter).Run(*centre, depth, limit);
}

std::vector<Tie> Ties(const Store& store, const std::vector<std::string>& from,
                      const std::unordered_set<std::string>& among,
                      const std::unordered_set<uint64_t>& links, const Filter& filter) {
  std::unordered_map<uint64_t, std::string> terms;
  auto term = [&](uint64_t id) -> const std::string& {
    auto it = terms.find(id);
    if (it == terms.end()) it = terms.emplace(id, store.Term(id)).first;
    return it->second;
  };
  // Work in term ids: most entries of a neighbour's range lead outside the
  // neighbourhood, and are dropped without reading a name.
  std::unordered_set<uint64_t> among_terms;
  for (const std::string& id : among)
    if (const auto t = store.TermId(id)) among_terms.insert(*t);
  std::map<uint64_t, Tie> found;
  for (const std::string& id : from) {
    const auto entity = store.TermId(id);
    if (!entity) continue;
    // The entity's time entries are its statements either way, with the
    // other party and the predicate: one scan, no records.
    store.ScanTimeline(*entity, filter.FirstTimeKey(), filter.LastTimeKey(),
                       [&](const keys::TimeKey& k, const TimeValue& v) {
                         if (!among_terms.count(v.other) || links.count(k.stmt) ||
                             found.count(k.stmt) || !filter.MatchesPredicate(term(v.predicate)))
                           return true;
                         if (filter.NeedsRecord()) {
                           const auto s = store.GetStatement(k.stmt);
                           if (!s || !filter.Matches(*s)) return true;
                         }
                         const uint64_t subject = v.as_object ? v.other : *entity;
                         const uint64_t object = v.as_object ? *entity : v.other;
                         found[k.stmt] = {k.stmt, term(subject), term(v.predicate), term(object)};
                         return true;
                       });
  }
  std::vector<Tie> out;
  out.reserve(found.size());
  for (auto& [stmt, tie] : found) out.push_back(std::move(tie));
  return out;
}

}  // namespace diplograph
