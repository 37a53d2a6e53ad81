#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/json_io.h"
#include "tests/export/clients.h"
#include "tests/queries/graph.h"

using namespace diplograph::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// The examples ingested as the demo does: each plain-text article with its
// publication date, so that their relative dates resolve.
const std::string& ExamplesDb() {
  static TempDir dir;
  static const std::string db = [] {
    const std::string path = dir / "examples.db";
    std::ifstream published(Examples() + "/published.tsv");
    for (std::string line; std::getline(published, line);) {
      if (line.empty() || line[0] == '#') continue;
      const size_t tab = line.find('\t');
      const RunResult r = Run("ingest -q --db " + Quote(path) + " --date " + line.substr(tab + 1) +
                              " " + Quote(Examples() + "/" + line.substr(0, tab)));
      REQUIRE(r.exit_code == 0);
    }
    REQUIRE(
        Run("ingest -q --db " + Quote(path) + " " + Quote(Examples() + "/more.jsonl")).exit_code ==
        0);
    return path;
  }();
  return db;
}

// Exports into `file`, which must then exist.
void Export(const std::string& db, const std::string& args, const std::string& file) {
  const RunResult r = Run("export -q --db " + Quote(db) + " " + args + " -o " + Quote(file));
  INFO(args << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(fs::exists(file));
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// networkx's reading of a GraphML file: counts and every node's name.
constexpr const char* kReadGraphml = R"(
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                  "names": {n: d.get("name") for n, d in g.nodes(data=True)}},
                 ensure_ascii=False))
)";

// networkx's reading of a GEXF file: counts, each node's spells and dates,
// and how many edges have a date and how many a spell.
constexpr const char* kReadGexf = R"(
import io, json, sys
import networkx as nx
path = sys.argv[1]
if tuple(int(p) for p in nx.__version__.split(".")[:2]) >= (3, 5):
    g = nx.read_gexf(path)
else:
    # networkx before 3.5 (Debian 12 has 2.8) reads GEXF 1.1draft and 1.2draft,
    # not 1.3. The file differs from 1.2draft only in its namespace, version
    # and the edges' "kind" (which such readers pass over), so a copy under
    # the 1.2draft namespace reads as the same graph; xmllint checks the file
    # itself against the 1.3 schema.
    text = open(path, encoding="utf-8").read()
    text = text.replace('xmlns="http://gexf.net/1.3"', 'xmlns="http://www.gexf.net/1.2draft"', 1)
    text = text.replace('version="1.3"', 'version="1.2"', 1)
    g = nx.read_gexf(io.BytesIO(text.encode("utf-8")))
edges = [d for _, _, d in g.edges(data=True)]
print(json.dumps({
    "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "mode": g.graph.get("mode"),
    "node_data": {n: {"label": d.get("label"), "spells": d.get("spells"),
                      "first": d.get("first_date"), "last": d.get("last_date"),
                      "name_fa": d.get("name_fa")} for n, d in g.nodes(data=True)},
    "dated_edges": sum(1 for d in edges if d.get("date")),
    "edges_with_spells": sum(1 for d in edges if d.get("spells"))}, ensure_ascii=False))
)";

json RunPython(const char* script, const std::string& file) {
  const RunResult r = Python(script, {file});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

// The triples of an RDF file as rapper writes them back in N-Triples,
// blank node labels blanked, sorted.
std::string CanonicalTriples(const std::string& file, const std::string& syntax) {
  const RunResult r = Shell("rapper -q -i " + syntax + " -o ntriples " + Quote(file) +
                            " | sed 's/_:[A-Za-z0-9]*/_:b/g' | LC_ALL=C sort");
  REQUIRE(r.exit_code == 0);
  return r.out;
}

}  // namespace

TEST_CASE("GraphML of the examples validates against GraphML 1.0 and networkx reads it whole",
          "[cli][export]") {
  TempDir dir;
  const StoreCounts expected = CountStore(ExamplesDb());
  const std::string file = dir / "examples.graphml";
  Export(ExamplesDb(), "--format graphml", file);
  RequireValidXml(file, "graphml-1.0/graphml.xsd");
  const json g = RunPython(kReadGraphml, file);
  CHECK(g["nodes"] == expected.entities);
  CHECK(g["edges"] == expected.statements);
  CHECK(g["names"]["person:aleksandar-vucic"] == "Aleksandar Vučić");
  CHECK(g["names"]["country:IR"] == "Iran");
}

