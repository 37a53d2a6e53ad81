#include "server/projection_cache.h"

namespace diplograph {

std::shared_ptr<const GraphProjection> ProjectionCache::Get(
    const std::shared_ptr<const Store>& store, const Filter& filter,
    const std::string& filter_key) {
  std::lock_guard lock(mu_);
  // The same control block: the very view, not one at a reused address.
  const bool same_view = !store_.owner_before(store) && !store.owner_before(store_);
  if (projection_ && same_view && version_ == store->Version() && filter_key_ == filter_key)
    return projection_;
  projection_.reset();
  auto built = std::make_shared<const GraphProjection>(*store, filter);
  store_ = store;
  version_ = store->Version();
  filter_key_ = filter_key;
  projection_ = built;
  return built;
}

}  // namespace diplograph
