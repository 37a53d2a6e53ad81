// A small diplomatic graph, after the seed article, stored for the query tests.
#pragma once

#include <memory>

#include "store/store.h"
#include "tests/store/fixture.h"

namespace diplograph::testing {

inline const Entity kHashemi =
    Person("person:sattar-hashemi", "Sattar Hashemi", {"سید ستار هاشمی", "هاشمی"});
inline const Entity kVucic =
    Person("person:aleksandar-vucic", "Aleksandar Vučić", {"الکساندر ووچیچ"});
inline const Entity kPezeshkian =
    Person("person:masoud-pezeshkian", "Masoud Pezeshkian", {"مسعود پزشکیان"});
// Written with a ZWNJ between رحمانی and فضلی.
inline const Entity kRahmaniFazli = Person(
    "person:abdolreza-rahmani-fazli", "Abdolreza Rahmani Fazli", {"عبدالرضا رحمانی\u200cفضلی"});
// Shares the alias «هاشمی» with Sattar Hashemi.
inline const Entity kOtherHashemi = Person("person:mojtaba-hashemi", "Mojtaba Hashemi", {"هاشمی"});
inline const Entity kIran = Country("country:IR", "Iran", {"ایران"});
inline const Entity kSerbia = Country("country:RS", "Serbia", {"صربستان"});
inline const Entity kExpo =
    MakeEntity("event:expo-2027-belgrade", EntityType::kEvent, "Expo 2027 Belgrade");
inline const Entity kBelgrade =
    MakeEntity("place:belgrade", EntityType::kPlace, "Belgrade", {"بلگراد"});

// The graph (dates in brackets; "-" undated):
//   A: Hashemi met Vučić [2025-01-30]         B: Vučić met Hashemi [2024-06-01]
//      Hashemi visited Serbia [2025-01-28]       Rahmani Fazli visited Serbia [2023-05-10]
//      Hashemi holds_role Iran [-]               Mojtaba Hashemi visited Serbia [2022]
//      Vučić holds_role Serbia [-]               Vučić invited Hashemi [2025-01-30]
//      Pezeshkian sent_message Vučić [2025-01-30]  Hashemi praised Vučić [-]
//      Pezeshkian holds_role Iran [-]
//      Iran intends_to_cooperate Serbia [-, intended]
//      Iran supports Expo [2024]
//      Vučić invited Iran [2025-01-30]
//      Vučić praised Iran [2025-01-30]
//      Serbia requested Iran [2025-01]
//      Belgrade hosts Expo [-]
inline std::unique_ptr<Store> MakeGraph(const std::string& path) {
  auto store = Store::Open(path, OpenMode::kReadWrite);
  const ArticleMeta a = Article("sha256:a", "IRNA");
  const ArticleMeta b = Article("sha256:b", "Tanjug");
  Statement intends = MakeStatement(kIran, "intends_to_cooperate", kSerbia, Date(), a, 6, 0.6);
  intends.modality = Modality::kIntended;
  store->IngestArticle(
      a, {MakeStatement(kHashemi, "met", kVucic, Day(2025, 1, 30), a, 1, 0.9),
          MakeStatement(kHashemi, "visited", kSerbia, Day(2025, 1, 28), a, 0, 0.8),
          MakeStatement(kHashemi, "holds_role", kIran, Date(), a, 0, 0.9),
          MakeStatement(kVucic, "holds_role", kSerbia, Date(), a, 1, 0.9),
          MakeStatement(kPezeshkian, "sent_message", kVucic, Day(2025, 1, 30), a, 2, 0.7),
          MakeStatement(kPezeshkian, "holds_role", kIran, Date(), a, 2, 0.9), intends,
          MakeStatement(kIran, "supports", kExpo, Year(2024), a, 7, 0.7),
          MakeStatement(kVucic, "invited", kIran, Day(2025, 1, 30), a, 8, 0.6),
          MakeStatement(kVucic, "praised", kIran, Day(2025, 1, 30), a, 9, 0.5),
          MakeStatement(kSerbia, "requested", kIran, Month(2025, 1), a, 10, 0.4),
          MakeStatement(kBelgrade, "hosts", kExpo, Date(), a, 11, 0.9)});
  store->IngestArticle(
      b, {MakeStatement(kVucic, "met", kHashemi, Day(2024, 6, 1), b, 0, 0.8),
          MakeStatement(kRahmaniFazli, "visited", kSerbia, Day(2023, 5, 10), b, 1, 0.8),
          MakeStatement(kOtherHashemi, "visited", kSerbia, Year(2022), b, 2, 0.8),
          MakeStatement(kVucic, "invited", kHashemi, Day(2025, 1, 30), b, 3, 0.7),
          MakeStatement(kHashemi, "praised", kVucic, Date(), b, 4, 0.6)});
  return store;
}

}  // namespace diplograph::testing