TEST_CASE("GEXF of the examples validates against GEXF 1.3 and networkx reads it with its spells",
          "[cli][export]") {
  TempDir dir;
  const StoreCounts expected = CountStore(ExamplesDb());
  const std::string file = dir / "examples.gexf";
  Export(ExamplesDb(), "--format gexf", file);
  RequireValidXml(file, "gexf-1.3/gexf.xsd");
  const json g = RunPython(kReadGexf, file);
  CHECK(g["nodes"] == expected.entities);
  CHECK(g["edges"] == expected.statements);
  CHECK(g["mode"] == "dynamic");
  CHECK(g["dated_edges"] == expected.dated);
  CHECK(g["edges_with_spells"] == expected.dated);
  for (const auto& [id, node] : g["node_data"].items()) {
    INFO(id);
    CHECK(node["label"].is_string());
    if (node["first"].is_null()) {
      CHECK(node["spells"].is_null());
    } else {
      CHECK(node["spells"] == json::array({json::array({node["first"], node["last"]})}));
    }
  }
  CHECK(g["node_data"]["person:abbas-araghchi"]["name_fa"] == "عباس عراقچی");
}

TEST_CASE("Graphviz renders the DOT of the examples, a shape per entity and statement",
          "[cli][export]") {
  TempDir dir;
  const StoreCounts expected = CountStore(ExamplesDb());
  const std::string file = dir / "examples.dot";
  Export(ExamplesDb(), "--format dot", file);
  const std::string svg = RequireDot(file);
  CHECK(Count(svg, "class=\"node\"") == expected.entities);
  CHECK(Count(svg, "class=\"edge\"") == expected.statements);
  CHECK(svg.find(">Aleksandar Vučić</text>") != std::string::npos);
}

TEST_CASE("rapper parses the N-Triples and Turtle of the examples, the same triples in both",
          "[cli][export]") {
  TempDir dir;
  const StoreCounts expected = CountStore(ExamplesDb());
  const std::string nt = dir / "examples.nt", ttl = dir / "examples.ttl";
  Export(ExamplesDb(), "--format ntriples", nt);
  Export(ExamplesDb(), "--format turtle", ttl);
  const size_t triples = RequireRdf(nt, "ntriples");
  CHECK(RequireRdf(ttl, "turtle") == triples);
  // Each statement is at least reified in five triples.
  CHECK(triples > 5 * expected.statements);
  CHECK(Count(Slurp(nt), "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> .") ==
        expected.statements);
  CHECK(CanonicalTriples(nt, "ntriples") == CanonicalTriples(ttl, "turtle"));
}

TEST_CASE("the JSON exports of the examples have the structure their readers need",
          "[cli][export]") {
  TempDir dir;
  const StoreCounts expected = CountStore(ExamplesDb());

  const std::string cyjs_file = dir / "examples.cyjs";
  Export(ExamplesDb(), "--format cyjs", cyjs_file);
  const json cyjs = json::parse(Slurp(cyjs_file));
  const json& nodes = cyjs["elements"]["nodes"];
  const json& edges = cyjs["elements"]["edges"];
  CHECK(nodes.size() == expected.entities);
  CHECK(edges.size() == expected.statements);
  std::set<std::string> ids;
  for (const json& n : nodes) ids.insert(n["data"]["id"].get<std::string>());
  CHECK(ids.size() == nodes.size());
  for (const json& e : edges) {
    CHECK(ids.count(e["data"]["source"]) == 1);
    CHECK(ids.count(e["data"]["target"]) == 1);
    CHECK(e["data"]["confidence"].is_number());
    CHECK(ids.insert(e["data"]["id"].get<std::string>()).second);  // ids shared by all elements
  }

  const std::string jsonld_file = dir / "examples.jsonld";
  Export(ExamplesDb(), "--format jsonld", jsonld_file);
  const json jsonld = json::parse(Slurp(jsonld_file));
  CHECK(jsonld["@context"]["dg"] == "urn:diplograph:vocab:");
  CHECK(jsonld["@context"]["xsd"] == "http://www.w3.org/2001/XMLSchema#");
  size_t reified = 0;
  for (const json& node : jsonld["@graph"]) {
    CHECK(node["@id"].is_string());
    if (node.value("@type", "") != "rdf:Statement") continue;
    ++reified;
    CHECK(node["rdf:subject"]["@id"].get<std::string>().starts_with("urn:diplograph:entity:"));
    CHECK(node["rdf:predicate"]["@id"].get<std::string>().starts_with("dg:"));
    CHECK(node.contains("dg:source"));
  }
  CHECK(reified == expected.statements);

  const std::string timeline_file = dir / "examples.json";
  Export(ExamplesDb(), "--format timelinejs", timeline_file);
  const json timeline = json::parse(Slurp(timeline_file));
  REQUIRE(timeline["events"].is_array());
  CHECK(timeline["events"].size() == expected.dated);
  for (const json& e : timeline["events"]) {
    CHECK(e["start_date"]["year"].is_string());
    CHECK(e["text"]["headline"].is_string());
    CHECK(e["text"]["text"].is_string());
  }
}

