// diplograph: diplomatic news in, a knowledge graph out.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"
#include "core/error.h"

int main(int argc, char** argv) {
  CLI::App app{
      "diplograph: extracts who did what to whom from diplomatic news, keeps it in a "
      "knowledge graph, and answers questions about it"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "diplograph 0.1.0");
  diplograph::AddExtractCommand(app);
  diplograph::AddIngestCommand(app);
  diplograph::AddStatsCommand(app);
  diplograph::AddQueryCommand(app);
  diplograph::AddRelationsCommand(app);
  diplograph::AddNeighborsCommand(app);
  diplograph::AddPathCommand(app);
  diplograph::AddTopCommand(app);
  diplograph::AddTimelineCommand(app);
  diplograph::AddEntitiesCommand(app);
  diplograph::AddCheckCommand(app);
  diplograph::AddForgetCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const diplograph::FailedExit&) {
    return 1;
  } catch (const diplograph::Error& e) {
    std::cerr << "diplograph: " << e.what() << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "diplograph: unexpected error: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
