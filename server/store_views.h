// StoreViews: the store as the server reads it, one consistent view per request, renewed as it
// changes.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"

namespace diplograph {

class StoreViews {
 public:
  // Read-only: another process may ingest meanwhile. Refresh() opens a new
  // view when the store's files have changed; requests still holding the
  // old one finish on it.
  static std::unique_ptr<StoreViews> OpenReadOnly(const std::string& path);
  // Writable: the server's own ingest writes, and reads wait for a write to
  // end, so a request sees each article wholly or not at all.
  static std::unique_ptr<StoreViews> OpenWritable(const std::string& path);
  ~StoreViews();
  StoreViews(const StoreViews&) = delete;
  StoreViews& operator=(const StoreViews&) = delete;

  class View {
   public:
    const Store& store() const { return *store_; }
    // The same store, for what outlives the request (a cache's key).
    const std::shared_ptr<const Store>& shared() const { return store_; }

   private:
    friend class StoreViews;
    std::shared_ptr<const Store> store_;
    std::shared_lock<std::shared_mutex> lock_;  // held only over a writable store
  };
  View Read() const;

  bool writable() const { return writable_; }
  // Runs fn on the store with no request reading it. Writable only.
  void Write(const std::function<void(Store&)>& fn);

  // Read-only: reopens the store when its files differ from those of the
  // current view; whether it did. Keeps the current view if the open fails.
  bool Refresh();
  // Calls Refresh every `period` on a thread of its own until destroyed.
  void RefreshEvery(std::chrono::milliseconds period);

 private:
  StoreViews(std::string path, bool writable) : path_(std::move(path)), writable_(writable) {}

  const std::string path_;
  const bool writable_;
  mutable std::mutex mu_;  // guards current_ and files_
  std::shared_ptr<Store> current_;
  std::vector<std::string> files_;  // the store's files when current_ was opened
  mutable std::shared_mutex write_mu_;

  std::mutex stop_mu_;
  std::condition_variable stop_cv_;
  bool stop_ = false;
  std::thread refresher_;
};

}  // namespace diplograph
