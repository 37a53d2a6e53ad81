// The served workspace over HTTP: security headers, static files, limits, and reads during ingest.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/cli/run.h"
#include "tests/queries/graph.h"
#include "tests/server/server_process.h"
#include "tests/store/fixture.h"

namespace diplograph {
namespace {

struct Served {
  testing::TempDir dir;
  std::unique_ptr<test::ServerProcess> server;
  std::unique_ptr<httplib::Client> client;

  explicit Served(std::vector<std::string> extra = {}) {
    testing::MakeGraph(dir.path());
    std::vector<std::string> args = {"--db", dir.path()};
    args.insert(args.end(), extra.begin(), extra.end());
    server = std::make_unique<test::ServerProcess>(args);
    client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
  }
};

nlohmann::json ErrorOf(const httplib::Result& r) {
  REQUIRE(r);
  INFO(r->body);
  REQUIRE(r->get_header_value("Content-Type").starts_with("application/json"));
  return nlohmann::json::parse(r->body)["error"];
}

TEST_CASE("the page and the API carry a policy that forbids inline script", "[http]") {
  Served s;
  for (const char* path : {"/", "/app.js", "/api/stats", "/api/nothing"}) {
    const auto r = s.client->Get(path);
    REQUIRE(r);
    INFO(path);
    const std::string csp = r->get_header_value("Content-Security-Policy");
    CHECK(csp.find("script-src 'self'") != std::string::npos);
    CHECK(csp.find("unsafe-inline") == std::string::npos);
    CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
  }
  const auto page = s.client->Get("/");
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type").starts_with("text/html"));
  const auto cytoscape = s.client->Get("/vendor/cytoscape.min.js");
  CHECK(cytoscape->status == 200);
  CHECK(cytoscape->body.size() > 100'000);
  CHECK(s.server->Stop() == 0);
}

TEST_CASE("no path leads outside the app's files", "[http]") {
  Served s;
  for (const char* path :
       {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/app.js/../../etc/passwd",
        "/vendor/../../CMakeLists.txt", "/web/app.js", "//etc/passwd", "/index.html%00.js"}) {
    INFO(path);
    const auto r = s.client->Get(path);
    REQUIRE(r);
    CHECK(r->status == 404);
    CHECK(r->body.find("root:") == std::string::npos);
  }
}

TEST_CASE("a loopback server answers only requests addressed to localhost", "[http]") {
  Served s;
  const auto rebound = s.client->Get("/api/stats", {{"Host", "attacker.example:8080"}});
  REQUIRE(rebound);
  CHECK(rebound->status == 403);
  CHECK(ErrorOf(rebound)["code"] == "forbidden");
  CHECK(s.client->Get("/api/stats", {{"Host", "localhost"}})->status == 200);
}

TEST_CASE("oversized and malformed requests get JSON errors and the server lives on", "[http]") {
  Served s({"--max-request-bytes", "4096"});
  const auto big = s.client->Post("/api/ingest", std::string(10'000, 'a'), "text/plain");
  REQUIRE(big);
  CHECK(big->status == 413);
  const auto long_uri = s.client->Get("/api/search?q=" + std::string(20'000, 'a'));
  REQUIRE(long_uri);
  CHECK(long_uri->status == 414);
  const auto post = s.client->Post("/api/stats", "", "text/plain");
  CHECK(post->status == 405);
  CHECK(ErrorOf(post)["code"] == "method_not_allowed");
  const auto form = s.client->Post("/api/ingest", "a=b", "application/x-www-form-urlencoded");
  CHECK(form->status == 415);
  const auto read_only = s.client->Post("/api/ingest", "Iran.", "text/plain");
  CHECK(read_only->status == 403);
  const auto unknown =
      s.client->Get("/api/entity?name=%D8%A2%D8%AA%D9%84%D8%A7%D9%86%D8%AA%DB%8C%D8%B3");
  CHECK(unknown->status == 404);
  CHECK(ErrorOf(unknown)["code"] == "unknown_entity");
  CHECK(s.client->Get("/api/stats")->status == 200);
  CHECK(s.server->Stop() == 0);
}

TEST_CASE("an export downloads as an attachment", "[http]") {
  Served s;
  const auto r = s.client->Get("/api/export?format=turtle&around=Iran&depth=2");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->get_header_value("Content-Disposition") ==
        "attachment; filename=\"diplograph-country_IR.ttl\"");
  CHECK(r->body.find("@prefix") != std::string::npos);
}

TEST_CASE("posts from another site's pages are refused", "[http]") {
  Served s({"--allow-ingest"});
  const auto cross = s.client->Post("/api/ingest", {{"Origin", "http://attacker.example"}},
                                    "Iran and Serbia signed an agreement.", "text/plain");
  REQUIRE(cross);
  CHECK(cross->status == 403);
  const auto info = nlohmann::json::parse(s.client->Get("/api/info")->body);
  CHECK(info["ingest"] == true);
}

TEST_CASE("the server keeps answering while another process ingests", "[http]") {
  Served s;
  const uint64_t before = nlohmann::json::parse(s.client->Get("/api/stats")->body)["articles"];
  std::thread ingest([&] {
    const auto r =
        test::Run("ingest --quiet --db " + test::Quote(s.dir.path()) + " --date 2025-10-14 " +
                  test::Quote(test::Examples() + "/en-serbia-iran-talks.txt"));
    CHECK(r.exit_code == 0);
  });
  // Every answer meanwhile is whole: a count that only grows, never an error.
  uint64_t seen = before;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (seen == before && std::chrono::steady_clock::now() < deadline) {
    const auto r = s.client->Get("/api/stats");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    const uint64_t articles = nlohmann::json::parse(r->body)["articles"];
    REQUIRE(articles >= seen);
    seen = articles;
    REQUIRE(s.client->Get("/api/neighbors?entity=Iran")->status == 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ingest.join();
  CHECK(seen == before + 1);
}

}  // namespace
}  // namespace diplograph
