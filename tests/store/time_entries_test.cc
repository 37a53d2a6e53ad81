// Tests of the time index's values: each entity's events with their predicate, other party and
// sources.
#include <catch2/catch.hpp>

#include "store/bulk_loader.h"
#include "store/store.h"
#include "tests/store/fixture.h"

namespace diplograph {
namespace {

using namespace testing;

const Entity kAraghchi = Person("person:abbas-araghchi", "Abbas Araghchi", {"عباس عراقچی"});
const Entity kLavrov = Person("person:sergey-lavrov", "Sergey Lavrov", {"سرگئی لاوروف"});

struct Event {
  std::string predicate, other;
  bool as_object = false;
  std::vector<std::string> sources;
  friend bool operator==(const Event&, const Event&) = default;
};

std::vector<Event> Events(const Store& store, const std::string& entity) {
  std::vector<Event> events;
  store.ScanTimeline(*store.TermId(entity), 0, keys::kUndated,
                     [&](const keys::TimeKey&, const TimeValue& v) {
                       Event e{store.Term(v.predicate), store.Term(v.other), v.as_object, {}};
                       for (uint64_t source : v.Sources())
                         e.sources.push_back(source ? store.Term(source) : "");
                       events.push_back(std::move(e));
                       return true;
                     });
  return events;
}

// Three articles report one meeting: two publishers, one without a name.
void Ingest(Store* store) {
  const ArticleMeta a = Article("sha256:a", "IRNA"), b = Article("sha256:b", "TASS"),
                    c = Article("sha256:c", "");
  store->IngestArticle(a, {MakeStatement(kAraghchi, "met", kLavrov, Day(2025, 4, 18), a)});
  // Read the other way round: met is symmetric, so the same statement.
  store->IngestArticle(b, {MakeStatement(kLavrov, "met", kAraghchi, Day(2025, 4, 18), b)});
  store->IngestArticle(c, {MakeStatement(kAraghchi, "met", kLavrov, Day(2025, 4, 18), c)});
}

TEST_CASE("time entries list a statement's sources as reports merge and are forgotten", "[time]") {
  TempDir dir;
  auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
  Ingest(store.get());
  REQUIRE(store->Stats().statements == 1);
  const std::vector<std::string> all = {"source:IRNA", "source:TASS", ""};
  CHECK(Events(*store, "person:abbas-araghchi") ==
        std::vector<Event>{{"met", "person:sergey-lavrov", false, all}});
  CHECK(Events(*store, "person:sergey-lavrov") ==
        std::vector<Event>{{"met", "person:abbas-araghchi", true, all}});

  store->ForgetArticle("sha256:b");
  CHECK(Events(*store, "person:sergey-lavrov") ==
        std::vector<Event>{{"met", "person:abbas-araghchi", true, {"source:IRNA", ""}}});
  CHECK(store->Check().ok());
}

TEST_CASE("a bulk load writes the time entries ingest writes, across runs", "[time]") {
  TempDir normal_dir, bulk_dir;
  auto normal = Store::Open(normal_dir.path(), OpenMode::kReadWrite);
  Ingest(normal.get());
  auto bulk = Store::Open(bulk_dir.path(), OpenMode::kReadWrite);
  {
    // A run per article: later runs rewrite the entries of an earlier one.
    BulkLoader loader(bulk.get(), 1);
    const ArticleMeta a = Article("sha256:a", "IRNA"), b = Article("sha256:b", "TASS"),
                      c = Article("sha256:c", "");
    loader.Add(a, {MakeStatement(kAraghchi, "met", kLavrov, Day(2025, 4, 18), a)});
    loader.Add(b, {MakeStatement(kLavrov, "met", kAraghchi, Day(2025, 4, 18), b)});
    loader.Add(c, {MakeStatement(kAraghchi, "met", kLavrov, Day(2025, 4, 18), c)});
    loader.Finish();
  }
  for (const char* entity : {"person:abbas-araghchi", "person:sergey-lavrov"})
    CHECK(Events(*bulk, entity) == Events(*normal, entity));
  CHECK(bulk->Check().ok());
}

}  // namespace
}  // namespace diplograph
