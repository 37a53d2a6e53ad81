// `diplograph check`: verifies every index against the statements.
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"

namespace diplograph {

void AddCheckCommand(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "check", "verify the store's indexes and counters; exit 0 only when consistent");
  AddDbOption(cmd, db.get());
  cmd->callback([db] {
    const auto store = OpenForQuery(*db);
    const CheckReport report = store->Check();
    for (const std::string& p : report.problems) std::cout << p << '\n';
    if (report.unlisted) std::cout << "... and " << report.unlisted << " more problems\n";
    if (!report.ok()) {
      std::cerr << "diplograph: " << store->path() << ": "
                << report.problems.size() + report.unlisted << " problems found\n";
      throw FailedExit{};
    }
    const StoreStats& c = report.counted;
    std::cout << store->path() << ": consistent (" << c.articles << " articles, " << c.statements
              << " statements, " << c.entities << " entities, " << c.provenance << " sources)\n";
  });
}

}  // namespace diplograph