TEST_CASE("neo4j writes nodes.csv and edges.csv with the headers neo4j-admin import reads",
          "[cli][export]") {
  TempDir dir;
  const StoreCounts expected = CountStore(ExamplesDb());
  const std::string folder = dir / "neo4j";  // made by the export
  const RunResult r =
      Run("export -q --format neo4j --db " + Quote(ExamplesDb()) + " -o " + Quote(folder));
  REQUIRE(r.exit_code == 0);
  const auto nodes = CsvRows(Slurp(folder + "/nodes.csv"));
  const auto edges = CsvRows(Slurp(folder + "/edges.csv"));
  REQUIRE(nodes.size() == expected.entities + 1);
  REQUIRE(edges.size() == expected.statements + 1);
  CHECK(nodes[0][0] == "id:ID");
  CHECK(nodes[0][1] == ":LABEL");
  CHECK(std::count(nodes[0].begin(), nodes[0].end(), "statements:int") == 1);
  CHECK(std::vector<std::string>(edges[0].begin(), edges[0].begin() + 4) ==
        std::vector<std::string>{":START_ID", ":END_ID", ":TYPE", "statement:long"});
  CHECK(std::count(edges[0].begin(), edges[0].end(), "confidence:double") == 1);
  std::set<std::string> ids;
  for (size_t i = 1; i < nodes.size(); ++i) {
    CHECK(nodes[i].size() == nodes[0].size());
    CHECK(nodes[i][1].starts_with("Entity;"));
    ids.insert(nodes[i][0]);
  }
  for (size_t i = 1; i < edges.size(); ++i) {
    CHECK(edges[i].size() == edges[0].size());
    CHECK(ids.count(edges[i][0]) == 1);
    CHECK(ids.count(edges[i][1]) == 1);
  }
}

TEST_CASE("export around an entity takes the neighbourhood neighbors finds", "[cli][export]") {
  TempDir dir;
  RunResult r = Run("neighbors --format json --depth 2 --db " + Quote(ExamplesDb()) + " Vučić");
  REQUIRE(r.exit_code == 0);
  std::set<std::string> expected = {"person:aleksandar-vucic"};
  for (const json& n : json::parse(r.out)) expected.insert(n["entity"]["id"].get<std::string>());

  r = Run("export --format cyjs --around Vučić --depth 2 --db " + Quote(ExamplesDb()));
  REQUIRE(r.exit_code == 0);
  const json cyjs = json::parse(r.out);
  std::set<std::string> ids;
  for (const json& n : cyjs["elements"]["nodes"]) ids.insert(n["data"]["id"].get<std::string>());
  CHECK(ids == expected);
  CHECK(r.err.find("exported " + std::to_string(cyjs["elements"]["edges"].size()) +
                   " statements and " + std::to_string(ids.size()) +
                   " entities as cyjs to "
                   "standard output") == 0);

  // The date filter applies as in the query commands: undated statements out.
  r = Run("export --format cyjs --from 2025 --db " + Quote(ExamplesDb()));
  REQUIRE(r.exit_code == 0);
  const json recent = json::parse(r.out);
  CHECK(!recent["elements"]["edges"].empty());
  for (const json& e : recent["elements"]["edges"])
    CHECK(e["data"]["date"].get<std::string>() >= "2025");
}

