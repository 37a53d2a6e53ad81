// Tests of the Store's batched reads: many records and sources at once, as single reads give them.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "store/store.h"
#include "tests/store/fixture.h"

namespace diplograph {
namespace {

using namespace testing;

TEST_CASE("records and sources read in batches are those read one by one", "[store]") {
  TempDir dir;
  auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
  const Entity iran = Country("country:IR", "Iran", {"ایران"});
  // Enough statements for several batches, each reported by two articles.
  for (const char* id : {"sha256:a", "sha256:b"}) {
    const ArticleMeta meta = Article(id);
    std::vector<Statement> statements;
    for (int i = 0; i < 600; ++i)
      statements.push_back(MakeStatement(
          iran, "met", Person("person:p" + std::to_string(i), "Person " + std::to_string(i)),
          Day(2025, 1, 1 + i % 28), meta, i));
    store->IngestArticle(meta, statements);
  }
  store->ForgetArticle("sha256:b");  // every statement keeps one source of two

  std::vector<uint64_t> ids;
  store->ScanTriples({}, [&](const Triple& t) {
    ids.push_back(t.stmt);
    return true;
  });
  std::sort(ids.begin(), ids.end());
  REQUIRE(ids.size() == 600);

  std::vector<ProvenanceRef> refs;
  size_t records = 0;
  store->ForEachStatementRecord(ids, [&](uint64_t id, const StatementRecord& r) {
    const auto single = store->GetStatementRecord(id);
    REQUIRE(single);
    CHECK(single->date == r.date);
    CHECK(single->object == r.object);
    CHECK(r.sources == 2);
    CHECK(r.live_sources == 1);
    for (uint32_t seq = 0; seq < r.sources; ++seq) refs.push_back({id, seq});
    ++records;
  });
  CHECK(records == ids.size());

  // The forgotten sources are skipped; the others come as single reads give them.
  size_t sources = 0;
  store->ForEachProvenance(refs, [&](const ProvenanceRef& ref, const Provenance& p) {
    std::vector<Provenance> single;
    store->ForEachProvenance(ref.stmt, [&](const ProvenanceRef&, const Provenance& q) {
      single.push_back(q);
      return true;
    });
    REQUIRE(single.size() == 1);
    CHECK(single[0] == p);
    CHECK(p.article == "sha256:a");
    ++sources;
    return true;
  });
  CHECK(sources == ids.size());

  // Whole statements in a batch, as GetStatement gives each.
  const std::vector<Statement> whole = store->GetStatements(ids);
  REQUIRE(whole.size() == ids.size());
  for (size_t i = 0; i < ids.size(); i += 37) {
    const auto single = store->GetStatement(ids[i]);
    REQUIRE(single);
    CHECK(whole[i].Key() == single->Key());
    CHECK(whole[i].subject.name == single->subject.name);
    CHECK(whole[i].provenance == single->provenance);
  }

  const std::vector<uint64_t> missing = {ids.back() + 1};
  CHECK_THROWS_AS(store->ForEachStatementRecord(missing, [](uint64_t, const StatementRecord&) {}),
                  Error);
}

}  // namespace
}  // namespace diplograph
