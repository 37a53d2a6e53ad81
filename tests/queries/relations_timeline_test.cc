#include <catch2/catch.hpp>

#include "queries/relations.h"
#include "queries/timeline.h"
#include "tests/queries/graph.h"

namespace diplograph {
namespace {

using namespace testing;

// "subject predicate object date" per statement, for readable comparisons.
std::vector<std::string> Lines(const std::vector<StoredStatement>& statements) {
  std::vector<std::string> lines;
  for (const auto& s : statements) {
    const Statement& st = s.statement;
    lines.push_back(st.subject.name + " " + st.predicate + " " + st.object.name + " " +
                    (st.date.known() ? st.date.ToIso() : "-"));
  }
  return lines;
}

TEST_CASE("relations come in both directions, by date, undated last", "[relations]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  const std::vector<std::string> expected = {
      "Aleksandar Vučić met Sattar Hashemi 2024-06-01",
      "Aleksandar Vučić invited Sattar Hashemi 2025-01-30",
      "Sattar Hashemi met Aleksandar Vučić 2025-01-30",
      "Sattar Hashemi praised Aleksandar Vučić -",
  };
  CHECK(Lines(Relations(*store, "person:sattar-hashemi", "person:aleksandar-vucic")) == expected);
  CHECK(Lines(Relations(*store, "person:aleksandar-vucic", "person:sattar-hashemi")) == expected);
  CHECK(Relations(*store, "person:sattar-hashemi", "event:expo-2027-belgrade").empty());
  CHECK(Relations(*store, "person:sattar-hashemi", "person:nobody").empty());
}

TEST_CASE("relations apply the filter", "[relations]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  Filter met;
  met.predicates = {"met"};
  CHECK(Relations(*store, "person:sattar-hashemi", "person:aleksandar-vucic", met).size() == 2);
  Filter recent;
  recent.from = Day(2025, 1, 1);
  CHECK(Lines(Relations(*store, "person:sattar-hashemi", "person:aleksandar-vucic", recent)) ==
        std::vector<std::string>{"Aleksandar Vučić invited Sattar Hashemi 2025-01-30",
                                 "Sattar Hashemi met Aleksandar Vučić 2025-01-30"});
  Filter tanjug;
  tanjug.source = "tanjug";
  CHECK(Relations(*store, "person:sattar-hashemi", "person:aleksandar-vucic", tanjug).size() == 3);
}

TEST_CASE("a timeline lists an entity's statements by date, undated last", "[timeline]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  const std::vector<std::string> expected = {
      "Aleksandar Vučić met Sattar Hashemi 2024-06-01",
      "Sattar Hashemi met Aleksandar Vučić 2025-01-30",
      "Masoud Pezeshkian sent_message Aleksandar Vučić 2025-01-30",
      "Aleksandar Vučić invited Iran 2025-01-30",
      "Aleksandar Vučić praised Iran 2025-01-30",
      "Aleksandar Vučić invited Sattar Hashemi 2025-01-30",
      "Aleksandar Vučić holds_role Serbia -",
      "Sattar Hashemi praised Aleksandar Vučić -",
  };
  CHECK(Lines(Timeline(*store, "person:aleksandar-vucic")) == expected);
  CHECK(Lines(Timeline(*store, "person:aleksandar-vucic", {}, "country:IR")) ==
        std::vector<std::string>{"Aleksandar Vučić invited Iran 2025-01-30",
                                 "Aleksandar Vučić praised Iran 2025-01-30"});
  CHECK(Timeline(*store, "person:aleksandar-vucic", {}, "place:belgrade").empty());
  CHECK(Timeline(*store, "person:nobody").empty());
}

TEST_CASE("a timeline's date range keeps statements wholly inside it", "[timeline]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  Filter from_january;
  from_january.from = Month(2025, 1);
  CHECK(Lines(Timeline(*store, "country:IR", from_january)) ==
        std::vector<std::string>{"Serbia requested Iran 2025-01",
                                 "Aleksandar Vučić invited Iran 2025-01-30",
                                 "Aleksandar Vučić praised Iran 2025-01-30"});
  Filter mid_january;
  mid_january.from = Day(2025, 1, 15);
  CHECK(Timeline(*store, "country:IR", mid_january).size() == 2);
  Filter in_2024;
  in_2024.from = Year(2024);
  in_2024.to = Year(2024);
  CHECK(Lines(Timeline(*store, "country:IR", in_2024)) ==
        std::vector<std::string>{"Iran supports Expo 2027 Belgrade 2024"});
  Filter intended;
  intended.modality = Modality::kIntended;
  CHECK(Lines(Timeline(*store, "country:IR", intended)) ==
        std::vector<std::string>{"Iran intends_to_cooperate Serbia -"});
}

TEST_CASE("a timeline page is the same slice of the whole timeline, with its total", "[timeline]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  Filter met_or_invited;
  met_or_invited.predicates = {"met", "invited"};
  Filter from_2025;  // decided on the records: the slow path
  from_2025.from = Date::ParseIso("2025");
  for (const Filter& filter : {Filter(), met_or_invited, from_2025})
    for (const std::string& other : {std::string(), kHashemi.id}) {
      const auto whole = Timeline(*store, kVucic.id, filter, other);
      for (size_t offset : {0, 1, 3, 20})
        for (size_t limit : {1, 2, 100}) {
          const TimelinePage page = TimelineSlice(*store, kVucic.id, filter, other, offset, limit);
          CHECK(page.total == whole.size());
          std::vector<uint64_t> expected, got;
          for (size_t i = offset; i < whole.size() && i < offset + limit; ++i)
            expected.push_back(whole[i].id);
          for (const auto& s : page.statements) {
            got.push_back(s.id);
            CHECK(s.statement.subject.id.size() > 0);
          }
          CHECK(got == expected);
        }
    }
}

}  // namespace
}  // namespace diplograph
