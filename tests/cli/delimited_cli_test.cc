#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

#include "run.h"
#include "tests/queries/graph.h"

using namespace diplograph::test;
using nlohmann::json;
namespace fixture = diplograph::testing;

namespace {

using Rows = std::vector<std::vector<std::string>>;

// An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line
// breaks; every record must end in CRLF.
Rows ParseCsv(const std::string& text) {
  Rows rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    std::string& field = rows.back().back();
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      REQUIRE(field.empty());
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r') {
      REQUIRE(i + 1 < text.size());
      REQUIRE(text[i + 1] == '\n');
      ++i;
      rows.emplace_back(1);
    } else {
      REQUIRE(c != '\n');
      field += c;
    }
  }
  REQUIRE_FALSE(quoted);
  REQUIRE(rows.back() == std::vector<std::string>(1));  // the text ended with CRLF
  rows.pop_back();
  return rows;
}

Rows ParseTsv(const std::string& text) {
  Rows rows;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> fields(1);
    for (char c : line) {
      if (c == '\t')
        fields.emplace_back();
      else
        fields.back() += c;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

// Names and evidence a spreadsheet or a naive writer would get wrong.
const diplograph::Entity kFormula = fixture::Person(
    "person:formula", "=HYPERLINK(\"http://x\",\"y\")", {"=HYPERLINK(\"http://x\",\"y\")"});
const diplograph::Entity kMinus = fixture::Person("person:mina", "-Mina, \"the\" envoy", {"Mina"});
const diplograph::Entity kIran = fixture::Country("country:IR", "Iran", {"ایران"});
const std::string kEvidence = "line one,\n\"two\"\tthree — ایران\u200cها";
const std::string kPersian = "معاون وزیر امور خارجه «ایران»";

std::string MakeTrickyDb(const TempDir& dir) {
  const std::string db = dir / "tricky.db";
  auto store = diplograph::Store::Open(db, diplograph::OpenMode::kReadWrite);
  const diplograph::ArticleMeta a = fixture::Article("sha256:a", "@IRNA");
  diplograph::Statement invited =
      fixture::MakeStatement(kFormula, "invited", kMinus, fixture::Day(2025, 1, 30), a, 0, 0.9);
  invited.provenance.front().text = kEvidence;
  diplograph::Statement role =
      fixture::MakeStatement(kMinus, "holds_role", kIran, diplograph::Date(), a, 1, 0.75);
  role.role = "+deputy";
  role.provenance.front().text = kPersian;
  store->IngestArticle(a, {invited, role});
  return db;
}

}  // namespace

TEST_CASE("csv quotes per RFC 4180 and neutralizes formulas, Persian stays byte for byte",
          "[cli][csv]") {
  TempDir dir;
  const std::string db = MakeTrickyDb(dir);
  RunResult r = Run("relations person:formula Mina --format json --db " + Quote(db));
  REQUIRE(r.exit_code == 0);
  const std::string id = std::to_string(json::parse(r.out).at(0)["id"].get<uint64_t>());

  r = Run("relations person:formula Mina --format csv --db " + Quote(db));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "id,date,subject_id,subject_name,predicate,role,object_id,object_name,modality,"
        "confidence,sources,first_source,evidence\r\n" +
            id +
            ",2025-01-30,person:formula,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",invited,,"
            "person:mina,\"'-Mina, \"\"the\"\" envoy\",asserted,0.9,1,'@IRNA,"
            "\"line one,\n\"\"two\"\"\tthree — ایران\u200cها\"\r\n");
  const Rows rows = ParseCsv(r.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1][12] == kEvidence);

  r = Run("timeline Mina --predicate holds_role --format csv --db " + Quote(db));
  REQUIRE(r.exit_code == 0);
  const Rows role = ParseCsv(r.out);
  REQUIRE(role.size() == 2);
  CHECK(role[1][1] == "");  // undated
  CHECK(role[1][5] == "'+deputy");
  CHECK(role[1][7] == "Iran");
  CHECK(role[1][12] == kPersian);
  CHECK(r.out.find(kPersian) != std::string::npos);

  // Bindings: each entity variable's id, then its name; the date last.
  r = Run("query --format csv --db " + Quote(db) + " " + Quote("?a invited ?b"));
  REQUIRE(r.exit_code == 0);
  CHECK(ParseCsv(r.out) == Rows{{"?a", "?a name", "?b", "?b name", "date"},
                                {"person:formula", "'=HYPERLINK(\"http://x\",\"y\")", "person:mina",
                                 "'-Mina, \"the\" envoy", "2025-01-30"}});
}

