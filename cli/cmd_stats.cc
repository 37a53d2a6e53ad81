// `diplograph stats`: how much the store holds.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/output.h"

namespace diplograph {

void AddStatsCommand(CLI::App& app) {
  struct Args {
    std::string db;
    OutputFormat format = OutputFormat::kTable;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("stats", "count articles, statements, entities and sources");
  AddDbOption(cmd, &args->db);
  AddFormatOption(cmd, &args->format);
  cmd->callback([args] {
    const auto store = OpenForQuery(args->db);
    const StoreStats s = store->Stats();
    if (args->format != OutputFormat::kTable) {
      nlohmann::json j = {{"articles", s.articles},
                          {"statements", s.statements},
                          {"entities", s.entities},
                          {"provenance", s.provenance},
                          {"predicates", s.predicates}};
      std::cout << j.dump(args->format == OutputFormat::kJson ? 2 : -1) << '\n';
      return;
    }
    Table t({"WHAT", "COUNT"});
    t.AddRow({"articles", std::to_string(s.articles)});
    t.AddRow({"statements", std::to_string(s.statements)});
    t.AddRow({"entities", std::to_string(s.entities)});
    t.AddRow({"provenance", std::to_string(s.provenance)});
    for (const auto& [p, n] : s.predicates) t.AddRow({"  " + p, std::to_string(n)});
    t.Print(std::cout);
  });
}

}  // namespace diplograph