TEST_CASE("an empty selection writes valid, empty files and says so", "[cli][export]") {
  TempDir dir;
  const std::string db = ExamplesDb(), none = " --predicate sanctioned";
  const RunResult r =
      Run("export --format graphml --db " + Quote(db) + none + " -o " + Quote(dir / "e.graphml"));
  REQUIRE(r.exit_code == 0);
  CHECK(r.err == "exported 0 statements and 0 entities as graphml to " + (dir / "e.graphml") +
                     " (no statement matches: a valid, empty graphml document)\n");
  RequireValidXml(dir / "e.graphml", "graphml-1.0/graphml.xsd");
  CHECK(RunPython(kReadGraphml, dir / "e.graphml")["nodes"] == 0);
  Export(db, "--format gexf" + none, dir / "e.gexf");
  RequireValidXml(dir / "e.gexf", "gexf-1.3/gexf.xsd");
  CHECK(RunPython(kReadGexf, dir / "e.gexf")["edges"] == 0);
  Export(db, "--format dot" + none, dir / "e.dot");
  RequireDot(dir / "e.dot");
  Export(db, "--format ntriples" + none, dir / "e.nt");
  CHECK(RequireRdf(dir / "e.nt", "ntriples") == 0);
  Export(db, "--format turtle" + none, dir / "e.ttl");
  CHECK(RequireRdf(dir / "e.ttl", "turtle") == 0);
  for (const std::string format : {"cyjs", "jsonld", "timelinejs"}) {
    Export(db, "--format " + format + none, dir / ("e." + format));
    CHECK_NOTHROW(json::parse(Slurp(dir / ("e." + format))));
  }
  REQUIRE(Run("export -q --format neo4j --db " + Quote(db) + none + " -o " + Quote(dir / "neo"))
              .exit_code == 0);
  CHECK(CsvRows(Slurp(dir / "neo/nodes.csv")).size() == 1);
  CHECK(CsvRows(Slurp(dir / "neo/edges.csv")).size() == 1);
}

TEST_CASE("export's bad input gives a clear message and the documented exit status",
          "[cli][export]") {
  TempDir dir;
  const std::string db = " --db " + Quote(ExamplesDb());

  RunResult r = Run("export --format xml" + db);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("graphml,gexf,dot,cyjs,neo4j,ntriples,turtle,jsonld,timelinejs") !=
        std::string::npos);
  CHECK(r.out.empty());

  r = Run("export --format neo4j" + db);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("give -o FOLDER") != std::string::npos);

  r = Run("export --format dot --depth 2" + db);
  CHECK(r.exit_code == 2);

  r = Run("export --format dot --around Atlantis" + db);
  CHECK(r.exit_code == 3);
  CHECK(r.out.empty());

  r = Run("export --format dot --from 2025-13" + db);
  CHECK(r.exit_code == 6);

  const std::string missing = dir / "no/such/folder/out.graphml";
  r = Run("export --format graphml" + db + " -o " + Quote(missing));
  CHECK(r.exit_code == 1);
  CHECK(r.err == "diplograph: cannot write " + missing + ": No such file or directory\n");

  // A folder where a file is wanted: nothing is written, nothing left behind.
  fs::create_directory(dir / "taken");
  r = Run("export --format graphml" + db + " -o " + Quote(dir / "taken"));
  CHECK(r.exit_code == 1);
  CHECK(r.err == "diplograph: cannot write " + (dir / "taken") + ": a folder\n");
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);

  // A store that is not there.
  r = Run("export --format dot --db " + Quote(dir / "nowhere"));
  CHECK(r.exit_code == 1);
}

TEST_CASE("export names --around as the other commands do: unknown 3, ambiguous 4",
          "[cli][export]") {
  TempDir dir;
  const std::string db = dir / "graph.db";
  diplograph::testing::MakeGraph(db);
  RunResult r = Run("export --format dot --around " + Quote("هاشمی") + " --db " + Quote(db));
  CHECK(r.exit_code == 4);
  CHECK(r.err.find("person:sattar-hashemi") != std::string::npos);
  r = Run("export --format dot --around " + Quote("سید ستار هاشمی") + " --db " + Quote(db));
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("\"person:sattar-hashemi\" -> \"person:aleksandar-vucic\"") !=
        std::string::npos);
}

