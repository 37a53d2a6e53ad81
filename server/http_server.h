// HttpServer: `serve`'s HTTP side — routes, security headers and limits around the Api and the web
// app.
#pragma once

#include <iosfwd>
#include <string>

#include "server/api.h"

namespace diplograph {

struct ServeOptions {
  std::string db;
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0: any free port
  bool allow_ingest = false;
  ApiLimits limits;
};

// Opens the store and serves until SIGINT or SIGTERM. Once listening, writes
// "listening on http://HOST:PORT/" and a newline to `out` and flushes it.
// Error when the store cannot be opened or the address not bound.
void Serve(const ServeOptions& options, std::ostream& out);

}  // namespace diplograph
