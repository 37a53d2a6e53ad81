#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "queries/export/export.h"
#include "queries/export/neo4j_writer.h"
#include "tests/queries/graph.h"

namespace diplograph {
namespace {

using namespace testing;
using nlohmann::json;

std::string Write(ExportFormat format, const Selection& selection, ExportCounts* counts = nullptr) {
  std::ostringstream out;
  const auto writer = MakeWriter(format, out);
  const ExportCounts c = Export(selection, writer.get());
  if (counts) *counts = c;
  return out.str();
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The line of `text` holding `what`.
std::string LineWith(const std::string& text, const std::string& what) {
  const size_t at = text.find(what);
  if (at == std::string::npos) return {};
  const size_t begin = text.rfind('\n', at) + 1;
  return text.substr(begin, text.find('\n', at) - begin);
}

constexpr size_t kStatements = 17, kEntities = 9;  // of tests/queries/graph.h

TEST_CASE("every format writes the whole graph: each entity once, each statement once",
          "[export]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  const Selection all(*store, {});
  ExportCounts counts;

  const std::string graphml = Write(ExportFormat::kGraphml, all, &counts);
  CHECK(counts.nodes == kEntities);
  CHECK(counts.edges == kStatements);
  CHECK(Count(graphml, "<node id=") == kEntities);
  CHECK(Count(graphml, "<edge id=\"stmt:") == kStatements);
  CHECK(graphml.find(
            R"(<key id="e.confidence" for="edge" attr.name="confidence" attr.type="double"/>)") !=
        std::string::npos);
  CHECK(graphml.find(R"(<data key="n.name_fa">الکساندر ووچیچ</data>)") != std::string::npos);

  const std::string gexf = Write(ExportFormat::kGexf, all);
  CHECK(Count(gexf, "<node id=") == kEntities);
  CHECK(Count(gexf, "<edge id=") == kStatements);

  const std::string dot = Write(ExportFormat::kDot, all);
  CHECK(Count(dot, " -> ") == kStatements);
  CHECK(dot.find(R"("person:aleksandar-vucic" [label="Aleksandar Vučić", fillcolor=)") !=
        std::string::npos);

  const json cyjs = json::parse(Write(ExportFormat::kCyjs, all));
  CHECK(cyjs["elements"]["nodes"].size() == kEntities);
  CHECK(cyjs["elements"]["edges"].size() == kStatements);

  const std::string nt = Write(ExportFormat::kNtriples, all);
  CHECK(Count(nt, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> .") == kStatements);
  const std::string turtle = Write(ExportFormat::kTurtle, all);
  CHECK(Count(turtle, " a rdf:Statement ;") == kStatements);

  const json jsonld = json::parse(Write(ExportFormat::kJsonld, all));
  size_t reified = 0;
  for (const json& node : jsonld["@graph"]) reified += node.value("@type", "") == "rdf:Statement";
  CHECK(reified == kStatements);

  std::ostringstream nodes, edges;
  Neo4jWriter neo4j(nodes, edges);
  counts = Export(all, &neo4j);
  CHECK(counts.nodes == kEntities);
  CHECK(Count(nodes.str(), "\n") == kEntities + 1);
  CHECK(Count(edges.str(), "\n") == kStatements + 1);
}

TEST_CASE("GEXF spells cover the days a date covers, undated statements have none", "[export]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  const std::string gexf = Write(ExportFormat::kGexf, Selection(*store, {}));
  CHECK(gexf.find(R"(<graph mode="dynamic" defaultedgetype="directed" timeformat="date")") !=
        std::string::npos);
  // Serbia requested Iran [2025-01]: the whole month.
  CHECK(LineWith(gexf, "label=\"requested\"")
            .find(R"(<spells><spell start="2025-01-01" end="2025-01-31"/></spells>)") !=
        std::string::npos);
  // Iran supports Expo [2024]: the whole year.
  CHECK(LineWith(gexf, "label=\"supports\"")
            .find(R"(<spell start="2024-01-01" end="2024-12-31"/>)") != std::string::npos);
  CHECK(LineWith(gexf, "label=\"hosts\"").find("<spell") == std::string::npos);
  // Iran lives from the first day its statements cover (supports, 2024) to
  // the last (requested, 2025-01, ends after the meetings of 2025-01-30).
  CHECK(LineWith(gexf, "<node id=\"country:IR\"")
            .find(R"(<spell start="2024-01-01" end="2025-01-31"/>)") != std::string::npos);
  // Belgrade only hosts, undated: alive throughout.
  CHECK(LineWith(gexf, "<node id=\"place:belgrade\"").find("<spell") == std::string::npos);
}

TEST_CASE("a selection around an entity keeps every statement among its neighbours", "[export]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  ExportCounts counts;
  // Belgrade hosts Expo; Iran supports Expo is two hops from Belgrade.
  Write(ExportFormat::kGraphml, Selection(*store, {}, "place:belgrade", 1), &counts);
  CHECK(counts.nodes == 2);
  CHECK(counts.edges == 1);
  const std::string two =
      Write(ExportFormat::kGraphml, Selection(*store, {}, "place:belgrade", 2), &counts);
  CHECK(counts.nodes == 3);
  CHECK(counts.edges == 2);
  CHECK(two.find("<node id=\"country:IR\">") != std::string::npos);
  // Three hops reach Serbia, Hashemi, Vučić, Pezeshkian: every statement
  // among the seven, not only those the search walked along (all but the
  // two visits of the entities left out).
  Write(ExportFormat::kGraphml, Selection(*store, {}, "place:belgrade", 3), &counts);
  CHECK(counts.nodes == 7);
  CHECK(counts.edges == 15);
}

TEST_CASE("the filters select as in the query commands", "[export]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  ExportCounts counts;
  Filter met;
  met.predicates = {"met"};
  Write(ExportFormat::kDot, Selection(*store, met), &counts);
  CHECK(counts.edges == 2);
  CHECK(counts.nodes == 2);
  Filter recent;
  recent.from = Day(2025, 1, 1);  // undated statements are out
  Write(ExportFormat::kDot, Selection(*store, recent), &counts);
  CHECK(counts.edges == 7);
  Filter tanjug;
  tanjug.source = "TANJUG";
  Write(ExportFormat::kDot, Selection(*store, tanjug), &counts);
  CHECK(counts.edges == 5);
  Filter confident;
  confident.min_confidence = 0.85;
  Write(ExportFormat::kDot, Selection(*store, confident), &counts);
  CHECK(counts.edges == 5);
}

TEST_CASE("an empty selection is a valid, empty document in every format", "[export]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  Filter none;
  none.predicates = {"sanctioned"};  // no statement has it
  const Selection empty(*store, none);
  ExportCounts counts;
  const std::string graphml = Write(ExportFormat::kGraphml, empty, &counts);
  CHECK(counts.nodes == 0);
  CHECK(counts.edges == 0);
  CHECK(
      graphml.find("<graph id=\"diplograph\" edgedefault=\"directed\">\n  </graph>\n</graphml>") !=
      std::string::npos);
  CHECK(
      Write(ExportFormat::kGexf, empty).find("<nodes>\n    </nodes>\n    <edges>\n    </edges>") !=
      std::string::npos);
  CHECK(Write(ExportFormat::kDot, empty).ends_with("}\n"));
  CHECK(json::parse(Write(ExportFormat::kCyjs, empty))["elements"] ==
        json({{"nodes", json::array()}, {"edges", json::array()}}));
  CHECK(json::parse(Write(ExportFormat::kJsonld, empty))["@graph"] == json::array());
  CHECK(json::parse(Write(ExportFormat::kTimelinejs, empty))["events"] == json::array());
  CHECK(Write(ExportFormat::kNtriples, empty).empty());
  CHECK(Write(ExportFormat::kTurtle, empty).starts_with("@prefix dg: <urn:diplograph:vocab:> ."));
  // An entity nobody can reach from: the centre without a kept statement.
  Write(ExportFormat::kGraphml, Selection(*store, none, "country:IR", 2), &counts);
  CHECK(counts.nodes == 0);
}

TEST_CASE("RDF asserts only asserted statements and reifies every statement", "[export]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  const std::string nt = Write(ExportFormat::kNtriples, Selection(*store, {}));
  const std::string iran = "<urn:diplograph:entity:country:IR>",
                    serbia = "<urn:diplograph:entity:country:RS>";
  // Iran intends_to_cooperate Serbia is intended: reified, not asserted.
  CHECK(nt.find(iran + " <urn:diplograph:vocab:intends_to_cooperate> " + serbia) ==
        std::string::npos);
  CHECK(nt.find("<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> "
                "<urn:diplograph:vocab:intends_to_cooperate> .") != std::string::npos);
  CHECK(nt.find("<urn:diplograph:vocab:modality> \"intended\" .") != std::string::npos);
  CHECK(nt.find(iran + " <urn:diplograph:vocab:supports> <urn:diplograph:entity:event:expo-2027-"
                       "belgrade> .") != std::string::npos);
  // Dates keep their precision in their datatype.
  CHECK(nt.find("\"2025-01\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>") != std::string::npos);
  CHECK(nt.find("\"2024\"^^<http://www.w3.org/2001/XMLSchema#gYear>") != std::string::npos);
  CHECK(nt.find("\"2025-01-30\"^^<http://www.w3.org/2001/XMLSchema#date>") != std::string::npos);
  // Sources are kept: the publisher and evidence of each.
  CHECK(nt.find("<urn:diplograph:vocab:publisher> \"Tanjug\" .") != std::string::npos);
  CHECK(nt.find("<urn:diplograph:vocab:evidence> \"Sattar Hashemi met Aleksandar Vučić.\"@en .") !=
        std::string::npos);
  CHECK(nt.find("\"الکساندر ووچیچ\"@fa") != std::string::npos);
}

TEST_CASE("TimelineJS has an event per dated statement, with as much of the date as it has",
          "[export]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  ExportCounts counts;
  const json timeline =
      json::parse(Write(ExportFormat::kTimelinejs, Selection(*store, {}), &counts));
  CHECK(counts.edges == 11);
  CHECK(counts.skipped == 6);  // undated
  CHECK(counts.nodes == 0);
  REQUIRE(timeline["events"].size() == 11);
  std::set<std::string> dates;
  for (const json& e : timeline["events"]) {
    CHECK(e["text"]["headline"].is_string());
    CHECK(e["unique_id"].get<std::string>().starts_with("stmt-"));
    dates.insert(e["start_date"].dump());
  }
  CHECK(dates.count(R"({"year":"2024"})") == 1);
  CHECK(dates.count(R"({"month":"1","year":"2025"})") == 1);
  CHECK(dates.count(R"({"day":"30","month":"1","year":"2025"})") == 1);
  const std::string text = timeline["events"][0]["text"]["text"];
  CHECK(text.find("<a href=\"https://example.org/sha256:") != std::string::npos);
}

// Names no article would hold, ingested as stored statements can hold them.
TEST_CASE("hostile names are escaped in every format and Persian stays byte for byte", "[export]") {
  TempDir dir;
  const std::string formula = "=cmd|' /C calc'!A0", markup = "<img src=x onerror=alert(1)>",
                    rlo = "\u202E", persian = "عبدالرضا رحمانی\u200cفضلی";
  const Entity calc = Person("person:calc", formula, {formula});
  const Entity img = Person("person:img", markup, {markup, persian});
  const Entity evil = MakeEntity("org:evil", EntityType::kOrganization, "Evil" + rlo + "gnp.exe");
  ArticleMeta a = Article("sha256:hostile", "@SUM(1+1)");
  a.url = "javascript:alert(1)";
  {
    auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
    Statement s1 = MakeStatement(calc, "met", img, Day(2025, 3, 1), a, 0, 0.9);
    s1.provenance[0].text = "He said \"-1\\\" & left.\nNext line " + persian;
    store->IngestArticle(a, {s1, MakeStatement(img, "praised", evil, Day(2025, 3, 2), a, 1, 0.9)});
  }
  const auto store = Store::Open(dir.path(), OpenMode::kReadOnly);
  const Selection all(*store, {});

  const std::string graphml = Write(ExportFormat::kGraphml, all);
  const std::string gexf = Write(ExportFormat::kGexf, all);
  for (const std::string* xml : {&graphml, &gexf}) {
    CHECK(xml->find("<img") == std::string::npos);
    CHECK(xml->find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    CHECK(xml->find(rlo) == std::string::npos);
    CHECK(xml->find("Evil&#x202E;gnp.exe&#x202C;") != std::string::npos);
    CHECK(xml->find(persian) != std::string::npos);
    CHECK(xml->find("&quot;-1\\&quot; &amp; left.&#10;Next line") != std::string::npos);
  }

  const std::string dot = Write(ExportFormat::kDot, all);
  CHECK(dot.find(R"(label="Evil&#x202E;gnp.exe&#x202C;")") != std::string::npos);
  CHECK(dot.find(rlo) == std::string::npos);

  std::ostringstream nodes, edges;
  Neo4jWriter neo4j(nodes, edges);
  Export(all, &neo4j);
  CHECK(nodes.str().find("\nperson:calc,Entity;Person,person,'=cmd|' /C calc'!A0,") !=
        std::string::npos);
  CHECK(nodes.str().find(persian) != std::string::npos);
  CHECK(edges.str().find(",'@SUM(1+1),") != std::string::npos);
  CHECK(edges.str().find("\"He said \"\"-1\\\"\" & left.\nNext line " + persian + "\"") !=
        std::string::npos);
  CHECK(nodes.str().find("Evil" + rlo + "gnp.exe\u202C") != std::string::npos);

  for (const ExportFormat f : {ExportFormat::kNtriples, ExportFormat::kTurtle}) {
    const std::string rdf = Write(f, all);
    CHECK(rdf.find("\"Evil\\u202Egnp.exe\\u202C\"@en") != std::string::npos);
    CHECK(rdf.find("\"He said \\\"-1\\\\\\\" & left.\\nNext line " + persian + "\"@fa") !=
          std::string::npos);
    CHECK(rdf.find(rlo) == std::string::npos);
  }

  for (const ExportFormat f :
       {ExportFormat::kCyjs, ExportFormat::kJsonld, ExportFormat::kTimelinejs}) {
    const std::string text = Write(f, all);
    CHECK(text.find(rlo) == std::string::npos);
    CHECK(text.find(persian) != std::string::npos);
    CHECK_NOTHROW(json::parse(text));
  }
  const json cyjs = json::parse(Write(ExportFormat::kCyjs, all));
  std::set<std::string> labels;
  for (const json& n : cyjs["elements"]["nodes"]) labels.insert(n["data"]["label"]);
  CHECK(labels == std::set<std::string>{formula, markup, "Evil" + rlo + "gnp.exe\u202C"});

  // TimelineJS shows text as HTML: markup is escaped, and a javascript: URL
  // is no link.
  const json timeline = json::parse(Write(ExportFormat::kTimelinejs, all));
  for (const json& e : timeline["events"]) {
    const std::string html =
        e["text"]["headline"].get<std::string>() + e["text"]["text"].get<std::string>();
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("href") == std::string::npos);
  }
  CHECK(timeline["events"][0]["text"]["headline"] ==
        "=cmd|&#39; /C calc&#39;!A0 met &lt;img src=x onerror=alert(1)&gt;");
}

}  // namespace
}  // namespace diplograph
