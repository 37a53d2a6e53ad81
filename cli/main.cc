// diplograph: diplomatic news in, a knowledge graph out.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"
#include "core/error.h"
#include "queries/query_error.h"

namespace {

// The exit status tells a script what went wrong; the README's query section
// and --help list them.
enum ExitCode : int {
  kSuccess = 0,  // an empty result too
  kFailure = 1,  // the store missing or unreadable, I/O, an unusable article
  kUsage = 2,    // CLI11 rejected the command line
  kUnknownEntity = 3,
  kAmbiguousEntity = 4,
  kMalformedPattern = 5,
  kInvalidFilter = 6,
};

constexpr const char* kExitCodes =
    "Exit status: 0 success, also when nothing matches; 1 error (store missing or unreadable, "
    "I/O, bad article); 2 usage (unknown option, missing or mistyped argument); 3 unknown "
    "entity; 4 ambiguous entity (the candidates are listed); 5 malformed pattern; 6 invalid "
    "filter (bad date, --from after --to, unknown predicate, confidence outside 0..1).";

int ExitCodeOf(diplograph::QueryFailure failure) {
  switch (failure) {
    case diplograph::QueryFailure::kUnknownEntity:
      return kUnknownEntity;
    case diplograph::QueryFailure::kAmbiguousEntity:
      return kAmbiguousEntity;
    case diplograph::QueryFailure::kMalformedPattern:
      return kMalformedPattern;
    case diplograph::QueryFailure::kInvalidFilter:
      return kInvalidFilter;
  }
  return kFailure;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "diplograph: extracts who did what to whom from diplomatic news, keeps it in a "
      "knowledge graph, and answers questions about it"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "diplograph 0.1.0");
  app.footer(kExitCodes);
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
  diplograph::AddExportCommand(app);
  diplograph::AddServeCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 has a code per kind of parse error (105, 106, ...); one is
    // enough to say the command line was wrong. --help and --version are 0.
    return app.exit(e) == kSuccess ? kSuccess : kUsage;
  } catch (const diplograph::FailedExit&) {
    return kFailure;
  } catch (const diplograph::QueryError& e) {
    std::cerr << "diplograph: " << e.what() << '\n';
    return ExitCodeOf(e.failure());
  } catch (const diplograph::Error& e) {
    std::cerr << "diplograph: " << e.what() << '\n';
    return kFailure;
  } catch (const std::exception& e) {
    std::cerr << "diplograph: unexpected error: " << e.what() << '\n';
    return kFailure;
  }
  return kSuccess;
}
