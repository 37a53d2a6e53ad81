// `diplograph entities --search TEXT`: find entities by any of their names.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "queries/entity_search.h"
#include "queries/result_json.h"

namespace diplograph {

namespace {

// Every name but the display name, "; " between them.
std::string OtherNames(const Entity& e) {
  std::string others;
  for (const auto& n : e.names) {
    if (n == e.name) continue;
    if (!others.empty()) others += "; ";
    others += n;
  }
  return others;
}

}  // namespace

void AddEntitiesCommand(CLI::App& app) {
  struct Args {
    std::string search, db;
    size_t limit = 20;
    OutputFormat format = OutputFormat::kTable;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd =
      app.add_subcommand("entities", "find entities by the beginning or a part of any name");
  cmd->add_option("--search", args->search, "text to look for, in any language or spelling")
      ->required();
  cmd->add_option("--limit", args->limit, "at most this many")->capture_default_str();
  AddDbOption(cmd, &args->db);
  AddFormatOption(cmd, &args->format);
  cmd->callback([args] {
    const auto store = OpenForQuery(args->db);
    const auto hits = SearchEntities(*store, args->search, args->limit);
    if (IsDelimited(args->format)) {
      DelimitedWriter rows(std::cout, args->format,
                           {"id", "type", "name", "statements", "other_names"});
      for (const auto& h : hits)
        rows.Row({h.entity.id, EntityTypeName(h.entity.type), h.entity.name,
                  std::to_string(h.degree), OtherNames(h.entity)});
      return;
    }
    if (IsJson(args->format)) {
      nlohmann::json array = nlohmann::json::array();
      for (const auto& h : hits) array.push_back(EntityHitToJson(h));
      PrintJsonArray(std::cout, array, args->format);
      return;
    }
    if (hits.empty()) {
      std::cout << "no entities match\n";
      return;
    }
    Table t({"ID", "TYPE", "NAME", "STATEMENTS", "OTHER NAMES"});
    for (const auto& h : hits)
      t.AddRow({h.entity.id, EntityTypeName(h.entity.type), EntityCell(h.entity),
                std::to_string(h.degree), Truncate(OtherNames(h.entity), 50)});
    t.Print(std::cout);
  });
}

}  // namespace diplograph
