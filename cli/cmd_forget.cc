// `diplograph forget`: removes an article and whatever only it supported.
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "core/error.h"

namespace diplograph {

void AddForgetCommand(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  auto ids = std::make_shared<std::vector<std::string>>();
  auto quiet = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "forget",
      "remove articles: their sources, the statements only they reported, and the entities "
      "nothing else names");
  cmd->add_option("article", *ids, "article id (sha256:..., as `extract` and `timeline` show)")
      ->required();
  AddDbOption(cmd, db.get());
  cmd->add_flag("--quiet,-q", *quiet, "print no summary");
  cmd->callback([db, ids, quiet] {
    // Opened only if it exists: forgetting never creates a store.
    OpenForQuery(*db);
    const auto store = Store::Open(*db, OpenMode::kReadWrite);
    bool missing = false;
    for (std::string id : *ids) {
      if (id.rfind("sha256:", 0) != 0) id = "sha256:" + id;
      const ForgetResult r = store->ForgetArticle(id);
      if (!r.found) {
        std::cerr << "diplograph: " << store->path() << ": no article " << id << '\n';
        missing = true;
        continue;
      }
      if (!*quiet)
        std::cerr << "forgot " << id << ": " << r.removed_statements << " statements, "
                  << r.removed_provenance << " sources of statements other articles report, "
                  << r.removed_entities << " entities\n";
    }
    if (missing) throw FailedExit{};
  });
}

}  // namespace diplograph
