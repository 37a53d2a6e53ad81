// Api: the JSON API's endpoints over a store, apart from HTTP so that tests can call them directly.
#pragma once

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <string>

#include "extractors/pipeline.h"
#include "server/projection_cache.h"
#include "server/store_views.h"

namespace diplograph {

struct ApiLimits {
  std::chrono::milliseconds query_timeout{10'000};
  size_t max_request_bytes = size_t{8} << 20;
};

struct ApiRequest {
  std::string method;  // GET, POST, ...
  std::string path;    // /api/...
  std::multimap<std::string, std::string> params;
  std::string body;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  // A download: its content is this file's, from the start (the file is
  // already unlinked and goes when the last holder closes it), and the
  // name the browser saves it under.
  std::shared_ptr<std::FILE> file;
  std::string filename;
};

class Api {
 public:
  // `extractor` null: POST /api/ingest is refused.
  Api(StoreViews* views, const ApiLimits& limits, const Extractor* extractor);

  // Every failure, a store fault included, is a JSON error response.
  ApiResponse Handle(const ApiRequest& request) const;

 private:
  StoreViews* views_;
  const ApiLimits limits_;
  const Extractor* extractor_;
  mutable ProjectionCache projections_;  // shared by the requests' threads; locks inside
};

}  // namespace diplograph
