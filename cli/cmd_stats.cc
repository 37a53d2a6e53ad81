// `diplograph stats`: how much the store holds.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/output.h"
#include "queries/result_json.h"

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
    if (IsJson(args->format)) {
      std::cout << StatsToJson(s).dump(args->format == OutputFormat::kJson ? 2 : -1) << '\n';
      return;
    }
    const bool table = args->format == OutputFormat::kTable;
    std::vector<std::pair<std::string, uint64_t>> counts = {{"articles", s.articles},
                                                            {"statements", s.statements},
                                                            {"entities", s.entities},
                                                            {"provenance", s.provenance}};
    // Under the statements in the table; as the JSON's keys in CSV and TSV.
    for (const auto& [p, n] : s.predicates)
      counts.push_back({(table ? "  " : "predicates.") + p, n});
    if (table) {
      Table t({"WHAT", "COUNT"});
      for (const auto& [what, n] : counts) t.AddRow({what, std::to_string(n)});
      t.Print(std::cout);
      return;
    }
    DelimitedWriter rows(std::cout, args->format, {"what", "count"});
    for (const auto& [what, n] : counts) rows.Row({what, std::to_string(n)});
  });
}

}  // namespace diplograph
