#include <catch2/catch.hpp>

#include <algorithm>

#include "core/error.h"
#include "core/normalize.h"
#include "store/store.h"
#include "tests/store/fixture.h"

namespace diplograph {
namespace {

using namespace testing;

const Entity kHashemi = Person("person:sattar-hashemi", "Sattar Hashemi", {"سید ستار هاشمی"});
const Entity kVucic = Person("person:aleksandar-vucic", "Aleksandar Vučić", {"الکساندر ووچیچ"});
const Entity kIran = Country("country:IR", "Iran", {"ایران"});
const Entity kSerbia = Country("country:RS", "Serbia", {"صربستان"});

std::vector<Statement> SeedStatements(const ArticleMeta& a) {
  return {MakeStatement(kHashemi, "met", kVucic, Day(2025, 1, 30), a, 3, 0.9),
          MakeStatement(kHashemi, "visited", kSerbia, Day(2025, 1, 28), a, 1, 0.8),
          MakeStatement(kIran, "intends_to_cooperate", kSerbia, Date(), a, 5, 0.7)};
}

std::map<std::string, std::string> Contents(const std::string& path) {
  return RawDb(path).Contents();
}

TEST_CASE("an ingested article can be read back", "[ingest]") {
  TempDir dir;
  auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
  const ArticleMeta a = Article("sha256:a");
  const auto statements = SeedStatements(a);
  const IngestResult r = store->IngestArticle(a, statements);
  CHECK_FALSE(r.skipped);
  CHECK(r.new_statements == 3);
  CHECK(r.new_entities == 4);
  CHECK(store->HasArticle("sha256:a"));
  CHECK_FALSE(store->HasArticle("sha256:b"));

  const StoreStats st = store->Stats();
  CHECK(st.articles == 1);
  CHECK(st.statements == 3);
  CHECK(st.entities == 4);
  CHECK(st.provenance == 3);
  CHECK(st.predicates ==
        std::map<std::string, uint64_t>{{"intends_to_cooperate", 1}, {"met", 1}, {"visited", 1}});

  const auto article = store->GetArticle("sha256:a");
  REQUIRE(article);
  CHECK(article->meta.title == a.title);
  REQUIRE(article->Statements().size() == 3);
  const auto met = store->GetStatement(article->Statements()[0]);
  REQUIRE(met);
  CHECK(met->Key() == statements[0].Key());
  CHECK(met->provenance == statements[0].provenance);
  CHECK(met->confidence == Approx(0.9));

  const auto vucic = store->GetEntity("person:aleksandar-vucic");
  REQUIRE(vucic);
  CHECK(vucic->name == "Aleksandar Vučić");
  CHECK(store->Degree(*store->TermId("person:sattar-hashemi")) == 2);
  CHECK(store->Degree(*store->TermId("country:RS")) == 2);

  std::vector<std::string> ids;
  store->ForEachEntity([&](uint64_t term, const Entity& e) {
    CHECK(store->Term(term) == e.id);
    ids.push_back(e.id);
    return true;
  });
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<std::string>{"country:IR", "country:RS", "person:aleksandar-vucic",
                                        "person:sattar-hashemi"});
}

TEST_CASE("ingesting the same article twice changes nothing", "[ingest]") {
  TempDir dir;
  const ArticleMeta a = Article("sha256:a");
  StoreStats before;
  {
    auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
    store->IngestArticle(a, SeedStatements(a));
    before = store->Stats();
  }
  const auto contents = Contents(dir.path());
  {
    auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
    CHECK(store->Stats() == before);
    const IngestResult again = store->IngestArticle(a, SeedStatements(a));
    CHECK(again.skipped);
    CHECK(again.new_statements == 0);
    CHECK(store->Stats() == before);
  }
  CHECK(Contents(dir.path()) == contents);
}

TEST_CASE("the same statement from two articles is one statement with two sources", "[ingest]") {
  TempDir dir;
  auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
  const ArticleMeta a = Article("sha256:a", "IRNA");
  const ArticleMeta b = Article("sha256:b", "Tanjug");
  // Article b spells the names differently; ids decide identity.
  const Entity vucic_b = Person("person:aleksandar-vucic", "Aleksandar Vucic", {"Вучић"});
  store->IngestArticle(a, {MakeStatement(kHashemi, "met", kVucic, Day(2025, 1, 30), a, 3, 0.6)});
  const IngestResult r = store->IngestArticle(
      b, {MakeStatement(kHashemi, "met", vucic_b, Day(2025, 1, 30), b, 0, 0.5)});
  CHECK(r.new_statements == 0);
  CHECK(r.merged_statements == 1);
  CHECK(r.new_entities == 0);

  const StoreStats st = store->Stats();
  CHECK(st.articles == 2);
  CHECK(st.statements == 1);
  CHECK(st.provenance == 2);
  CHECK(st.predicates.at("met") == 1);

  const auto ids_a = store->GetArticle("sha256:a")->Statements();
  const auto ids_b = store->GetArticle("sha256:b")->Statements();
  REQUIRE(ids_a.size() == 1);
  CHECK(ids_a == ids_b);
  const auto met = store->GetStatement(ids_a[0]);
  REQUIRE(met);
  REQUIRE(met->provenance.size() == 2);
  CHECK(met->provenance[0].source == "IRNA");
  CHECK(met->provenance[1].source == "Tanjug");
  CHECK(met->confidence == Approx(CombineConfidence(0.6, 0.5)));

  // The entity record gathers the names of both articles, and each finds it.
  const auto vucic = store->GetEntity("person:aleksandar-vucic");
  REQUIRE(vucic);
  CHECK(vucic->name == "Aleksandar Vučić");
  CHECK(std::find(vucic->names.begin(), vucic->names.end(), "Вучић") != vucic->names.end());
  const uint64_t term = *store->TermId("person:aleksandar-vucic");
  CHECK(store->LookupAlias(MatchKey("Вучић")) == std::vector<uint64_t>{term});
  CHECK(store->LookupAlias(MatchKey("الکساندر ووچیچ")) == std::vector<uint64_t>{term});
  CHECK(store->Degree(term) == 1);
  CHECK(store->Check().ok());
}

TEST_CASE("a statement repeated within one article is merged", "[ingest]") {
  TempDir dir;
  auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
  const ArticleMeta a = Article("sha256:a");
  const Statement first = MakeStatement(kIran, "supports", kSerbia, Year(2025), a, 1, 0.5);
  const Statement elsewhere = MakeStatement(kIran, "supports", kSerbia, Year(2025), a, 7, 0.5);
  const IngestResult r = store->IngestArticle(a, {first, first, elsewhere});
  CHECK(r.new_statements == 1);
  const StoreStats st = store->Stats();
  CHECK(st.statements == 1);
  CHECK(st.provenance == 2);  // the identical duplicate adds no source
  const auto ids = store->GetArticle("sha256:a")->Statements();
  REQUIRE(ids.size() == 1);
  CHECK(store->GetStatement(ids[0])->confidence == Approx(CombineConfidence(0.5, 0.5)));
}

TEST_CASE("date and modality are part of a statement's identity", "[ingest]") {
  TempDir dir;
  auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
  const ArticleMeta a = Article("sha256:a");
  const ArticleMeta b = Article("sha256:b");
  Statement negated = MakeStatement(kHashemi, "met", kVucic, Day(2025, 1, 30), b);
  negated.modality = Modality::kNegated;
  store->IngestArticle(a, {MakeStatement(kHashemi, "met", kVucic, Day(2025, 1, 30), a),
                           MakeStatement(kHashemi, "met", kVucic, Day(2024, 5, 2), a)});
  store->IngestArticle(b, {negated, MakeStatement(kHashemi, "met", kVucic, Month(2025, 1), b)});
  CHECK(store->Stats().statements == 4);
  CHECK(store->Stats().predicates.at("met") == 4);
  CHECK(store->Check().ok());
}

TEST_CASE("the store keeps everything across reopening", "[ingest]") {
  TempDir dir;
  const ArticleMeta a = Article("sha256:a");
  const ArticleMeta b = Article("sha256:b");
  StoreStats before;
  {
    auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
    store->IngestArticle(a, SeedStatements(a));
    before = store->Stats();
  }
  auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
  CHECK(store->Stats() == before);
  // New ids continue after the stored ones.
  store->IngestArticle(b, {MakeStatement(kVucic, "praised", kIran, Day(2025, 1, 30), b)});
  CHECK(store->Stats().statements == before.statements + 1);
  const auto ids = store->GetArticle("sha256:b")->Statements();
  REQUIRE(ids.size() == 1);
  CHECK(ids[0] == before.statements + 1);
  CHECK(store->Check().ok());
}

TEST_CASE("a rejected article writes nothing", "[ingest]") {
  TempDir dir;
  auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
  const ArticleMeta a = Article("sha256:a");
  Statement bad = MakeStatement(kIran, "befriended", kSerbia, Date(), a);
  CHECK_THROWS_WITH(store->IngestArticle(a, {SeedStatements(a)[0], bad}),
                    "article sha256:a: unknown predicate \"befriended\"");
  CHECK_FALSE(store->HasArticle("sha256:a"));
  CHECK(store->Stats() == StoreStats());
  CHECK_FALSE(store->TermId("person:sattar-hashemi"));
}

TEST_CASE("index scans follow the bound terms", "[ingest]") {
  TempDir dir;
  auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
  const ArticleMeta a = Article("sha256:a");
  store->IngestArticle(a, SeedStatements(a));
  const uint64_t hashemi = *store->TermId("person:sattar-hashemi");
  const uint64_t serbia = *store->TermId("country:RS");
  const uint64_t visited = *store->TermId("visited");
  auto count = [&](TriplePattern p) {
    std::vector<Triple> found;
    store->ScanTriples(p, [&](const Triple& t) {
      found.push_back(t);
      return true;
    });
    return found;
  };
  CHECK(count({hashemi, 0, 0}).size() == 2);
  CHECK(count({0, 0, serbia}).size() == 2);
  CHECK(count({0, visited, 0}).size() == 1);
  CHECK(count({0, 0, 0}).size() == 3);
  const auto both = count({hashemi, 0, serbia});
  REQUIRE(both.size() == 1);
  CHECK((both[0].subject == hashemi && both[0].predicate == visited && both[0].object == serbia));
  CHECK(count({serbia, 0, hashemi}).empty());
  CHECK(count({hashemi, visited, serbia}).size() == 1);

  std::vector<uint32_t> when;
  store->ScanTimeline(serbia, 0, keys::kUndated, [&](const keys::TimeKey& k, const TimeValue&) {
    when.push_back(k.when);
    return true;
  });
  CHECK(when == std::vector<uint32_t>{20250128, keys::kUndated});
}

}  // namespace
}  // namespace diplograph
