#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include "core/error.h"
#include "store/bulk_loader.h"
#include "store/store.h"
#include "tests/store/fixture.h"

namespace diplograph {
namespace {

using namespace testing;

using Corpus = std::vector<std::pair<ArticleMeta, std::vector<Statement>>>;

const Entity kHashemi = Person("person:sattar-hashemi", "Sattar Hashemi", {"سید ستار هاشمی"});
const Entity kVucic = Person("person:aleksandar-vucic", "Aleksandar Vučić", {"الکساندر ووچیچ"});
const Entity kIran = Country("country:IR", "Iran", {"ایران"});
const Entity kSerbia = Country("country:RS", "Serbia", {"صربستان"});
const Entity kBelgrade = MakeEntity("place:belgrade", EntityType::kPlace, "Belgrade", {"بلگراد"});

// Every case the write path distinguishes: merging within and across
// articles, symmetric parties in both orders, undated and dated, places
// given late, entity names changing, a repeated and a rejected article.
Corpus HandCorpus() {
  Corpus corpus;
  const ArticleMeta a = Article("sha256:a", "IRNA");
  corpus.push_back({a,
                    {MakeStatement(kHashemi, "met", kVucic, Day(2025, 1, 30), a, 3, 0.9),
                     MakeStatement(kHashemi, "visited", kSerbia, Day(2025, 1, 28), a, 1, 0.8),
                     MakeStatement(kIran, "intends_to_cooperate", kSerbia, Date(), a, 5, 0.7),
                     MakeStatement(kIran, "intends_to_cooperate", kSerbia, Date(), a, 6, 0.6)}});

  // Another spelling of Vučić, and the meeting with the parties swapped.
  const ArticleMeta b = Article("sha256:b", "Tanjug");
  const Entity vucic_b = Person("person:aleksandar-vucic", "Aleksandar Vucic", {"Вучић"});
  Statement visit = MakeStatement(kHashemi, "visited", kSerbia, Day(2025, 1, 28), b, 0, 0.7);
  visit.place = kBelgrade;  // the stored statement has no place yet
  Statement role = MakeStatement(kVucic, "holds_role", kSerbia, Year(2025), b, 2, 0.9);
  role.role = "president";
  corpus.push_back(
      {b, {MakeStatement(vucic_b, "met", kHashemi, Day(2025, 1, 30), b, 1, 0.5), visit, role}});

  // Repeated article id: skipped, though its statements differ.
  corpus.push_back({a, {MakeStatement(kVucic, "praised", kIran, Date(), a, 9)}});

  // Persian-only names first; an English display name comes later.
  ArticleMeta c = Article("sha256:c", "Tasnim");
  c.lang = "fa";
  const Entity araghchi_fa = Person("person:abbas-araghchi", "عباس عراقچی");
  const Entity russia_fa = Country("country:RU", "روسیه");
  Statement negated = MakeStatement(araghchi_fa, "met", kVucic, Day(2025, 1, 30), c, 4, 0.6);
  negated.modality = Modality::kNegated;
  Statement in_belgrade =
      MakeStatement(araghchi_fa, "spoke_by_phone", russia_fa, Month(2025, 2), c);
  in_belgrade.place = kBelgrade;
  corpus.push_back({c, {negated, in_belgrade}});

  const ArticleMeta d = Article("sha256:d", "Reuters");
  const Entity araghchi_en = Person("person:abbas-araghchi", "Abbas Araghchi", {"Araghchi"});
  const Entity russia_en = Country("country:RU", "Russia");
  corpus.push_back(
      {d,
       {MakeStatement(russia_en, "spoke_by_phone", araghchi_en, Month(2025, 2), d, 0, 0.5),
        MakeStatement(kIran, "intends_to_cooperate", kSerbia, Date(), d, 2, 0.4),
        MakeStatement(kSerbia, "supports", kSerbia, Year(2024), d, 3, 0.5)}});

  // An article with no statements is still an article.
  corpus.push_back({Article("sha256:e"), {}});
  // Rejected as a whole by both paths.
  const ArticleMeta f = Article("sha256:f");
  corpus.push_back({f,
                    {MakeStatement(kIran, "met", kSerbia, Date(), f),
                     MakeStatement(kIran, "befriended", kSerbia, Date(), f)}});
  return corpus;
}

// Many articles over few entities, so that most statements merge.
Corpus RandomCorpus(int articles) {
  const std::vector<Entity> entities = {
      kHashemi,
      kVucic,
      kIran,
      kSerbia,
      kBelgrade,
      Person("person:abbas-araghchi", "عباس عراقچی"),
      Person("person:abbas-araghchi", "Abbas Araghchi", {"Seyed Abbas Araghchi"}),
      Country("country:RU", "روسیه"),
      Country("country:RU", "Russia", {"Russian Federation"}),
      Person("person:aleksandar-vucic", "Aleksandar Vucic", {"Вучић"})};
  const std::vector<std::string> predicates = {"met",      "visited",    "cooperates_with",
                                               "supports", "holds_role", "signed_agreement"};
  const std::vector<Date> dates = {Date(), Day(2025, 1, 30), Month(2025, 1), Year(2024)};
  std::mt19937 rng(42);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  Corpus corpus;
  for (int i = 0; i < articles; ++i) {
    // Some ids repeat: those articles are skipped.
    const ArticleMeta meta = Article("sha256:" + std::to_string(pick(articles)));
    std::vector<Statement> statements;
    for (size_t n = pick(5); n > 0; --n) {
      Statement s =
          MakeStatement(entities[pick(entities.size())], predicates[pick(predicates.size())],
                        entities[pick(entities.size())], dates[pick(dates.size())], meta,
                        static_cast<int>(pick(4)), 0.1 * static_cast<double>(1 + pick(9)));
      if (pick(4) == 0) s.place = entities[4];
      if (pick(6) == 0) s.modality = Modality::kIntended;
      if (s.predicate == "holds_role" && pick(2)) s.role = "minister";
      statements.push_back(std::move(s));
    }
    corpus.push_back({meta, std::move(statements)});
  }
  return corpus;
}

bool SameResult(const IngestResult& x, const IngestResult& y) {
  return x.skipped == y.skipped && x.new_statements == y.new_statements &&
         x.merged_statements == y.merged_statements && x.new_entities == y.new_entities;
}

// Keys whose values differ between two stores, readable: the maps hold
// binary keys that Catch would print as noise.
std::vector<std::string> Differences(const std::map<std::string, std::string>& x,
                                     const std::map<std::string, std::string>& y) {
  auto printable = [](const std::string& s) {
    std::string out;
    for (unsigned char ch : s) {
      if (ch >= 0x20 && ch < 0x7F) {
        out += static_cast<char>(ch);
      } else {
        char buf[5];
        std::snprintf(buf, sizeof buf, "\\x%02x", ch);
        out += buf;
      }
    }
    return out;
  };
  std::vector<std::string> diff;
  for (const auto& [key, value] : x) {
    auto it = y.find(key);
    if (it == y.end())
      diff.push_back("only normal: " + printable(key));
    else if (it->second != value)
      diff.push_back("differs: " + printable(key));
  }
  for (const auto& [key, value] : y)
    if (!x.contains(key)) diff.push_back("only bulk: " + printable(key));
  return diff;
}

// Loads the corpus through IngestArticle and through BulkLoader (in runs of
// `run_budget` bytes); both must agree article by article and leave
// identical stores.
void ExpectSameStore(const Corpus& corpus, size_t run_budget = BulkLoader::kDefaultRunBudget) {
  TempDir normal_dir, bulk_dir;
  {
    auto normal = Store::Open(normal_dir.path(), OpenMode::kReadWrite);
    auto bulk = Store::Open(bulk_dir.path(), OpenMode::kReadWrite);
    BulkLoader loader(bulk.get(), run_budget);
    for (const auto& [meta, statements] : corpus) {
      INFO("article " << meta.id);
      std::string normal_error, bulk_error;
      IngestResult normal_result, bulk_result;
      try {
        normal_result = normal->IngestArticle(meta, statements);
      } catch (const Error& e) {
        normal_error = e.what();
      }
      try {
        bulk_result = loader.Add(meta, statements);
      } catch (const Error& e) {
        bulk_error = e.what();
      }
      CHECK(bulk_error == normal_error);
      CHECK(SameResult(bulk_result, normal_result));
    }
    loader.Finish();
    CHECK(bulk->Stats() == normal->Stats());
    const CheckReport report = bulk->Check();
    CHECK(report.problems.empty());
    CHECK(report.counted == normal->Stats());
    CHECK_FALSE(std::filesystem::exists(bulk_dir.path() + "/bulk-load.tmp"));
  }
  const auto normal_contents = RawDb(normal_dir.path()).Contents();
  const auto bulk_contents = RawDb(bulk_dir.path()).Contents();
  CHECK(Differences(normal_contents, bulk_contents) == std::vector<std::string>{});
  CHECK(bulk_contents.size() == normal_contents.size());

  // The bulk store goes on like the normal one: ids continue after the loaded ones.
  const ArticleMeta later = Article("sha256:later");
  const std::vector<Statement> statements = {
      MakeStatement(kVucic, "met", kHashemi, Day(2025, 1, 30), later, 1, 0.5),
      MakeStatement(kIran, "praised", Person("person:new", "Someone New"), Date(), later)};
  for (const auto& dir : {normal_dir.path(), bulk_dir.path()}) {
    auto store = Store::Open(dir, OpenMode::kReadWrite);
    store->IngestArticle(later, statements);
    CHECK(store->Check().ok());
  }
  CHECK(Differences(RawDb(normal_dir.path()).Contents(), RawDb(bulk_dir.path()).Contents()) ==
        std::vector<std::string>{});
}

TEST_CASE("a bulk load gives the store the normal write path gives", "[bulk]") {
  ExpectSameStore(HandCorpus());
}

TEST_CASE("a bulk load of many merging articles matches the normal path", "[bulk]") {
  ExpectSameStore(RandomCorpus(300));
}

// Statements, entities and names reported again after their run was
// written are found in the store and rewritten by the later run.
TEST_CASE("a bulk load written in many runs matches the normal path", "[bulk]") {
  SECTION("a run per article") {
    ExpectSameStore(HandCorpus(), 1);
    ExpectSameStore(RandomCorpus(120), 1);
  }
  SECTION("runs of several articles") { ExpectSameStore(RandomCorpus(300), 16 << 10); }
}

TEST_CASE("a bulk load refuses a store that is not empty", "[bulk]") {
  TempDir dir;
  auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
  const ArticleMeta a = Article("sha256:a");
  store->IngestArticle(a, {MakeStatement(kIran, "supports", kSerbia, Date(), a)});
  CHECK_THROWS_WITH(BulkLoader(store.get()), dir.path() + ": --bulk loads into a new, empty store");

  // Forgetting every article zeroes the counts, but terms and ids stay taken.
  store->ForgetArticle("sha256:a");
  REQUIRE(store->Stats() == StoreStats());
  CHECK_THROWS_WITH(BulkLoader(store.get()), dir.path() + ": --bulk loads into a new, empty store");
}

TEST_CASE("a bulk load of nothing leaves a valid empty store", "[bulk]") {
  TempDir dir, fresh;
  {
    auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
    BulkLoader loader(store.get());
    loader.Finish();
    CHECK(store->Stats() == StoreStats());
    CHECK(store->Check().ok());
    CHECK_THROWS_AS(loader.Finish(), Error);
    Store::Open(fresh.path(), OpenMode::kReadWrite);
  }
  CHECK(RawDb(dir.path()).Contents() == RawDb(fresh.path()).Contents());
  // Still empty enough for a bulk load.
  auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
  CHECK_NOTHROW(BulkLoader(store.get()));
}

}  // namespace
}  // namespace diplograph

namespace diplograph {
namespace {

TEST_CASE("a writer opening the store removes the files of a bulk load that crashed", "[bulk]") {
  testing::TempDir dir;
  Store::Open(dir.path(), OpenMode::kReadWrite);
  const auto leftover = std::filesystem::path(dir.path()) / schema::kBulkTempDir;
  std::filesystem::create_directories(leftover);
  std::ofstream(leftover / "spo.sst") << "half written";
  Store::Open(dir.path(), OpenMode::kReadOnly);  // readers leave the store alone
  CHECK(std::filesystem::exists(leftover));
  Store::Open(dir.path(), OpenMode::kReadWrite);
  CHECK_FALSE(std::filesystem::exists(leftover));
}

}  // namespace
}  // namespace diplograph
