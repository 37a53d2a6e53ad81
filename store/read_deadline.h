// ReadDeadline: a time limit on the store reads of one thread, so a server can stop a query that
// runs on.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "core/error.h"

namespace diplograph {

// Thrown by a store read made after the calling thread's deadline.
class DeadlineExceeded : public Error {
 public:
  explicit DeadlineExceeded(const std::string& message) : Error(message) {}
};

// While one lives, the store's reads on this thread throw DeadlineExceeded
// once `limit` has passed. The clock is read once every few hundred reads,
// so a scan pays almost nothing for it. Scopes nest; the inner one rules.
class ReadDeadline {
 public:
  explicit ReadDeadline(std::chrono::milliseconds limit);
  ~ReadDeadline();
  ReadDeadline(const ReadDeadline&) = delete;
  ReadDeadline& operator=(const ReadDeadline&) = delete;

  // Called by the store before each read; cheap when no deadline is set.
  static void Check() {
    if (current_ && --current_->countdown_ == 0) current_->CheckClock();
  }

 private:
  void CheckClock();

  static thread_local ReadDeadline* current_;
  ReadDeadline* outer_;
  std::chrono::steady_clock::time_point end_;
  std::chrono::milliseconds limit_;
  uint32_t countdown_;
};

}  // namespace diplograph
