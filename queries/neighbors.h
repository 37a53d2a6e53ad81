// Neighbors: the entities within k hops of an entity and the statements that link them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/entity.h"
#include "queries/filter.h"
#include "store/store.h"

namespace diplograph {

// A statement joining a neighbour to an entity one hop nearer the centre.
struct Link {
  uint64_t stmt = 0;
  std::string predicate;
  std::string nearer;     // id of the entity one hop nearer (the centre, at depth 1)
  bool outgoing = false;  // `nearer` is the subject
};

struct PredicateCount {
  std::string predicate;
  bool outgoing = false;  // as in Link
  uint64_t count = 0;
};

struct Neighbor {
  Entity entity;
  int depth = 0;                           // hops from the centre
  std::vector<Link> links;                 // to every linked entity at depth - 1
  std::vector<PredicateCount> predicates;  // the links summed, most frequent first
};

// A statement joining two entities of a neighbourhood that is no one's link
// to a nearer entity: between two neighbours at the same depth, say.
struct Tie {
  uint64_t stmt = 0;
  std::string subject, predicate, object;  // ids, and the predicate's name
};

// The statements of the entities `from` (ids) whose other end is in
// `among`, that pass the filter and are not in `links`; each once, by
// statement id. With `from` a page of Neighbors, `among` every entity shown
// so far and `links` their links' statements, the rest of the edges a graph
// of the neighbourhood needs.
std::vector<Tie> Ties(const Store& store, const std::vector<std::string>& from,
                      const std::unordered_set<std::string>& among,
                      const std::unordered_set<uint64_t>& links, const Filter& filter = {});

// Breadth-first over statements by subject (outgoing) and by object (incoming) that pass
// the filter, up to `depth` hops. Nearest first, then most links, then id.
// With a nonzero `limit`, no further hop is explored once that many
// neighbours are found, and at most `limit` are returned.
std::vector<Neighbor> Neighbors(const Store& store, std::string_view id, int depth,
                                const Filter& filter = {}, size_t limit = 0);

}  // namespace diplograph
