// `diplograph relations A B`: every statement between two entities.
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "queries/relations.h"

namespace diplograph {

void AddRelationsCommand(CLI::App& app) {
  struct Args {
    std::string a, b, db;
    OutputFormat format = OutputFormat::kTable;
    FilterOptions filter;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "relations", "every statement between two entities, both directions, by date");
  cmd->add_option("a", args->a, "entity: id, name or alias in any language")->required();
  cmd->add_option("b", args->b, "the other entity")->required();
  AddDbOption(cmd, &args->db);
  AddFormatOption(cmd, &args->format);
  AddFilterOptions(cmd, &args->filter);
  cmd->callback([args] {
    const Filter filter = args->filter.ToFilter();
    const auto store = OpenForQuery(args->db);
    const Entity a = ResolveOne(*store, args->a);
    const Entity b = ResolveOne(*store, args->b);
    PrintStatements(Relations(*store, a.id, b.id, filter), args->format);
  });
}

}  // namespace diplograph
