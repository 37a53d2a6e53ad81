// `diplograph top`: the most central entities, by degree, betweenness or PageRank.
#include <cctype>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "core/json_io.h"
#include "queries/centrality.h"
#include "queries/graph_projection.h"

namespace diplograph {

namespace {

std::string ScoreCell(Centrality by, double score) {
  char text[32];
  std::snprintf(text, sizeof text, by == Centrality::kPageRank ? "%.4g" : "%.1f", score);
  return text;
}

void PrintRanking(const Ranking& ranking, Centrality by, OutputFormat format) {
  if (IsDelimited(format)) {
    DelimitedWriter rows(std::cout, format,
                         {"rank", "id", "type", "name", "score", "statements", "exact"});
    for (size_t i = 0; i < ranking.entities.size(); ++i) {
      const RankedEntity& r = ranking.entities[i];
      rows.Row({std::to_string(i + 1), r.entity.id, EntityTypeName(r.entity.type), r.entity.name,
                FormatNumber(r.score), std::to_string(r.statements),
                ranking.exact ? "true" : "false"});
    }
    return;
  }
  if (IsJson(format)) {
    nlohmann::json array = nlohmann::json::array();
    for (size_t i = 0; i < ranking.entities.size(); ++i) {
      const RankedEntity& r = ranking.entities[i];
      array.push_back({{"rank", i + 1},
                       {"entity", EntityToJson(r.entity)},
                       {"score", r.score},
                       {"statements", r.statements},
                       {"exact", ranking.exact}});
    }
    PrintJsonArray(std::cout, array, format);
    return;
  }
  if (ranking.entities.empty()) {
    std::cout << "no entities\n";
    return;
  }
  // By degree the score is the statement count: one column says it.
  std::vector<std::string> headers = {"RANK", "ENTITY", "TYPE", "ID"};
  if (by != Centrality::kDegree) {
    std::string name = CentralityName(by);
    for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    headers.push_back(name);
  }
  headers.push_back("STATEMENTS");
  Table t(headers);
  for (size_t i = 0; i < ranking.entities.size(); ++i) {
    const RankedEntity& r = ranking.entities[i];
    std::vector<std::string> row = {std::to_string(i + 1), EntityCell(r.entity),
                                    EntityTypeName(r.entity.type), r.entity.id};
    if (by != Centrality::kDegree) row.push_back(ScoreCell(by, r.score));
    row.push_back(std::to_string(r.statements));
    t.AddRow(std::move(row));
  }
  t.Print(std::cout);
  if (!ranking.exact)
    std::cout << "betweenness estimated from " << ranking.sources << " of " << ranking.vertices
              << " entities as sources (exact up to --sources)\n";
}

}  // namespace

void AddTopCommand(CLI::App& app) {
  struct Args {
    std::string db, by = "degree", type;
    TopOptions options;
    OutputFormat format = OutputFormat::kTable;
    FilterOptions filter;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "top",
      "the most central entities: by statement count (degree), by the shortest chains through "
      "them (betweenness), or by PageRank, statements taken either way");
  std::vector<std::string> measures, types;
  for (auto c : {Centrality::kDegree, Centrality::kBetweenness, Centrality::kPageRank})
    measures.push_back(CentralityName(c));
  for (auto t : {EntityType::kPerson, EntityType::kCountry, EntityType::kOrganization,
                 EntityType::kPlace, EntityType::kEvent})
    types.push_back(EntityTypeName(t));
  cmd->add_option("--by", args->by, "degree, betweenness or pagerank")
      ->transform(CLI::IsMember(measures, CLI::ignore_case))
      ->capture_default_str();
  cmd->add_option("--type", args->type, "only entities of this type")
      ->transform(CLI::IsMember(types, CLI::ignore_case));
  cmd->add_option("--limit", args->options.limit, "at most this many entities (0: all)")
      ->capture_default_str();
  cmd->add_option("--sources", args->options.sources,
                  "betweenness on graphs with more entities is estimated from this many "
                  "sources, drawn with a fixed seed")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  AddDbOption(cmd, &args->db);
  AddFormatOption(cmd, &args->format);
  AddFilterOptions(cmd, &args->filter);
  cmd->callback([args] {
    args->options.by = *ParseCentrality(args->by);
    if (!args->type.empty()) args->options.type = ParseEntityType(args->type);
    const Filter filter = args->filter.ToFilter();
    const auto store = OpenForQuery(args->db);
    const GraphProjection graph(*store, filter);
    PrintRanking(TopEntities(*store, graph, args->options), args->options.by, args->format);
  });
}

}  // namespace diplograph