TEST_CASE("an export replaces its file whole, and only once it is complete", "[cli][export]") {
  TempDir dir;
  const std::string file = dir / "out.dot";
  std::ofstream(file) << "old";
  Export(ExamplesDb(), "--format dot --predicate met", file);
  CHECK(Slurp(file).starts_with("digraph diplograph {"));
  // With the permissions any new file gets, not the temporary file's private ones.
  std::ofstream(dir / "plain") << "x";
  CHECK(fs::status(file).permissions() == fs::status(dir / "plain").permissions());
  fs::remove(dir / "plain");
  // A failed export leaves the file it would have replaced as it was.
  const RunResult r =
      Run("export --format dot --db " + Quote(dir / "nowhere") + " -o " + Quote(file));
  CHECK(r.exit_code == 1);
  CHECK(Slurp(file).starts_with("digraph diplograph {"));
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

// Names and texts no article would yield, stored through `ingest
// --statements`, which takes them as they are: the files must stay valid
// for every reader, and what the readers read back must be the names.
TEST_CASE("hostile names and texts cannot break out of their fields in any export",
          "[cli][export]") {
  using namespace diplograph;
  TempDir dir;
  const std::string formula = "=cmd|' /C calc'!A0", markup = "<img src=x onerror=alert(1)>",
                    rlo = "\u202E", persian = "عبدالرضا رحمانی\u200cفضلی",
                    quotes = "Say \"hi\" \\ \\N & done\\";
  auto entity = [](const std::string& id, const std::string& name) {
    return testing::MakeEntity(id, EntityType::kPerson, name, {name});
  };
  ArticleMeta a = testing::Article("sha256:hostile", "@SUM(1+1)");
  a.url = "javascript:alert(1)";
  Statement s1 = testing::MakeStatement(entity("person:calc", formula), "met",
                                        entity("person:img", markup), testing::Day(2025, 3, 1), a);
  s1.provenance[0].text = "He said \"-1\" & left.\n" + persian + " " + rlo + "reversed";
  Statement s2 = testing::MakeStatement(entity("person:img", markup), "praised",
                                        entity("person:rlo", "Evil" + rlo + "gnp.exe"),
                                        testing::Day(2025, 3, 2), a);
  Statement s3 =
      testing::MakeStatement(entity("person:fa", persian), "invited",
                             entity("person:quotes", quotes), testing::Day(2025, 3, 3), a);
  {
    std::ofstream lines(dir / "hostile.jsonl");
    for (const Statement& s : {s1, s2, s3}) lines << StatementToExtractJson(s).dump() << "\n";
  }
  const std::string db = dir / "hostile.db";
  REQUIRE(Run("ingest -q --statements --db " + Quote(db) + " " + Quote(dir / "hostile.jsonl"))
              .exit_code == 0);
  const std::map<std::string, std::string> names = {
      {"person:calc", formula},
      {"person:img", markup},
      {"person:rlo", "Evil" + rlo + "gnp.exe\u202C"},  // the override closed within the name
      {"person:fa", persian},
      {"person:quotes", quotes}};

  Export(db, "--format graphml", dir / "h.graphml");
  RequireValidXml(dir / "h.graphml", "graphml-1.0/graphml.xsd");
  CHECK(RunPython(kReadGraphml, dir / "h.graphml")["names"] == json(names));

  Export(db, "--format gexf", dir / "h.gexf");
  RequireValidXml(dir / "h.gexf", "gexf-1.3/gexf.xsd");
  const json gexf = RunPython(kReadGexf, dir / "h.gexf");
  for (const auto& [id, name] : names) CHECK(gexf["node_data"][id]["label"] == name);

  Export(db, "--format dot", dir / "h.dot");
  const std::string svg = RequireDot(dir / "h.dot");
  CHECK(svg.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(svg.find("Say &quot;hi&quot; \\ \\N &amp; done\\<") != std::string::npos);

  Export(db, "--format ntriples", dir / "h.nt");
  Export(db, "--format turtle", dir / "h.ttl");
  CHECK(RequireRdf(dir / "h.nt", "ntriples") == RequireRdf(dir / "h.ttl", "turtle"));
  CHECK(CanonicalTriples(dir / "h.nt", "ntriples") == CanonicalTriples(dir / "h.ttl", "turtle"));

  for (const std::string format : {"cyjs", "jsonld", "timelinejs"}) {
    Export(db, "--format " + format, dir / ("h." + format));
    const std::string text = Slurp(dir / ("h." + format));
    CHECK(text.find(rlo) == std::string::npos);  // written \u202E
    CHECK(text.find(persian) != std::string::npos);
  }
  std::map<std::string, std::string> cyjs_names;
  const json cyjs = json::parse(Slurp(dir / "h.cyjs"));
  for (const json& n : cyjs["elements"]["nodes"]) cyjs_names[n["data"]["id"]] = n["data"]["name"];
  CHECK(cyjs_names == names);

  REQUIRE(
      Run("export -q --format neo4j --db " + Quote(db) + " -o " + Quote(dir / "neo")).exit_code ==
      0);
  const auto rows = CsvRows(Slurp(dir / "neo/nodes.csv"));
  std::map<std::string, std::string> csv_names;
  for (size_t i = 1; i < rows.size(); ++i) csv_names[rows[i][0]] = rows[i][3];
  auto neutral = names;
  neutral["person:calc"] = "'" + formula;  // a spreadsheet must not run it
  CHECK(csv_names == neutral);
  const auto edge_rows = CsvRows(Slurp(dir / "neo/edges.csv"));
  const auto publisher =
      std::find(edge_rows[0].begin(), edge_rows[0].end(), "publisher") - edge_rows[0].begin();
  CHECK(edge_rows[1][publisher] == "'@SUM(1+1)");
}
