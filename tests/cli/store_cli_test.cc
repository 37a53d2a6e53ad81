#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run.h"
#include "store/store.h"

using namespace diplograph::test;
using nlohmann::json;

namespace {
json Stats(const std::string& db) {
  const RunResult r = Run("stats --format json --db " + Quote(db));
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}
}  // namespace

TEST_CASE("ingesting the examples fills the store and a second ingest changes nothing",
          "[cli][ingest]") {
  TempDir dir;
  const std::string db = dir / "graph.db";
  RunResult r = Run("ingest --db " + Quote(db) + " " + Quote(Examples()));
  REQUIRE(r.exit_code == 0);
  const json first = Stats(db);
  CHECK(first["articles"].get<int>() >= 4);
  CHECK(first["statements"].get<int>() > 0);
  CHECK(first["entities"].get<int>() > 0);
  CHECK(first["provenance"].get<int>() >= first["statements"].get<int>());

  r = Run("ingest --db " + Quote(db) + " " + Quote(Examples()));
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("already stored") != std::string::npos);
  CHECK(Stats(db) == first);

  r = Run("check --db " + Quote(db));
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("consistent") != std::string::npos);
}

TEST_CASE("queries answer who met whom and what ties Iran and Serbia", "[cli][query]") {
  TempDir dir;
  const std::string db = dir / "graph.db";
  REQUIRE(Run("ingest -q --db " + Quote(db) + " " + Quote(Examples())).exit_code == 0);

  // Countries are named in any language or by id.
  RunResult r = Run("relations --format json --db " + Quote(db) + " Iran صربستان");
  REQUIRE(r.exit_code == 0);
  const json ties = json::parse(r.out);
  CHECK(ties.is_array());
  CHECK_FALSE(ties.empty());
  for (const json& s : ties) CHECK(s.contains("sources"));

  r = Run("relations --db " + Quote(db) + " country:IR country:RS");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("PREDICATE") != std::string::npos);

  r = Run("neighbors --format json --db " + Quote(db) + " Iran");
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(json::parse(r.out).empty());

  r = Run("timeline --format json --db " + Quote(db) + " ایران");
  REQUIRE(r.exit_code == 0);
  const json timeline = json::parse(r.out);
  REQUIRE_FALSE(timeline.empty());
  // Dated statements come first, in order.
  std::string last;
  for (const json& s : timeline) {
    if (s["date"].is_null()) break;
    CHECK(s["date"].get<std::string>() >= last);
    last = s["date"].get<std::string>();
  }

  r = Run("entities --format json --search serb --db " + Quote(db));
  REQUIRE(r.exit_code == 0);
  bool serbia = false;
  for (const json& e : json::parse(r.out)) serbia = serbia || e["id"] == "country:RS";
  CHECK(serbia);

  r = Run("relations --db " + Quote(db) + " Iran Atlantis");
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("Atlantis") != std::string::npos);
}

TEST_CASE("bad input leaves the store untouched", "[cli][ingest]") {
  TempDir dir;
  const std::string db = dir / "graph.db";
  std::ofstream(dir / "bad.txt", std::ios::binary) << std::string("\xC3\x28 not utf8", 11);
  std::ofstream(dir / "empty.txt");

  // Nothing readable: no store is created at all.
  RunResult r = Run("ingest --db " + Quote(db) + " " + Quote(dir / "bad.txt"));
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("bad.txt") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(db));

  REQUIRE(Run("ingest -q --db " + Quote(db) + " " + Quote(Examples())).exit_code == 0);
  const json before = Stats(db);
  for (const std::string& input : {dir / "empty.txt", dir / "missing.txt", dir / "bad.txt"}) {
    r = Run("ingest --db " + Quote(db) + " " + Quote(input));
    CHECK(r.exit_code != 0);
    CHECK(Stats(db) == before);
  }
}

TEST_CASE("a store in use by another process is reported as locked", "[cli][ingest]") {
  TempDir dir;
  const std::string db = dir / "graph.db";
  auto holder = diplograph::Store::Open(db, diplograph::OpenMode::kReadWrite);
  const RunResult r = Run("ingest --db " + Quote(db) + " " + Quote(Examples()));
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("locked") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

TEST_CASE("querying a path that holds no store says so", "[cli][query]") {
  TempDir dir;
  const RunResult r = Run("stats --db " + Quote(dir / "nothing.db"));
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("nothing.db") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "nothing.db"));
}

