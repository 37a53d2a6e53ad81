// The JSON API called directly: shapes, paging, errors, limits and views that follow writes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "extractors/lexicon.h"
#include "server/api.h"
#include "tests/queries/graph.h"
#include "tests/store/fixture.h"

namespace diplograph {
namespace {

using testing::TempDir;

struct Served {
  TempDir dir;
  std::unique_ptr<StoreViews> views;
  ApiLimits limits;
  std::unique_ptr<Api> api;

  explicit Served(ApiLimits l = {}) : limits(l) {
    testing::MakeGraph(dir.path());  // written and closed
    views = StoreViews::OpenReadOnly(dir.path());
    api = std::make_unique<Api>(views.get(), limits, nullptr);
  }

  ApiResponse Get(const std::string& path, std::multimap<std::string, std::string> params = {}) {
    return api->Handle({"GET", path, std::move(params), ""});
  }
  nlohmann::json Json(const std::string& path, std::multimap<std::string, std::string> params = {},
                      int status = 200) {
    const ApiResponse r = Get(path, std::move(params));
    INFO(r.body);
    REQUIRE(r.status == status);
    REQUIRE(r.content_type.starts_with("application/json"));
    return nlohmann::json::parse(r.body);
  }
};

std::vector<std::string> Ids(const nlohmann::json& items, const char* member = nullptr) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back((member ? item.at(member) : item).at("id"));
  return ids;
}

TEST_CASE("search finds an entity by a Persian name written with Arabic letters", "[api]") {
  Served s;
  // «الکساندر ووچیچ» stored with Persian ک and ی; asked with Arabic ك and ي.
  const auto j = s.Json("/api/search", {{"q", "الكساندر ووچيچ"}});
  REQUIRE(Ids(j["items"]) == std::vector<std::string>{"person:aleksandar-vucic"});
  CHECK(j["items"][0]["degree"] == 8);
}

TEST_CASE("entity: unknown is 404, ambiguous is 409 with the candidates", "[api]") {
  Served s;
  CHECK(s.Json("/api/entity", {{"name", "صربستان"}})["id"] == "country:RS");
  const auto unknown = s.Json("/api/entity", {{"name", "Atlantis"}}, 404);
  CHECK(unknown["error"]["code"] == "unknown_entity");
  CHECK(unknown["error"]["message"] == "no entity is called \"Atlantis\"");
  const auto ambiguous = s.Json("/api/entity", {{"name", "هاشمی"}}, 409);
  CHECK(ambiguous["error"]["code"] == "ambiguous_entity");
  auto candidates = Ids(ambiguous["error"]["candidates"]);
  std::sort(candidates.begin(), candidates.end());
  CHECK(candidates == std::vector<std::string>{"person:mojtaba-hashemi", "person:sattar-hashemi"});
}

TEST_CASE("neighbors: the CLI's shape with links, a page at a time", "[api]") {
  Served s;
  const auto all = s.Json("/api/neighbors", {{"entity", "Serbia"}});
  CHECK(all["center"]["id"] == "country:RS");
  CHECK(all["more"] == false);
  const auto ids = Ids(all["items"], "entity");
  REQUIRE(ids.size() == 5);
  for (const auto& item : all["items"]) {
    REQUIRE(item["depth"] == 1);
    REQUIRE_FALSE(item["links"].empty());
    for (const auto& link : item["links"]) CHECK(link["nearer"] == "country:RS");
  }
  // Serbia requested Iran: the link runs from Serbia, the nearer end.
  for (const auto& item : all["items"])
    if (item["entity"]["id"] == "country:IR")
      for (const auto& link : item["links"])
        if (link["predicate"] == "requested") CHECK(link["direction"] == "outgoing");

  const auto first = s.Json("/api/neighbors", {{"entity", "Serbia"}, {"limit", "2"}});
  CHECK(Ids(first["items"], "entity") == std::vector<std::string>(ids.begin(), ids.begin() + 2));
  CHECK(first["more"] == true);
  const auto rest =
      s.Json("/api/neighbors", {{"entity", "Serbia"}, {"limit", "3"}, {"offset", "2"}});
  CHECK(Ids(rest["items"], "entity") == std::vector<std::string>(ids.begin() + 2, ids.end()));
  CHECK(rest["more"] == false);
}

TEST_CASE("neighbors: ties join neighbours to each other, never repeating a link", "[api]") {
  Served s;
  const auto j = s.Json("/api/neighbors", {{"entity", "Iran"}});
  std::set<uint64_t> links;
  for (const auto& item : j["items"])
    for (const auto& link : item["links"]) links.insert(link["statement"].get<uint64_t>());
  bool visited = false;
  for (const auto& tie : j["ties"]) {
    CHECK_FALSE(links.count(tie["statement"].get<uint64_t>()));
    CHECK(tie["subject"] != "country:IR");
    CHECK(tie["object"] != "country:IR");
    if (tie["subject"] == "person:sattar-hashemi" && tie["predicate"] == "visited")
      visited = tie["object"] == "country:RS";
  }
  CHECK(visited);
  // A page's ties reach back to the entities of earlier pages, and only once.
  std::set<uint64_t> paged;
  for (size_t offset = 0; offset < j["items"].size(); ++offset) {
    const auto page = s.Json(
        "/api/neighbors", {{"entity", "Iran"}, {"limit", "1"}, {"offset", std::to_string(offset)}});
    for (const auto& tie : page["ties"])
      CHECK(paged.insert(tie["statement"].get<uint64_t>()).second);
  }
  CHECK(paged.size() == j["ties"].size());
}

TEST_CASE("a page's ties are capped, the most strongly joined pairs kept", "[api]") {
  TempDir dir;
  {
    // 110 neighbours of one centre, each pair of them joined once (5,995
    // ties), and the first two joined three times.
    auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
    const ArticleMeta a = testing::Article("sha256:dense");
    const Entity centre = testing::Person("person:centre", "Centre Person");
    std::vector<Entity> people;
    for (int i = 0; i < 110; ++i)
      people.push_back(testing::Person("person:p" + std::to_string(i), "P" + std::to_string(i)));
    std::vector<Statement> statements;
    for (const Entity& p : people)
      statements.push_back(testing::MakeStatement(centre, "met", p, testing::Day(2025, 1, 1), a));
    for (size_t i = 0; i < people.size(); ++i)
      for (size_t j = i + 1; j < people.size(); ++j)
        statements.push_back(
            testing::MakeStatement(people[i], "met", people[j], testing::Day(2025, 1, 2), a));
    for (const char* p : {"praised", "invited"})
      statements.push_back(
          testing::MakeStatement(people[1], p, people[0], testing::Day(2025, 1, 3), a));
    store->IngestArticle(a, statements);
  }
  auto views = StoreViews::OpenReadOnly(dir.path());
  const Api api(views.get(), {}, nullptr);
  const ApiResponse r = api.Handle({"GET", "/api/neighbors", {{"entity", "person:centre"}}, ""});
  REQUIRE(r.status == 200);
  const auto j = nlohmann::json::parse(r.body);
  REQUIRE(j["items"].size() == 110);
  const size_t sent = j["ties"].size();
  CHECK(sent <= 5000);
  CHECK(sent >= 4990);
  CHECK(sent + j["ties_omitted"].get<size_t>() == 5997);
  size_t strongest = 0;
  for (const auto& tie : j["ties"])
    if ((tie["subject"] == "person:p0" && tie["object"] == "person:p1") ||
        (tie["subject"] == "person:p1" && tie["object"] == "person:p0"))
      ++strongest;
  CHECK(strongest == 3);
}

TEST_CASE("relations: directed keeps the statements from a to b", "[api]") {
  Served s;
  const auto from_vucic =
      s.Json("/api/relations", {{"a", "Aleksandar Vučić"}, {"b", "Iran"}, {"directed", "true"}});
  CHECK(from_vucic["total"] == 2);
  for (const auto& st : from_vucic["items"])
    CHECK(st["subject"]["id"] == "person:aleksandar-vucic");
  CHECK(s.Json("/api/relations",
               {{"a", "Iran"}, {"b", "Aleksandar Vučić"}, {"directed", "true"}})["total"] == 0);
  CHECK(s.Json("/api/relations", {{"a", "Iran"}, {"b", "Aleksandar Vučić"}})["total"] == 2);
}

TEST_CASE("relations and timeline are paged with a total, and filtered", "[api]") {
  Served s;
  const auto r =
      s.Json("/api/relations",
             {{"a", "person:sattar-hashemi"}, {"b", "Aleksandar Vučić"}, {"limit", "2"}});
  CHECK(r["total"] == 4);
  CHECK(r["items"].size() == 2);
  CHECK(r["more"] == true);
  CHECK(r["items"][0].contains("evidence"));
  CHECK(r["items"][0].contains("sources"));
  const auto met = s.Json("/api/relations", {{"a", "person:sattar-hashemi"},
                                             {"b", "person:aleksandar-vucic"},
                                             {"predicate", "met"},
                                             {"from", "2025"}});
  REQUIRE(met["total"] == 1);
  CHECK(met["items"][0]["date"] == "2025-01-30");

  const auto t = s.Json("/api/timeline", {{"entity", "Iran"}, {"with", "Serbia"}});
  CHECK(t["total"] == 2);
}

TEST_CASE("path and pattern query answer in the CLI's shapes", "[api]") {
  Served s;
  const auto p =
      s.Json("/api/path", {{"a", "Abdolreza Rahmani Fazli"}, {"b", "Expo 2027 Belgrade"}});
  CHECK(p["nodes"].front()["id"] == "person:abdolreza-rahmani-fazli");
  CHECK(p["nodes"].back()["id"] == "event:expo-2027-belgrade");
  CHECK(p["edges"].size() == p["nodes"].size() - 1);
  const auto none = s.Json("/api/path", {{"a", "Belgrade"}, {"b", "Iran"}, {"via", "met"}});
  CHECK(none["nodes"].empty());

  const auto q = s.Json("/api/query", {{"q", "?a met ?b"}, {"limit", "1"}});
  REQUIRE(q["items"].size() == 1);
  CHECK(q["more"] == true);
  CHECK(q["items"][0]["a"].contains("names"));
  const auto bad = s.Json("/api/query", {{"q", "?a met"}}, 400);
  CHECK(bad["error"]["code"] == "malformed_pattern");
}

TEST_CASE("bad requests get a JSON error naming the problem", "[api]") {
  Served s;
  auto code = [&](const std::string& path, std::multimap<std::string, std::string> params,
                  int status) {
    return s.Json(path, std::move(params), status)["error"]["code"].get<std::string>();
  };
  CHECK(code("/api/neighbors", {}, 400) == "bad_request");
  CHECK(code("/api/neighbors", {{"entity", "Iran"}, {"depth", "9"}}, 400) == "bad_request");
  CHECK(code("/api/neighbors", {{"entity", "Iran"}, {"limit", "x"}}, 400) == "bad_request");
  CHECK(code("/api/neighbors", {{"entity", "Iran"}, {"entity", "Serbia"}}, 400) == "bad_request");
  CHECK(code("/api/neighbors", {{"entity", "Iran"}, {"colour", "red"}}, 400) == "bad_request");
  CHECK(code("/api/neighbors", {{"entity", "Iran"}, {"from", "2025-13"}}, 400) == "invalid_filter");
  CHECK(code("/api/neighbors", {{"entity", "Iran"}, {"predicate", "befriended"}}, 400) ==
        "invalid_filter");
  CHECK(code("/api/neighbors", {{"entity", "Iran"}, {"min_confidence", "nan"}}, 400) ==
        "bad_request");
  CHECK(code("/api/search", {{"q", std::string("\xff\xfe")}}, 400) == "bad_request");
  CHECK(code("/api/nothing", {}, 404) == "not_found");
  const ApiResponse post = s.api->Handle({"POST", "/api/stats", {}, ""});
  CHECK(post.status == 405);
  const ApiResponse ingest = s.api->Handle({"POST", "/api/ingest", {}, "Iran and Serbia."});
  CHECK(ingest.status == 403);
}

TEST_CASE("a query past the time limit is stopped with 503", "[api]") {
  ApiLimits limits;
  limits.query_timeout = std::chrono::milliseconds(0);
  Served s(limits);
  const auto j = s.Json("/api/neighbors", {{"entity", "Iran"}, {"depth", "3"}}, 503);
  CHECK(j["error"]["code"] == "query_timeout");
}

TEST_CASE("export is a download in the asked format", "[api]") {
  Served s;
  const ApiResponse r = s.Get("/api/export", {{"format", "graphml"}, {"around", "Serbia"}});
  REQUIRE(r.status == 200);
  REQUIRE(r.file);
  CHECK(r.filename == "diplograph-country_RS.graphml");
  std::string content(1 << 16, '\0');
  std::rewind(r.file.get());
  content.resize(std::fread(content.data(), 1, content.size(), r.file.get()));
  CHECK(content.find("<graphml") != std::string::npos);
  CHECK(content.find("صربستان") != std::string::npos);

  CHECK(s.Get("/api/export", {{"format", "neo4j"}, {"part", "edges"}}).status == 200);
  CHECK(s.Get("/api/export", {{"format", "neo4j"}}).status == 400);
  CHECK(s.Get("/api/export", {{"format", "pdf"}}).status == 400);
}

TEST_CASE("a read-only server sees another writer's articles after a refresh", "[api]") {
  Served s;
  const StoreViews::View before = s.views->Read();
  const uint64_t statements = before.store().Stats().statements;
  CHECK_FALSE(s.views->Refresh());
  // Iran meets no one yet; the path request builds and keeps a projection.
  const std::multimap<std::string, std::string> met_path = {
      {"a", "Iran"}, {"b", "Serbia"}, {"via", "met"}};
  CHECK(s.Json("/api/path", met_path)["edges"].empty());
  {
    auto writer = Store::Open(s.dir.path(), OpenMode::kReadWrite);
    const ArticleMeta c = testing::Article("sha256:c", "Tasnim");
    writer->IngestArticle(c, {testing::MakeStatement(testing::kIran, "met", testing::kSerbia,
                                                     testing::Day(2025, 3, 1), c, 0, 0.9)});
  }
  REQUIRE(s.views->Refresh());
  CHECK(s.Json("/api/stats")["statements"] == statements + 1);
  CHECK(s.Json("/api/path", met_path)["edges"].size() == 1);
  // A request already holding the old view still reads it whole.
  CHECK(before.store().Stats().statements == statements);
}

TEST_CASE("a writable server ingests posted articles", "[api]") {
  TempDir dir;
  auto views = StoreViews::OpenWritable(dir.path());
  const auto extractor = Extractor::Create(Lexicon::DefaultDir(), {});
  const Api api(views.get(), {}, extractor.get());
  const std::string article =
      "{\"title\": \"Talks in Tehran\", \"published\": \"2025-02-03\", \"text\": \"Iranian "
      "Foreign Minister Abbas Araghchi met Russian Foreign Minister Sergei Lavrov in Tehran on "
      "Monday.\"}\n";
  const ApiResponse r = api.Handle({"POST", "/api/ingest", {{"format", "jsonl"}}, article});
  INFO(r.body);
  REQUIRE(r.status == 200);
  const auto j = nlohmann::json::parse(r.body);
  REQUIRE(j["articles"].size() == 1);
  CHECK(j["articles"][0]["new_statements"].get<int>() > 0);
  const ApiResponse again = api.Handle({"POST", "/api/ingest", {{"format", "jsonl"}}, article});
  CHECK(nlohmann::json::parse(again.body)["articles"][0]["skipped"] == true);
  const ApiResponse bad = api.Handle({"POST", "/api/ingest", {{"format", "jsonl"}}, "{\"title\":"});
  CHECK(bad.status == 400);
  const auto stats = nlohmann::json::parse(api.Handle({"GET", "/api/stats", {}, ""}).body);
  CHECK(stats["articles"] == 1);
}

}  // namespace
}  // namespace diplograph
