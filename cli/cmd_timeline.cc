// `diplograph timeline X [--with Y]`: an entity's statements in date order.
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "queries/timeline.h"

namespace diplograph {

void AddTimelineCommand(CLI::App& app) {
  struct Args {
    std::string entity, with, db;
    OutputFormat format = OutputFormat::kTable;
    FilterOptions filter;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("timeline", "an entity's statements by date, undated last");
  cmd->add_option("entity", args->entity, "entity: id, name or alias in any language")->required();
  cmd->add_option("--with", args->with, "only statements that also involve this entity");
  AddDbOption(cmd, &args->db);
  AddFormatOption(cmd, &args->format);
  AddFilterOptions(cmd, &args->filter);
  cmd->callback([args] {
    const Filter filter = args->filter.ToFilter();
    const auto store = OpenForQuery(args->db);
    const Entity e = ResolveOne(*store, args->entity);
    std::string other;
    if (!args->with.empty()) other = ResolveOne(*store, args->with).id;
    PrintStatements(Timeline(*store, e.id, filter, other), args->format);
  });
}

}  // namespace diplograph
