#include "queries/pattern_resolve.h"

#include <map>

#include "core/predicate.h"
#include "queries/resolve.h"

namespace diplograph {

namespace {

// The term id of an entity constant; QueryError when it is not exactly one entity.
uint64_t EntityTerm(const Store& store, const PatternTerm& t) {
  const auto hits = ResolveEntity(store, t.text);
  if (hits.size() != 1) throw UnresolvedError(store, t.text, hits, t.Where() + ": ");
  // A resolved entity's id is in the dict: it is how the entity was found.
  return *store.TermId(hits.front().entity.id);
}

// ResolvedPattern::either_way for `p`; `uses` counts each variable's terms in the query.
bool EitherWay(const PatternTriple& p, const std::map<int, int>& uses) {
  if (!p.predicate.is_variable()) {
    const PredicateInfo* info = FindPredicate(p.predicate.text);
    if (!info || !info->symmetric) return false;
  }
  if (!p.subject.is_variable() || !p.object.is_variable()) return true;
  // The same variable at both ends binds only statements of an entity with
  // itself, the same either way round.
  if (p.subject.variable == p.object.variable) return false;
  return uses.at(p.subject.variable) > 1 || uses.at(p.object.variable) > 1;
}

}  // namespace

std::optional<std::vector<ResolvedPattern>> ResolvePatterns(const Store& store,
                                                            const PatternQuery& query) {
  std::map<int, int> uses;
  for (const PatternTriple& p : query.patterns)
    for (const PatternTerm* t : {&p.subject, &p.predicate, &p.object})
      if (t->is_variable()) ++uses[t->variable];
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
    r.either_way = EitherWay(p, uses);
    out.push_back(r);
  }
  if (!matchable) return std::nullopt;
  return out;
}

std::vector<uint64_t> SymmetricPredicateTerms(const Store& store) {
  std::vector<uint64_t> terms;
  for (const PredicateInfo& p : AllPredicates())
    if (p.symmetric)
      if (const auto term = store.TermId(p.name)) terms.push_back(*term);
  return terms;
}

QueryError UnresolvedError(const Store& store, std::string_view name,
                           const std::vector<EntityHit>& hits, std::string_view where) {
  const std::string quoted = std::string(where) + "\"" + std::string(name) + "\"";
  if (hits.empty())
    return QueryError(QueryFailure::kUnknownEntity, quoted + ": no such entity in " + store.path() +
                                                        " (try `diplograph entities --search`)");
  constexpr size_t kListed = 8;
  std::string list;
  for (size_t i = 0; i < hits.size() && i < kListed; ++i) {
    if (i) list += ", ";
    list += hits[i].entity.id + " (" + EntityTypeName(hits[i].entity.type) + ", " +
            std::to_string(hits[i].degree) + (hits[i].degree == 1 ? " statement)" : " statements)");
  }
  if (hits.size() > kListed) list += " and " + std::to_string(hits.size() - kListed) + " more";
  return QueryError(QueryFailure::kAmbiguousEntity,
                    quoted + " is ambiguous: " + list + "; name one by its id");
}

}  // namespace diplograph
