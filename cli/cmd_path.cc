// `diplograph path A B`: the shortest chain of statements linking two entities.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "core/predicate.h"
#include "queries/graph_projection.h"
#include "queries/path.h"
#include "queries/query_error.h"
#include "queries/result_json.h"

namespace diplograph {

namespace {

void PrintPath(const Path& path, OutputFormat format, size_t max_length) {
  if (IsDelimited(format)) {
    // One row per edge: the nodes are its subjects and objects.
    std::vector<std::string> headers = {"step", "direction"};
    for (std::string& c : StatementColumns()) headers.push_back(std::move(c));
    DelimitedWriter rows(std::cout, format, headers);
    for (size_t i = 0; i < path.edges.size(); ++i) {
      std::vector<std::string> fields = {std::to_string(i + 1),
                                         path.edges[i].forward ? "forward" : "backward"};
      for (std::string& f : StatementFields(path.edges[i].statement))
        fields.push_back(std::move(f));
      rows.Row(fields);
    }
    return;
  }
  if (IsJson(format)) {
    std::cout << PathToJson(path).dump(format == OutputFormat::kJson ? 2 : -1, ' ', false,
                                       nlohmann::json::error_handler_t::replace)
              << '\n';
    return;
  }
  if (path.nodes.empty()) {
    std::cout << "no path";
    if (max_length) std::cout << " of at most " << max_length << " statements";
    std::cout << '\n';
    return;
  }
  if (path.edges.empty()) {
    std::cout << "the same entity: " << path.nodes.front().id << '\n';
    return;
  }
  Table t({"STEP", "DATE", "SUBJECT", "PREDICATE", "OBJECT", "SOURCES", "EVIDENCE"});
  for (size_t i = 0; i < path.edges.size(); ++i) {
    std::vector<std::string> cells = StatementCells(path.edges[i].statement.statement);
    cells.insert(cells.begin(), std::to_string(i + 1));
    t.AddRow(std::move(cells));
  }
  t.Print(std::cout);
}

}  // namespace

void AddPathCommand(CLI::App& app) {
  struct Args {
    std::string a, b, db;
    PathOptions options;
    OutputFormat format = OutputFormat::kTable;
    FilterOptions filter;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "path",
      "the shortest chain of statements linking two entities, each statement either way; "
      "JSON: {\"nodes\": [...], \"edges\": [...]}, an edge \"forward\" when the node before it "
      "is its subject");
  cmd->add_option("a", args->a, "entity: id, name or alias in any language")->required();
  cmd->add_option("b", args->b, "the other entity")->required();
  cmd->add_option("--via", args->options.via, "only statements with this predicate (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--max-length", args->options.max_length,
                  "at most this many statements on the chain (0: any)");
  AddDbOption(cmd, &args->db);
  AddFormatOption(cmd, &args->format);
  AddFilterOptions(cmd, &args->filter);
  cmd->callback([args] {
    const Filter filter = args->filter.ToFilter();
    for (const auto& p : args->options.via)
      if (!FindPredicate(p))
        throw QueryError(QueryFailure::kInvalidFilter, "--via: unknown predicate \"" + p + "\"");
    const auto store = OpenForQuery(args->db);
    const Entity a = ResolveOne(*store, args->a);
    const Entity b = ResolveOne(*store, args->b);
    const GraphProjection graph(*store, filter);
    PrintPath(ShortestPath(*store, graph, a.id, b.id, args->options), args->format,
              args->options.max_length);
  });
}

}  // namespace diplograph
