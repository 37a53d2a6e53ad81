// Commands: one function per subcommand, each defined in its own cmd_*.cc file.
#pragma once

#include <CLI/CLI.hpp>

namespace diplograph {

// Thrown by a command that has already reported its errors on stderr and
// only needs the process to exit non-zero.
struct FailedExit {};

void AddExtractCommand(CLI::App& app);
void AddIngestCommand(CLI::App& app);
void AddStatsCommand(CLI::App& app);
void AddQueryCommand(CLI::App& app);
void AddRelationsCommand(CLI::App& app);
void AddNeighborsCommand(CLI::App& app);
void AddPathCommand(CLI::App& app);
void AddTopCommand(CLI::App& app);
void AddTimelineCommand(CLI::App& app);
void AddEntitiesCommand(CLI::App& app);
void AddCheckCommand(CLI::App& app);
void AddForgetCommand(CLI::App& app);
void AddExportCommand(CLI::App& app);
void AddServeCommand(CLI::App& app);

}  // namespace diplograph
