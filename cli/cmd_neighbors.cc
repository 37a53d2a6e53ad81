// `diplograph neighbors X`: the entities around an entity.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "queries/neighbors.h"
#include "queries/result_json.h"

namespace diplograph {

namespace {

// "met->, <-invited x2": each predicate linking the entity, with its direction.
std::string Summary(const Neighbor& n) {
  std::string out;
  for (const PredicateCount& p : n.predicates) {
    if (!out.empty()) out += ", ";
    out += (p.outgoing ? "" : "<-") + p.predicate + (p.outgoing ? "->" : "");
    if (p.count > 1) out += " x" + std::to_string(p.count);
  }
  return out;
}

}  // namespace

void AddNeighborsCommand(CLI::App& app) {
  struct Args {
    std::string entity, db;
    int depth = 1;
    size_t limit = 0;
    OutputFormat format = OutputFormat::kTable;
    FilterOptions filter;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd =
      app.add_subcommand("neighbors", "the entities linked to an entity, up to --depth hops");
  cmd->add_option("entity", args->entity, "entity: id, name or alias in any language")->required();
  cmd->add_option("--depth", args->depth, "hops from the entity")
      ->check(CLI::Range(1, 6))
      ->capture_default_str();
  cmd->add_option("--limit", args->limit, "at most this many neighbours (0: all)");
  AddDbOption(cmd, &args->db);
  AddFormatOption(cmd, &args->format);
  AddFilterOptions(cmd, &args->filter);
  cmd->callback([args] {
    const Filter filter = args->filter.ToFilter();
    const auto store = OpenForQuery(args->db);
    const Entity e = ResolveOne(*store, args->entity);
    const auto found = Neighbors(*store, e.id, args->depth, filter, args->limit);
    if (IsDelimited(args->format)) {
      DelimitedWriter rows(std::cout, args->format,
                           {"depth", "id", "type", "name", "links", "predicates"});
      for (const Neighbor& n : found)
        rows.Row({std::to_string(n.depth), n.entity.id, EntityTypeName(n.entity.type),
                  n.entity.name, std::to_string(n.links.size()), Summary(n)});
      return;
    }
    if (IsJson(args->format)) {
      nlohmann::json array = nlohmann::json::array();
      for (const Neighbor& n : found) array.push_back(NeighborToJson(n));
      PrintJsonArray(std::cout, array, args->format);
      return;
    }
    if (found.empty()) {
      std::cout << "no neighbours\n";
      return;
    }
    Table t({"DEPTH", "ENTITY", "TYPE", "ID", "LINKS"});
    for (const Neighbor& n : found)
      t.AddRow({std::to_string(n.depth), EntityCell(n.entity), EntityTypeName(n.entity.type),
                n.entity.id, Summary(n)});
    t.Print(std::cout);
  });
}

}  // namespace diplograph
