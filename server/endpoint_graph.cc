// /api/neighbors and /api/path: an entity's surroundings and the chain between two.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>
#include "core/json_io.h"
#include "core/predicate.h"
#include "core/utf8.h"
#include "queries/graph_projection.h"

#include "queries/neighbors.h"
#include "queries/path.h"
#include "queries/query_error.h"
#include "queries/result_json.h"
#include "server/endpoints.h"

namespace diplograph {

namespace {

// Ties a page sends at most. Neighbours of a hub can be joined to each other
// by a hundred thousand statements, more than a browser can draw and still
// answer a click; the pairs joined by the most statements are kept.
constexpr size_t kMaxTies = 5000;

// The ties of the pairs of entities with the most statements between them,
// at most kMaxTies in all, in statement order; the rest are counted in
// `omitted`.
std::vector<Tie> StrongestTies(std::vector<Tie> ties, size_t* omitted) {
  *omitted = 0;
  if (ties.size() <= kMaxTies) return ties;
  using Pair = std::pair<std::string_view, std::string_view>;
  std::map<Pair, size_t> per_pair;
  auto pair_of = [](const Tie& t) {
    return t.subject < t.object ? Pair(t.subject, t.object) : Pair(t.object, t.subject);
  };
  for (const Tie& t : ties) ++per_pair[pair_of(t)];
  std::vector<std::pair<size_t, Pair>> ranked;
  for (const auto& [pair, n] : per_pair) ranked.push_back({n, pair});
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::set<Pair> kept;  // views into `ties`, which stays whole until the end
  size_t room = kMaxTies;
  for (const auto& [n, pair] : ranked) {
    if (n > room) continue;
    kept.insert(pair);
    room -= n;
  }
  std::vector<Tie> out;
  for (const Tie& t : ties) {
    if (kept.count(pair_of(t)))
      out.push_back(t);
    else
      ++*omitted;
  }
  return out;
}

}  // namespace

ApiResponse NeighborsEndpoint(const EndpointContext& c) {
  const EntityHit center = ResolveParam(c, "entity");
  const int depth = static_cast<int>(c.params.Integer("depth", 1, 1, 3));
  const Filter filter = c.params.ReadFilter();
  const Page page = c.params.ReadPage(2000, 2000);
  // One more than the page asks, to know whether another follows.
  const std::vector<Neighbor> found =
      Neighbors(*c.store, center.entity.id, depth, filter, page.offset + page.limit + 1);
  const size_t end = std::min(found.size(), page.offset + page.limit);
  nlohmann::json items = nlohmann::json::array();
  std::vector<std::string> shown_here;
  for (size_t i = page.offset; i < end; ++i) {
    items.push_back(NeighborToJson(found[i]));
    shown_here.push_back(found[i].entity.id);
  }
  // The statements among the entities shown so far that are no one's link:
  // a graph drawn from links alone would miss neighbours' ties to each other.
  std::unordered_set<std::string> shown = {center.entity.id};
  std::unordered_set<uint64_t> links;
  for (size_t i = 0; i < end; ++i) {
    shown.insert(found[i].entity.id);
    for (const Link& l : found[i].links) links.insert(l.stmt);
  }
  size_t omitted = 0;
  const std::vector<Tie> strongest =
      StrongestTies(Ties(*c.store, shown_here, shown, links, filter), &omitted);
  nlohmann::json ties = nlohmann::json::array();
  for (const Tie& t : strongest)
    ties.push_back({{"statement", t.stmt},
                    {"subject", t.subject},
                    {"predicate", t.predicate},
                    {"object", t.object}});
  nlohmann::json body = PagedJson(std::move(items), page, -1, found.size() > end);
  body["center"] = EntityHitToJson(center);
  body["ties"] = std::move(ties);
  body["ties_omitted"] = omitted;
  return JsonResponse(body);
}

ApiResponse PathEndpoint(const EndpointContext& c) {
  const EntityHit a = ResolveParam(c, "a");
  const EntityHit b = ResolveParam(c, "b");
  PathOptions options;
  options.via = c.params.List("via");
  for (const std::string& p : options.via)
    if (!FindPredicate(p))
      throw QueryError(QueryFailure::kInvalidFilter,
                       "via: unknown predicate \"" + utf8::Excerpt(p) + "\"");
  options.max_length = static_cast<size_t>(c.params.Integer("max_length", 0, 0, 1000));
  const Filter filter = c.params.ReadFilter();
  // The filter's parameters as given tell its projections apart.
  std::string filter_key;
  for (std::string_view name : kFilterParams)
    for (const std::string& value : c.params.List(name))
      filter_key.append(name).append("=").append(value).push_back('\n');
  const auto graph = c.projections->Get(c.store, filter, filter_key);
  return JsonResponse(
      PathToJson(ShortestPath(*c.store, *graph, a.entity.id, b.entity.id, options)));
}

}  // namespace diplograph
