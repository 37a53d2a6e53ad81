// `diplograph serve`: the web workspace and its JSON API over a store (docs/API.md).
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "server/http_server.h"

namespace diplograph {

void AddServeCommand(CLI::App& app) {
  struct Args {
    ServeOptions options;
    int64_t timeout_ms = 10'000;
    size_t max_request_bytes = size_t{8} << 20;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "a web workspace over the store: search, graph, evidence, path, timeline, export");
  AddDbOption(cmd, &args->options.db);
  cmd->add_option("--port", args->options.port, "TCP port (0: any free one)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--bind", args->options.bind,
                  "address to listen on; anything but loopback lets others read the store")
      ->capture_default_str();
  cmd->add_flag("--allow-ingest", args->options.allow_ingest,
                "open the store for writing and accept POST /api/ingest");
  cmd->add_option("--query-timeout", args->timeout_ms, "milliseconds a query may run")
      ->check(CLI::Range(int64_t{1}, int64_t{3'600'000}))
      ->capture_default_str();
  cmd->add_option("--max-request-bytes", args->max_request_bytes, "largest request body accepted")
      ->check(CLI::Range(size_t{1024}, size_t{1} << 30))
      ->capture_default_str();
  cmd->callback([args] {
    args->options.limits.query_timeout = std::chrono::milliseconds(args->timeout_ms);
    args->options.limits.max_request_bytes = args->max_request_bytes;
    Serve(args->options, std::cout);
  });
}

}  // namespace diplograph
