#include <catch2/catch.hpp>

#include <algorithm>

#include "core/error.h"
#include "queries/pattern_plan.h"
#include "queries/pattern_query.h"
#include "tests/queries/graph.h"

namespace diplograph {
namespace {

using namespace testing;
using Rows = std::vector<std::string>;

std::vector<Binding> Run(const Store& store, const std::string& text, const Filter& filter = {}) {
  return RunPatternQuery(store, ParsePattern(text), filter);
}

// "a=x b=y" per binding (variables by name), in result order.
Rows Values(const std::vector<Binding>& bindings) {
  Rows rows;
  for (const Binding& b : bindings) {
    std::string row;
    for (const auto& [name, value] : b.values) row += (row.empty() ? "" : " ") + name + "=" + value;
    rows.push_back(row);
  }
  return rows;
}

Rows Sorted(Rows rows) {
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::string ErrorOf(const Store& store, const std::string& text) {
  try {
    Run(store, text);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST_CASE("patterns join on shared variables", "[pattern-query]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  // Both meetings: the one stored as "Vučić met Hashemi" is read the other way round.
  const auto found = Run(*store, "?a met ?b . ?b holds_role country:RS");
  CHECK(Values(found) == Rows{"a=person:sattar-hashemi b=person:aleksandar-vucic",
                              "a=person:sattar-hashemi b=person:aleksandar-vucic"});
  REQUIRE(found.size() == 2);
  REQUIRE(found[0].statements.size() == 2);
  CHECK(found[0].statements[0] != found[1].statements[0]);
  const auto met = store->GetStatement(found[0].statements[0]);
  const auto role = store->GetStatement(found[0].statements[1]);
  REQUIRE(met);
  REQUIRE(role);
  CHECK(met->predicate == "met");
  CHECK(role->predicate == "holds_role");

  CHECK(Sorted(Values(Run(*store, "?a met ?b . ?b holds_role ?c"))) ==
        Rows{"a=person:aleksandar-vucic b=person:sattar-hashemi c=country:IR",
             "a=person:aleksandar-vucic b=person:sattar-hashemi c=country:IR",
             "a=person:sattar-hashemi b=person:aleksandar-vucic c=country:RS",
             "a=person:sattar-hashemi b=person:aleksandar-vucic c=country:RS"});
  // Three patterns closing a cycle: Hashemi met Vučić (twice), who holds a
  // role of Serbia, which Hashemi visited.
  CHECK(Values(Run(*store, "?a met ?b . ?b holds_role ?c . ?a visited ?c")) ==
        Rows{"a=person:sattar-hashemi b=person:aleksandar-vucic c=country:RS",
             "a=person:sattar-hashemi b=person:aleksandar-vucic c=country:RS"});
}

TEST_CASE("constants are ids or names in any language", "[pattern-query]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  const Rows visitors = {"a=person:abdolreza-rahmani-fazli", "a=person:mojtaba-hashemi",
                         "a=person:sattar-hashemi"};
  CHECK(Sorted(Values(Run(*store, "?a visited country:RS"))) == visitors);
  CHECK(Sorted(Values(Run(*store, "?a visited Serbia"))) == visitors);
  CHECK(Sorted(Values(Run(*store, "?a visited صربستان"))) == visitors);
  CHECK(Sorted(Values(Run(*store, "\"Aleksandar Vučić\" invited ?x"))) ==
        Rows{"x=country:IR", "x=person:sattar-hashemi"});
  CHECK(Values(Run(*store, "?a met \"الکساندر ووچیچ\"")) ==
        Rows{"a=person:sattar-hashemi", "a=person:sattar-hashemi"});
  // A variable-free query asks whether the statements exist.
  CHECK(Run(*store, "Iran supports \"Expo 2027 Belgrade\"").size() == 1);
  CHECK(Run(*store, "Serbia supports \"Expo 2027 Belgrade\"").empty());
}

TEST_CASE("a constant that is not one entity is an error naming it", "[pattern-query]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  const std::string ambiguous = ErrorOf(*store, "?a met ?b . هاشمی praised ?b");
  CHECK(ambiguous.rfind("query:1:13: \"هاشمی\" is ambiguous: person:sattar-hashemi", 0) == 0);
  CHECK(ambiguous.find("person:mojtaba-hashemi") != std::string::npos);
  const std::string unknown = ErrorOf(*store, "?a met Atlantis");
  CHECK(unknown.rfind("query:1:8: \"Atlantis\": no such entity", 0) == 0);
  // A predicate no statement uses is no error: nothing matches.
  CHECK(Run(*store, "?a sanctioned ?b").empty());
}

TEST_CASE("a predicate variable binds the predicate name", "[pattern-query]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  CHECK(Sorted(Values(Run(*store, "person:sattar-hashemi ?p person:aleksandar-vucic"))) ==
        Rows{"p=met", "p=met", "p=praised"});
  CHECK(Sorted(Values(Run(*store, "?a ?p Iran . ?a holds_role Serbia"))) ==
        Rows{"a=person:aleksandar-vucic p=invited", "a=person:aleksandar-vucic p=praised"});
}

TEST_CASE("filters apply to the statement of every pattern", "[pattern-query]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  CHECK(Run(*store, "?a ?p ?b").size() == 17);
  CHECK(Run(*store, "?a ?p ?b FILTER date >= 2025-01-01").size() == 7);
  CHECK(Values(Run(*store, "?a ?p ?b FILTER date >= 2025-01-01 FILTER date <= 2025-01-29")) ==
        Rows{"a=person:sattar-hashemi b=country:RS p=visited"});
  CHECK(Values(Run(*store, "?a ?p ?b FILTER modality = intended")) ==
        Rows{"a=country:IR b=country:RS p=intends_to_cooperate"});
  CHECK(Values(Run(*store, "?a met ?b FILTER source = tanjug")) ==
        Rows{"a=person:aleksandar-vucic b=person:sattar-hashemi"});
  CHECK(Run(*store, "?a ?p ?b FILTER confidence >= 0.85").size() == 5);

  // Both meetings, either way round, join a holds_role statement, but those
  // come from IRNA only.
  CHECK(Run(*store, "?a met ?b . ?b holds_role ?c").size() == 4);
  CHECK(Run(*store, "?a met ?b . ?b holds_role ?c FILTER source = Tanjug").empty());

  // The caller's filter (the CLI's options) applies as well.
  Filter met;
  met.predicates = {"met"};
  CHECK(Run(*store, "?a ?p ?b", met).size() == 2);
  Filter irna;
  irna.source = "IRNA";
  CHECK(Run(*store, "?a met ?b FILTER date >= 2025", irna).size() == 1);
}

TEST_CASE("date bounds restrict events, not the undated states joined to them", "[pattern-query]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  // The meetings are dated 2025-01-30 and 2024-06-01; the roles are undated.
  CHECK(Run(*store, "?a met ?b . ?b holds_role ?c FILTER date >= 2024").size() == 4);
  const auto recent = Run(*store, "?a met ?b . ?b holds_role ?c FILTER date >= 2025");
  REQUIRE(recent.size() == 2);
  for (const Binding& b : recent) {
    const auto met = store->GetStatement(b.statements[0]);
    REQUIRE(met);
    CHECK(met->date.ToIso() == "2025-01-30");
  }
  CHECK(Run(*store, "?a met ?b . ?b holds_role ?c FILTER date <= 2023").empty());
  // The caller's bounds (--from, --to) are read the same way.
  Filter from;
  from.from = Date::ParseIso("2025");
  CHECK(Run(*store, "?a met ?b . ?b holds_role ?c", from).size() == 2);
  // An undated event is not known to be in the range: out.
  CHECK(Values(Run(*store, "?a praised ?b FILTER date >= 2024")) ==
        Rows{"a=person:aleksandar-vucic b=country:IR"});
  // A query of states alone asks for states dated in the range: none is.
  CHECK(Run(*store, "?x holds_role ?c").size() == 3);
  CHECK(Run(*store, "?x holds_role ?c FILTER date >= 2024").empty());
  CHECK(Values(Run(*store, "?x holds_role ?c . ?c ?p ?y FILTER date >= 2025")) ==
        Rows{"c=country:RS p=requested x=person:aleksandar-vucic y=country:IR"});
}

TEST_CASE("a symmetric statement matches either way round", "[pattern-query]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  // Stored as "Hashemi met Vučić" and "Vučić met Hashemi".
  for (const std::string text :
       {"?a met person:aleksandar-vucic", "?a met Vučić", "?a met \"الکساندر ووچیچ\""}) {
    INFO(text);
    CHECK(Values(Run(*store, text)) == Rows{"a=person:sattar-hashemi", "a=person:sattar-hashemi"});
  }
  CHECK(Values(Run(*store, "Vučić met ?x")) ==
        Rows{"x=person:sattar-hashemi", "x=person:sattar-hashemi"});
  CHECK(Run(*store, "Vučić met \"Sattar Hashemi\"").size() == 2);
  CHECK(Sorted(Values(Run(*store, "Vučić ?p \"Sattar Hashemi\""))) ==
        Rows{"p=invited", "p=met", "p=met"});
  // Directed predicates keep their direction.
  CHECK(Values(Run(*store, "?a invited \"Sattar Hashemi\"")) == Rows{"a=person:aleksandar-vucic"});
  CHECK(Run(*store, "\"Sattar Hashemi\" invited ?x").empty());
  // With both parties variables no other pattern uses, the other way round
  // would only swap two names: each meeting is listed once, as stored.
  CHECK(Sorted(Values(Run(*store, "?a met ?b"))) ==
        Rows{"a=person:aleksandar-vucic b=person:sattar-hashemi",
             "a=person:sattar-hashemi b=person:aleksandar-vucic"});
  CHECK(Run(*store, "?a ?p ?b").size() == 17);

  // A meeting of an entity with itself is matched once.
  TempDir self_dir;
  auto self = Store::Open(self_dir.path(), OpenMode::kReadWrite);
  const ArticleMeta a = Article("sha256:a");
  self->IngestArticle(a, {MakeStatement(kVucic, "met", kVucic, Day(2025, 1, 1), a, 0),
                          MakeStatement(kVucic, "spoke_by_phone", kHashemi, Day(2025, 1, 2), a, 1),
                          MakeStatement(kHashemi, "holds_role", kIran, Date(), a, 2)});
  CHECK(Run(*self, "Vučić met ?x").size() == 1);
  CHECK(Run(*self, "?x met ?x").size() == 1);
  CHECK(Values(Run(*self, "?x spoke_by_phone ?y . ?x holds_role Iran")) ==
        Rows{"x=person:sattar-hashemi y=person:aleksandar-vucic"});
}

TEST_CASE("ORDER BY date sorts by the first pattern's statement, undated last", "[pattern-query]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  CHECK(Values(Run(*store, "?a visited ?b ORDER BY date")) ==
        Rows{"a=person:mojtaba-hashemi b=country:RS",
             "a=person:abdolreza-rahmani-fazli b=country:RS",
             "a=person:sattar-hashemi b=country:RS"});
  // With a limit, only the earliest are kept.
  CHECK(Values(Run(*store, "?a visited ?b ORDER BY date LIMIT 2")) ==
        Rows{"a=person:mojtaba-hashemi b=country:RS",
             "a=person:abdolreza-rahmani-fazli b=country:RS"});

  const Rows hashemi = Values(Run(*store, "\"Sattar Hashemi\" ?p ?x ORDER BY date"));
  REQUIRE(hashemi.size() == 5);
  CHECK(hashemi[0] == "p=met x=person:aleksandar-vucic");  // stored as Vučić met Hashemi
  CHECK(hashemi[1] == "p=visited x=country:RS");
  CHECK(hashemi[2] == "p=met x=person:aleksandar-vucic");
  CHECK(Sorted({hashemi[3], hashemi[4]}) ==
        Rows{"p=holds_role x=country:IR", "p=praised x=person:aleksandar-vucic"});

  // The first pattern's date decides, though the planner starts with the second.
  const Rows to_vucic = Values(Run(*store, "?a ?p ?b . ?b holds_role country:RS ORDER BY date"));
  REQUIRE(to_vucic.size() == 4);
  CHECK(to_vucic[0] == "a=person:sattar-hashemi b=person:aleksandar-vucic p=met");  // 2024
  CHECK(Sorted({to_vucic[1], to_vucic[2]}) ==
        Rows{"a=person:masoud-pezeshkian b=person:aleksandar-vucic p=sent_message",
             "a=person:sattar-hashemi b=person:aleksandar-vucic p=met"});
  CHECK(to_vucic[3] == "a=person:sattar-hashemi b=person:aleksandar-vucic p=praised");
}

TEST_CASE("LIMIT stops after that many bindings", "[pattern-query]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  CHECK(Run(*store, "?a ?p ?b LIMIT 3").size() == 3);
  CHECK(Run(*store, "?a ?p ?b LIMIT 100").size() == 17);
  CHECK(Run(*store, "?a met ?b . ?b holds_role ?c LIMIT 1").size() == 1);
}

TEST_CASE("bindings follow bag semantics: one per combination of statements", "[pattern-query]") {
  TempDir dir;
  auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
  const ArticleMeta a = Article("sha256:a");
  // Two meetings of the same pair on different days are two statements.
  store->IngestArticle(a, {MakeStatement(kHashemi, "met", kVucic, Day(2025, 1, 30), a, 0),
                           MakeStatement(kHashemi, "met", kVucic, Day(2024, 3, 1), a, 1),
                           MakeStatement(kVucic, "holds_role", kSerbia, Date(), a, 2),
                           MakeStatement(kSerbia, "supports", kSerbia, Date(), a, 3)});
  const auto met = Run(*store, "?a met ?b");
  REQUIRE(met.size() == 2);
  CHECK(met[0].values == met[1].values);
  CHECK(met[0].statements != met[1].statements);
  CHECK(Run(*store, "?a met ?b . ?b holds_role ?c").size() == 2);
  CHECK(Run(*store, "?a met ?b . ?c met ?d").size() == 4);  // every pair of meetings
  // Here ?a and ?b are shared, so each meeting binds them either way round:
  // 4 bindings of the first pattern, each met by both meetings in the second.
  CHECK(Run(*store, "?a met ?b . ?a met ?b").size() == 8);
  // A variable twice in one pattern needs the same term in both places.
  CHECK(Values(Run(*store, "?x ?p ?x")) == Rows{"p=supports x=country:RS"});

  TempDir graph_dir;
  auto graph = MakeGraph(graph_dir.path());
  // Iran has two office holders, Serbia one: 2 x 2 + 1 x 1 pairs.
  CHECK(Run(*graph, "?x holds_role ?c . ?y holds_role ?c").size() == 5);
}

TEST_CASE("the most selective pattern runs first and order never changes results",
          "[pattern-query]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  PatternQuery q = ParsePattern("?a ?p ?b . ?b holds_role country:RS . ?a visited ?c");
  const auto resolved = ResolvePatterns(*store, q);
  REQUIRE(resolved);
  CHECK(EstimateMatches(*store, (*resolved)[0]) == 19);  // both meetings either way
  CHECK(EstimateMatches(*store, (*resolved)[1]) == 1);
  CHECK(EstimateMatches(*store, (*resolved)[2]) == 3);
  // Most selective first; then ?a ?p ?b, which shares ?b, before the
  // smaller but unconnected ?a visited ?c.
  CHECK(PlanJoinOrder(*store, *resolved) == std::vector<size_t>{1, 0, 2});

  for (const std::string text :
       {"?a ?p ?b . ?b holds_role country:RS . ?a visited ?c",
        "?x holds_role ?c . ?y holds_role ?d . ?x ?p ?y", "?a ?p ?b . ?b ?q ?c . ?c ?r ?d",
        "?a met ?b . ?b holds_role ?c . ?a visited ?c",
        "?a met ?b . ?b ?p ?c . ?c holds_role ?d FILTER date >= 2024"}) {
    INFO(text);
    q = ParsePattern(text);
    const Rows planned = Sorted(Values(RunPatternQuery(*store, q)));
    CHECK_FALSE(planned.empty());
    std::vector<size_t> order = {0, 1, 2};
    do {
      INFO(order[0] << order[1] << order[2]);
      CHECK(Sorted(Values(RunPatternQuery(*store, q, {}, order))) == planned);
    } while (std::next_permutation(order.begin(), order.end()));
  }
}

}  // namespace
}  // namespace diplograph
