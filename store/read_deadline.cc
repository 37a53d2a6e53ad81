#include "store/read_deadline.h"

namespace diplograph {

namespace {
// Reads between looks at the clock: a point read costs a microsecond or
// more, a scan step some tens of nanoseconds, a clock read twenty.
constexpr uint32_t kReadsPerCheck = 256;
}  // namespace

thread_local ReadDeadline* ReadDeadline::current_ = nullptr;

ReadDeadline::ReadDeadline(std::chrono::milliseconds limit)
    : outer_(current_),
      end_(std::chrono::steady_clock::now() + limit),
      limit_(limit),
      countdown_(1) {
  current_ = this;
}

ReadDeadline::~ReadDeadline() { current_ = outer_; }

void ReadDeadline::CheckClock() {
  countdown_ = kReadsPerCheck;
  if (std::chrono::steady_clock::now() > end_)
    throw DeadlineExceeded("the query ran past its limit of " + std::to_string(limit_.count()) +
                           " ms");
}

}  // namespace diplograph
