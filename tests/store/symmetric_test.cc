#include <catch2/catch.hpp>

#include "store/store.h"
#include "tests/store/fixture.h"

namespace diplograph {
namespace {

using namespace testing;

TEST_CASE("a symmetric statement is one whichever party an article names first", "[ingest]") {
  const Entity a = Person("person:reza-karimi", "Reza Karimi", {"رضا کریمی"});
  const Entity b = Person("person:milan-petrovic", "Milan Petrović", {"میلان پتروویچ"});
  TempDir dir;
  auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
  const ArticleMeta first = Article("sha256:a");
  const ArticleMeta second = Article("sha256:b");
  store->IngestArticle(first, {MakeStatement(a, "met", b, Day(2025, 3, 3), first, 1, 0.8)});
  const IngestResult r =
      store->IngestArticle(second, {MakeStatement(b, "met", a, Day(2025, 3, 3), second, 2, 0.8)});
  CHECK(r.merged_statements == 1);
  CHECK(store->Stats().statements == 1);
  CHECK(store->Stats().provenance == 2);

  // A directed predicate keeps its two directions apart.
  const ArticleMeta third = Article("sha256:c");
  const ArticleMeta fourth = Article("sha256:d");
  store->IngestArticle(third, {MakeStatement(a, "invited", b, Date(), third, 1, 0.8)});
  store->IngestArticle(fourth, {MakeStatement(b, "invited", a, Date(), fourth, 1, 0.8)});
  CHECK(store->Stats().statements == 3);
  CHECK(store->Check().ok());
}

}  // namespace
}  // namespace diplograph