TEST_CASE("forget takes an article back out, as if it had never been ingested", "[cli][forget]") {
  TempDir dir;
  const std::string both = dir / "both.db", one = dir / "one.db";
  const std::string kept = Quote(Examples() + "/more.jsonl");
  // The article to forget: the first statement `extract` gives for it names its id.
  const std::string file = Examples() + "/en-serbia-iran-talks.txt";
  RunResult r = Run("extract " + Quote(file));
  REQUIRE(r.exit_code == 0);
  const std::string id = json::parse(r.out.substr(0, r.out.find('\n')))["article"];

  REQUIRE(Run("ingest -q --db " + Quote(both) + " " + kept + " " + Quote(file)).exit_code == 0);
  REQUIRE(Run("ingest -q --db " + Quote(one) + " " + kept).exit_code == 0);
  REQUIRE(Stats(both) != Stats(one));

  r = Run("forget --db " + Quote(both) + " " + id);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("forgot " + id) != std::string::npos);
  CHECK(Stats(both) == Stats(one));
  CHECK(Run("check --db " + Quote(both)).exit_code == 0);

  r = Run("forget --db " + Quote(both) + " " + id);
  CHECK(r.exit_code == 1);
  CHECK(r.err == "diplograph: " + both + ": no article " + id + "\n");
  r = Run("forget --db " + Quote(dir / "none.db") + " " + id);
  CHECK(r.exit_code == 1);
  CHECK_FALSE(std::filesystem::exists(dir / "none.db"));
}

TEST_CASE("ingest --bulk gives the store the normal path gives", "[cli][ingest]") {
  TempDir dir;
  const std::string normal = dir / "normal.db", bulk = dir / "bulk.db";
  REQUIRE(Run("ingest -q --db " + Quote(normal) + " " + Quote(Examples())).exit_code == 0);
  REQUIRE(Run("ingest -q --bulk --db " + Quote(bulk) + " " + Quote(Examples())).exit_code == 0);
  CHECK(Stats(bulk) == Stats(normal));
  CHECK(Run("check --db " + Quote(bulk)).exit_code == 0);
  const std::string query = "timeline --format json Iran --db ";
  CHECK(Run(query + Quote(bulk)).out == Run(query + Quote(normal)).out);

  // Only into a new store: run again, it stores the normal way, which skips
  // what is stored, so a bulk load killed or repeated ends the same.
  const json before = Stats(bulk);
  const RunResult r = Run("ingest --bulk --db " + Quote(bulk) + " " + Quote(Examples()));
  CHECK(r.exit_code == 0);
  CHECK(r.err.find(bulk + ": holds articles already; --bulk loads only new stores") !=
        std::string::npos);
  CHECK(r.err.find("already stored") != std::string::npos);
  CHECK(Stats(bulk) == before);
}

TEST_CASE("ingest --statements stores what extract wrote, as ingesting the articles does",
          "[cli][ingest]") {
  TempDir dir;
  const std::string articles = Quote(Examples() + "/more.jsonl");
  RunResult r = Run("extract " + articles);
  REQUIRE(r.exit_code == 0);
  const std::string statements = r.out;
  const std::string extracted = dir / "statements.jsonl";
  std::ofstream(extracted) << statements;

  const std::string normal = dir / "normal.db", from = dir / "from.db", bulk = dir / "bulk.db";
  REQUIRE(Run("ingest -q --db " + Quote(normal) + " " + articles).exit_code == 0);
  REQUIRE(Run("ingest -q --statements --db " + Quote(from) + " " + Quote(extracted)).exit_code ==
          0);
  REQUIRE(
      Run("ingest -q --statements --bulk --db " + Quote(bulk) + " " + Quote(extracted)).exit_code ==
      0);
  CHECK(Stats(from) == Stats(normal));
  CHECK(Stats(bulk) == Stats(normal));
  CHECK(Run("check --db " + Quote(bulk)).exit_code == 0);
  // From stdin too, and a second time changes nothing.
  r = Run("ingest --statements --db " + Quote(from) + " -", extracted);
  CHECK(r.exit_code == 0);
  CHECK(Stats(from) == Stats(normal));

  // An article's statements split apart would be stored half: refused.
  std::vector<std::string> lines;
  std::istringstream in(statements);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  const std::string first = json::parse(lines.front())["article"];
  size_t other = 0;
  while (other < lines.size() && json::parse(lines[other])["article"] == first) ++other;
  REQUIRE(other < lines.size());
  const std::string shuffled = dir / "shuffled.jsonl";
  {
    std::ofstream out(shuffled);
    out << lines[other] << '\n';
    for (const std::string& line : lines) out << line << '\n';
  }
  r = Run("ingest -q --statements --db " + Quote(dir / "shuffled.db") + " " + Quote(shuffled));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(shuffled + ":") != std::string::npos);
  CHECK(r.err.find("not on consecutive lines") != std::string::npos);
}