TEST_CASE("tsv turns tabs and line breaks in a field into spaces", "[cli][csv]") {
  TempDir dir;
  const std::string db = MakeTrickyDb(dir);
  const RunResult r = Run("relations person:formula Mina --format tsv --db " + Quote(db));
  REQUIRE(r.exit_code == 0);
  const Rows rows = ParseTsv(r.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].size() == 13);
  const std::vector<std::string>& row = rows[1];
  REQUIRE(row.size() == 13);
  CHECK(row[3] == "'=HYPERLINK(\"http://x\",\"y\")");
  CHECK(row[7] == "'-Mina, \"the\" envoy");
  CHECK(row[11] == "'@IRNA");
  CHECK(row[12] == "line one, \"two\" three — ایران\u200cها");
  CHECK(r.out.find('\r') == std::string::npos);
}

TEST_CASE("every query command writes csv and tsv: a header, then rows of as many fields",
          "[cli][csv]") {
  TempDir dir;
  const std::string db = dir / "graph.db";
  fixture::MakeGraph(db);
  const std::vector<std::pair<std::string, std::vector<std::string>>> commands = {
      {"query " + Quote("?a ?p ?b . ?b holds_role ?c"),
       {"?a", "?a name", "?p", "?b", "?b name", "?c", "?c name", "date"}},
      {"relations Iran Serbia",
       {"id", "date", "subject_id", "subject_name", "predicate", "role", "object_id", "object_name",
        "modality", "confidence", "sources", "first_source", "evidence"}},
      {"timeline Vučić --with Iran",
       {"id", "date", "subject_id", "subject_name", "predicate", "role", "object_id", "object_name",
        "modality", "confidence", "sources", "first_source", "evidence"}},
      {"neighbors Serbia --depth 2", {"depth", "id", "type", "name", "links", "predicates"}},
      {"path " + Quote("Sattar Hashemi") + " Belgrade",
       {"step", "direction", "id", "date", "subject_id", "subject_name", "predicate", "role",
        "object_id", "object_name", "modality", "confidence", "sources", "first_source",
        "evidence"}},
      {"top --by pagerank", {"rank", "id", "type", "name", "score", "statements", "exact"}},
      {"entities --search ha", {"id", "type", "name", "statements", "other_names"}},
      {"stats", {"what", "count"}},
  };
  for (const auto& [command, header] : commands) {
    for (const char* format : {"csv", "tsv"}) {
      INFO(command << " --format " << format);
      const RunResult r = Run(command + " --format " + format + " --db " + Quote(db));
      REQUIRE(r.exit_code == 0);
      const Rows rows = std::string(format) == "csv" ? ParseCsv(r.out) : ParseTsv(r.out);
      REQUIRE(rows.size() > 1);
      CHECK(rows[0] == header);
      for (const auto& row : rows) CHECK(row.size() == header.size());
    }
  }

  RunResult r =
      Run("path --format csv --db " + Quote(db) + " " + Quote("Sattar Hashemi") + " Belgrade");
  const Rows path = ParseCsv(r.out);
  REQUIRE(path.size() == 4);
  CHECK(path[1][0] == "1");
  CHECK(path[1][1] == "forward");
  CHECK(path[3][1] == "backward");
  CHECK(path[3][6] == "hosts");

  r = Run("stats --format csv --db " + Quote(db));
  const Rows stats = ParseCsv(r.out);
  CHECK(stats[1] == std::vector<std::string>{"articles", "2"});
  CHECK(std::find(stats.begin(), stats.end(), std::vector<std::string>{"predicates.met", "2"}) !=
        stats.end());

  r = Run("top --format csv --limit 1 --db " + Quote(db));
  CHECK(ParseCsv(r.out)[1] == std::vector<std::string>{"1", "person:aleksandar-vucic", "person",
                                                       "Aleksandar Vučić", "8", "8", "true"});
}
