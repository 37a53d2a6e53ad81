#include <catch2/catch.hpp>

#include <algorithm>

#include "store/keys.h"
#include "store/store.h"
#include "tests/store/fixture.h"

namespace diplograph {
namespace {

using namespace testing;

void MakeStore(const std::string& path) {
  auto store = Store::Open(path, OpenMode::kReadWrite);
  const Entity iran = Country("country:IR", "Iran", {"ایران"});
  const Entity serbia = Country("country:RS", "Serbia");
  const Entity vucic = Person("person:aleksandar-vucic", "Aleksandar Vučić");
  const ArticleMeta a = Article("sha256:a");
  const ArticleMeta b = Article("sha256:b");
  store->IngestArticle(a, {MakeStatement(iran, "supports", serbia, Day(2025, 1, 30), a),
                           MakeStatement(vucic, "praised", iran, Date(), a, 2)});
  store->IngestArticle(b, {MakeStatement(iran, "supports", serbia, Day(2025, 1, 30), b),
                           MakeStatement(vucic, "holds_role", serbia, Date(), b, 1)});
}

bool Mentions(const CheckReport& report, const std::string& part) {
  return std::any_of(report.problems.begin(), report.problems.end(),
                     [&](const std::string& p) { return p.find(part) != std::string::npos; });
}

TEST_CASE("Check passes on a consistent store and recounts its counters", "[check]") {
  TempDir dir;
  MakeStore(dir.path());
  auto store = Store::Open(dir.path(), OpenMode::kReadOnly);
  const CheckReport report = store->Check();
  INFO((report.problems.empty() ? std::string() : report.problems.front()));
  CHECK(report.ok());
  CHECK(report.counted == store->Stats());
  CHECK(report.counted.statements == 3);
  CHECK(report.counted.provenance == 4);
}

TEST_CASE("Check reports a deleted index entry", "[check]") {
  TempDir dir;
  MakeStore(dir.path());
  {
    RawDb raw(dir.path());
    const auto pos = raw.Keys("pos");
    REQUIRE(pos.size() == 3);
    raw.Delete("pos", pos[0]);
  }
  auto store = Store::Open(dir.path(), OpenMode::kReadOnly);
  const CheckReport report = store->Check();
  CHECK_FALSE(report.ok());
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].find(": no pos entry") != std::string::npos);
}

TEST_CASE("Check reports a time entry that names the wrong predicate or party", "[check]") {
  TempDir dir;
  MakeStore(dir.path());
  {
    RawDb raw(dir.path());
    const auto time = raw.Keys("time");
    REQUIRE(time.size() == 6);
    const auto key = keys::ParseTimeKey(time[0]);
    REQUIRE(key);
    raw.Put("time", time[0], EncodeTimeValue({424242, key->entity, false, {}}));
  }
  auto store = Store::Open(dir.path(), OpenMode::kReadOnly);
  const CheckReport report = store->Check();
  CHECK_FALSE(report.ok());
  CHECK(Mentions(report, "does not match its record"));
}

TEST_CASE("Check reports dangling index entries and wrong counters", "[check]") {
  TempDir dir;
  MakeStore(dir.path());
  {
    RawDb raw(dir.path());
    raw.Put("pos", keys::EncodeIndexKey({1, 2, 3, 99}), "");
    raw.Put("prov", keys::EncodeProvKey(98, 0), "");
    raw.Delete("time", raw.Keys("time").back());
    raw.Put("meta", "count:statements", keys::U64(7));
    raw.Put("alias", keys::EncodeAliasKey("ghost", 424242), "");
  }
  auto store = Store::Open(dir.path(), OpenMode::kReadOnly);
  const CheckReport report = store->Check();
  CHECK_FALSE(report.ok());
  CHECK(Mentions(report, "pos: entry"));
  CHECK(Mentions(report, "prov: source 0 of statement 98, which has no record"));
  CHECK(Mentions(report, "for statement 99, which has no record"));
  CHECK(Mentions(report, "no time ("));
  CHECK(Mentions(report, "counter count:statements is 7, the records count 3"));
  CHECK(Mentions(report, "alias: \"ghost\""));
}

TEST_CASE("Check reports a missing entity record and a broken dict", "[check]") {
  TempDir dir;
  MakeStore(dir.path());
  {
    RawDb raw(dir.path());
    const auto dict = raw.Contents();
    const std::string vucic_id = dict.at("dict/person:aleksandar-vucic");
    raw.Delete("entity", vucic_id);
    raw.Delete("dict_rev", vucic_id);
  }
  auto store = Store::Open(dir.path(), OpenMode::kReadOnly);
  const CheckReport report = store->Check();
  CHECK(Mentions(report, "entity \"person:aleksandar-vucic\" has no entity record"));
  CHECK(Mentions(report, "dict: \"person:aleksandar-vucic\""));
  CHECK(Mentions(report, "has no dict_rev entry"));
  CHECK(Mentions(report, "counter count:entities is 3, the records count 2"));
}

}  // namespace
}  // namespace diplograph
