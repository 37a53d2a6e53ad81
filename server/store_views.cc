#include "server/store_views.h"

#include <algorithm>
#include <filesystem>
#include <utility>

#include "core/error.h"

namespace diplograph {

namespace {

// Name, size and modification time of each file in the store's folder:
// every write changes one (the log grows, tables and manifests come and go).
std::vector<std::string> StoreFiles(const std::string& path) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code entry_ec;
    const uint64_t size = it->file_size(entry_ec);
    const auto time = it->last_write_time(entry_ec).time_since_epoch().count();
    files.push_back(it->path().filename().string() + '\t' + std::to_string(size) + '\t' +
                    std::to_string(time));
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::unique_ptr<StoreViews> StoreViews::OpenReadOnly(const std::string& path) {
  std::unique_ptr<StoreViews> views(new StoreViews(path, /*writable=*/false));
  views->files_ = StoreFiles(path);
  views->current_ = Store::Open(path, OpenMode::kReadOnly);
  return views;
}

std::unique_ptr<StoreViews> StoreViews::OpenWritable(const std::string& path) {
  std::unique_ptr<StoreViews> views(new StoreViews(path, /*writable=*/true));
  views->current_ = Store::Open(path, OpenMode::kReadWrite);
  return views;
}

StoreViews::~StoreViews() {
  {
    std::lock_guard lock(stop_mu_);
    stop_ = true;
  }
  stop_cv_.notify_all();
  if (refresher_.joinable()) refresher_.join();
}

StoreViews::View StoreViews::Read() const {
  View view;
  if (writable_) view.lock_ = std::shared_lock(write_mu_);
  std::lock_guard lock(mu_);
  view.store_ = current_;
  return view;
}

void StoreViews::Write(const std::function<void(Store&)>& fn) {
  if (!writable_) throw Error(path_ + ": the store is open read-only");
  std::unique_lock lock(write_mu_);
  fn(*current_);
}

bool StoreViews::Refresh() {
  if (writable_) return false;
  std::vector<std::string> files = StoreFiles(path_);
  {
    std::lock_guard lock(mu_);
    if (files == files_) return false;
  }
  std::shared_ptr<Store> fresh;
  try {
    fresh = Store::Open(path_, OpenMode::kReadOnly);
  } catch (const Error&) {
    // Mid-write states the reader's open does not settle: the next look retries.
    return false;
  }
  // The old view closes outside the lock, when its last request ends.
  std::shared_ptr<Store> old;
  std::lock_guard lock(mu_);
  old = std::exchange(current_, std::move(fresh));
  files_ = std::move(files);
  return true;
}

void StoreViews::RefreshEvery(std::chrono::milliseconds period) {
  refresher_ = std::thread([this, period] {
    std::unique_lock lock(stop_mu_);
    while (!stop_cv_.wait_for(lock, period, [this] { return stop_; })) {
      lock.unlock();
      Refresh();
      lock.lock();
    }
  });
}

}  // namespace diplograph
