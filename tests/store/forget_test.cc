// Tests of Store::ForgetArticle: an article taken back leaves the store as if it never came.
#include <catch2/catch.hpp>

#include "store/store.h"
#include "tests/store/fixture.h"

namespace diplograph {
namespace {

using namespace testing;

const Entity kAraghchi = Person("person:abbas-araghchi", "Abbas Araghchi", {"عباس عراقچی"});
const Entity kLavrov = Person("person:sergey-lavrov", "Sergey Lavrov", {"سرگئی لاوروف"});
const Entity kFidan = Person("person:hakan-fidan", "Hakan Fidan", {"هاکان فیدان"});
const Entity kIran = Country("country:IR", "Iran", {"ایران"});
const Entity kRussia = Country("country:RU", "Russia", {"روسیه"});

// Article a: Araghchi met Lavrov, and Iran supports Russia.
std::vector<Statement> ArticleA(const ArticleMeta& a) {
  return {MakeStatement(kAraghchi, "met", kLavrov, Day(2025, 3, 2), a, 1, 0.8),
          MakeStatement(kIran, "supports", kRussia, Date(), a, 4, 0.7)};
}

// Article b: the same meeting, and Araghchi called Fidan.
std::vector<Statement> ArticleB(const ArticleMeta& b) {
  return {MakeStatement(kLavrov, "met", kAraghchi, Day(2025, 3, 2), b, 2, 0.6),
          MakeStatement(kAraghchi, "spoke_by_phone", kFidan, Day(2025, 3, 3), b, 5, 0.9)};
}

TEST_CASE("forgetting an article leaves the store a store of the others would be", "[forget]") {
  TempDir both_dir, only_b_dir;
  auto both = Store::Open(both_dir.path(), OpenMode::kReadWrite);
  both->IngestArticle(Article("sha256:a"), ArticleA(Article("sha256:a")));
  both->IngestArticle(Article("sha256:b"), ArticleB(Article("sha256:b")));
  REQUIRE(both->Stats().statements == 3);
  REQUIRE(both->Stats().provenance == 4);

  const ForgetResult r = both->ForgetArticle("sha256:a");
  CHECK(r.found);
  CHECK(r.removed_statements == 1);  // Iran supports Russia: only a said it
  CHECK(r.removed_provenance == 1);  // a's report of the meeting b also reports
  CHECK(r.removed_entities == 2);    // Iran and Russia: nothing names them now

  auto only_b = Store::Open(only_b_dir.path(), OpenMode::kReadWrite);
  only_b->IngestArticle(Article("sha256:b"), ArticleB(Article("sha256:b")));
  CHECK(both->Stats() == only_b->Stats());
  CHECK_FALSE(both->HasArticle("sha256:a"));
  CHECK_FALSE(both->GetEntity("country:IR"));
  CHECK(both->LookupAlias("iran").empty());

  // The meeting keeps b's source, with b's confidence alone.
  const auto lavrov = both->TermId("person:sergey-lavrov");
  REQUIRE(lavrov);
  std::vector<Statement> meetings;
  both->ScanTriples({0, *both->TermId("met"), 0}, [&](const Triple& t) {
    meetings.push_back(*both->GetStatement(t.stmt));
    return true;
  });
  REQUIRE(meetings.size() == 1);
  REQUIRE(meetings[0].provenance.size() == 1);
  CHECK(meetings[0].provenance[0].article == "sha256:b");
  CHECK(meetings[0].confidence == Approx(0.6));

  const CheckReport report = both->Check();
  INFO((report.problems.empty() ? std::string() : report.problems.front()));
  CHECK(report.ok());

  // Ingesting it again brings everything back.
  both->IngestArticle(Article("sha256:a"), ArticleA(Article("sha256:a")));
  CHECK(both->Stats().statements == 3);
  CHECK(both->Stats().provenance == 4);
  CHECK(both->Check().ok());
}

TEST_CASE("forgetting an unknown article changes nothing", "[forget]") {
  TempDir dir;
  Store::Open(dir.path(), OpenMode::kReadWrite)
      ->IngestArticle(Article("sha256:a"), ArticleA(Article("sha256:a")));
  const auto before = RawDb(dir.path()).Contents();
  CHECK_FALSE(Store::Open(dir.path(), OpenMode::kReadWrite)->ForgetArticle("sha256:nope").found);
  CHECK(RawDb(dir.path()).Contents() == before);
}

TEST_CASE("forgetting every article empties the store", "[forget]") {
  TempDir dir;
  auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
  store->IngestArticle(Article("sha256:a"), ArticleA(Article("sha256:a")));
  store->IngestArticle(Article("sha256:b"), ArticleB(Article("sha256:b")));
  store->ForgetArticle("sha256:b");
  store->ForgetArticle("sha256:a");
  CHECK(store->Stats() == StoreStats{});
  CHECK(store->Check().ok());
  bool any = false;
  store->ForEachEntity([&](uint64_t, const Entity&) { return !(any = true); });
  CHECK_FALSE(any);
}

}  // namespace
}  // namespace diplograph
