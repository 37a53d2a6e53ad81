// ProjectionCache: the graph projection path requests need, kept while the store view and filter
// stay.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "queries/graph_projection.h"

namespace diplograph {

class ProjectionCache {
 public:
  // The projection of `store` under `filter`; built, and kept in place of
  // the last one, unless that was for the same view, version and
  // `filter_key` (a text that tells filters apart). Requests wait for one
  // build rather than run several.
  std::shared_ptr<const GraphProjection> Get(const std::shared_ptr<const Store>& store,
                                             const Filter& filter, const std::string& filter_key);

 private:
  std::mutex mu_;
  std::weak_ptr<const Store> store_;  // weak: a cached projection keeps no old view open
  uint64_t version_ = 0;
  std::string filter_key_;
  std::shared_ptr<const GraphProjection> projection_;
};

}  // namespace diplograph
