#include "queries/pattern_resolve.h"

#include "core/error.h"
#include "queries/resolve.h"

namespace diplograph {

namespace {

// The term id of an entity constant; Error when it is not exactly one entity.
uint64_t EntityTerm(const Store& store, const PatternTerm& t) {
  const auto hits = ResolveEntity(store, t.text);
  if (hits.size() != 1) throw Error(t.Where() + ": " + UnresolvedMessage(store, t.text, hits));
  // A resolved entity's id is in the dict: it is how the entity was found.
  return *store.TermId(hits.front().entity.id);
}

}  // namespace

std::optional<std::vector<ResolvedPattern>> ResolvePatterns(const Store& store,
                                                            const PatternQuery& query) {
  std::vector<ResolvedPattern> out;
  bool matchable = true;
  for (const PatternTriple& p : query.patterns) {
    ResolvedPattern r;
    r.subject.variable = p.subject.variable;
    r.predicate.variable = p.predicate.variable;
    r.object.variable = p.object.variable;
    if (!p.subject.is_variable()) r.subject.term = EntityTerm(store, p.subject);
    if (!p.object.is_variable()) r.object.term = EntityTerm(store, p.object);
    if (!p.predicate.is_variable()) {
      // Keep going: every entity name is still checked, so a bad one is
      // reported whatever the predicates.
      const auto term = store.TermId(p.predicate.text);
      if (term) r.predicate.term = *term;
      matchable = matchable && term.has_value();
    }
    out.push_back(r);
  }
  if (!matchable) return std::nullopt;
  return out;
}

std::string UnresolvedMessage(const Store& store, std::string_view name,
                              const std::vector<EntityHit>& hits) {
  const std::string quoted = "\"" + std::string(name) + "\"";
  if (hits.empty())
    return quoted + ": no such entity in " + store.path() + " (try `diplograph entities --search`)";
  std::string list;
  for (size_t i = 0; i < hits.size() && i < 8; ++i) {
    if (i) list += ", ";
    list += hits[i].entity.id + " (" + EntityTypeName(hits[i].entity.type) + ", " +
            std::to_string(hits[i].degree) + " statements)";
  }
  return quoted + " is ambiguous: " + list + "; name one by its id";
}

}  // namespace diplograph
