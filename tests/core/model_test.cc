#include <catch2/catch.hpp>

#include "core/error.h"
#include "core/json_io.h"
#include "core/predicate.h"

using namespace diplograph;

namespace {
Statement SampleStatement() {
  Statement s;
  s.subject = {"person:sattar-hashemi", EntityType::kPerson, "Sattar Hashemi", {"ستار هاشمی"}, {}};
  s.predicate = "met";
  s.object = {"person:aleksandar-vucic", EntityType::kPerson, "Aleksandar Vučić", {"ووچیچ"}, {}};
  s.date = Date::Day(2025, 1, 30);
  s.place = Entity{"place:belgrade", EntityType::kPlace, "Belgrade", {"بلگراد"}, {}};
  s.confidence = 0.85;
  Provenance p;
  p.article = "sha256:00ff";
  p.sentence = 2;
  p.start = 10;
  p.end = 42;
  p.text = "هاشمی با ووچیچ دیدار کرد.";
  p.rule = "fa.met.light-verb";
  p.confidence = 0.85;
  s.provenance.push_back(p);
  return s;
}
}  // namespace

TEST_CASE("a statement is written in the extract contract's shape", "[json]") {
  const auto j = StatementToExtractJson(SampleStatement());
  CHECK(j["article"] == "sha256:00ff");
  CHECK(j["subject"]["id"] == "person:sattar-hashemi");
  CHECK(j["subject"]["type"] == "person");
  CHECK(j["subject"]["names"][0] == "ستار هاشمی");
  CHECK(j["predicate"] == "met");
  CHECK(j["date"] == "2025-01-30");
  CHECK(j["date_precision"] == "day");
  CHECK(j["place"]["id"] == "place:belgrade");
  CHECK(j["modality"] == "asserted");
  CHECK(j["role"].is_null());
  CHECK(j["cameo"] == "040");
  CHECK(j["plover"] == "CONSULT");
  CHECK(j["evidence"]["sentence"] == 2);
  CHECK(j["evidence"]["start"] == 10);
  CHECK(j["evidence"]["text"] == "هاشمی با ووچیچ دیدار کرد.");
  CHECK(j["rule"] == "fa.met.light-verb");
}

TEST_CASE("statements round-trip through JSON", "[json]") {
  const Statement s = SampleStatement();
  const Statement back = StatementFromExtractJson(StatementToExtractJson(s));
  CHECK(back.Key() == s.Key());
  CHECK(back.subject.names == s.subject.names);
  CHECK(back.place->id == "place:belgrade");
  CHECK(back.provenance.front() == s.provenance.front());
  const Statement stored = StatementFromJson(StatementToJson(s));
  CHECK(stored.provenance == s.provenance);
}

TEST_CASE("malformed statement JSON is rejected with the field named", "[json]") {
  auto j = StatementToExtractJson(SampleStatement());
  j["predicate"] = "befriended";
  CHECK_THROWS_WITH(StatementFromExtractJson(j), Catch::Contains("befriended"));
  j = StatementToExtractJson(SampleStatement());
  j.erase("subject");
  CHECK_THROWS_WITH(StatementFromExtractJson(j), Catch::Contains("subject"));
  j = StatementToExtractJson(SampleStatement());
  j["date"] = "yesterday";
  CHECK_THROWS_AS(StatementFromExtractJson(j), Error);
}

TEST_CASE("the predicate vocabulary carries CAMEO codes and symmetry", "[predicate]") {
  CHECK(FindPredicate("met")->symmetric);
  CHECK_FALSE(FindPredicate("visited")->symmetric);
  CHECK(FindPredicate("sanctioned")->cameo == "163");
  CHECK(FindPredicate("holds_role")->cameo.empty());
  CHECK(FindPredicate("nonsense") == nullptr);
  CHECK(AllPredicates().size() == 22);
}

TEST_CASE("entity ids name their type and slugs are ASCII", "[entity]") {
  CHECK(EntityTypeOfId("country:RS") == EntityType::kCountry);
  CHECK(EntityTypeOfId("org:bie") == EntityType::kOrganization);
  CHECK_FALSE(EntityTypeOfId("nonsense"));
  CHECK(Slugify("Aleksandar Vucic") == "aleksandar-vucic");
  CHECK(Slugify("  Expo 2027 -- Belgrade ") == "expo-2027-belgrade");
  Entity e{"person:x", EntityType::kPerson, "X", {"a"}, {}};
  e.Merge(Entity{"person:x", EntityType::kPerson, "Y", {"a", "b"}, {{"iso", "RS"}}});
  CHECK(e.name == "X");
  CHECK(e.names == std::vector<std::string>{"a", "b"});
}

TEST_CASE("merging prefers an English display name over a native one", "[entity]") {
  Entity e{"person:star-hashmy", EntityType::kPerson, "ستار هاشمی", {"ستار هاشمی"}, {}};
  e.Merge(
      Entity{"person:star-hashmy", EntityType::kPerson, "Sattar Hashemi", {"Sattar Hashemi"}, {}});
  CHECK(e.name == "Sattar Hashemi");
  e.Merge(Entity{"person:star-hashmy", EntityType::kPerson, "هاشمی", {"هاشمی"}, {}});
  CHECK(e.name == "Sattar Hashemi");
  CHECK(e.names.size() == 3);
}
