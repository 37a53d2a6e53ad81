// Progress: the status line `ingest` redraws on stderr while it runs on a terminal.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace diplograph {

struct IngestProgress {
  size_t file = 0;          // 1-based index of the file last worked on; 0 before any
  size_t files = 0;         // input files in all, known up front
  uint64_t articles = 0;    // done: stored, or found already stored
  uint64_t statements = 0;  // new statements stored
  uint64_t bytes = 0;       // input bytes done (failed files count as done)
  // Unknown when reading stdin; then there is no bar and no ETA. Articles are
  // not known up front (a JSON Lines file holds any number), bytes are.
  std::optional<uint64_t> total_bytes;
};

// One ASCII line of fewer than `width` columns, e.g.
//   41% [########...........] file 3/9  120 articles  41.5 articles/s  812 statements  ETA 0:07
std::string FormatProgress(const IngestProgress& p, double elapsed_seconds, size_t width);

// Redraws the line in place, at most ten times a second, and only when
// stderr is a terminal: a log or a pipe gets no progress at all. Uses '\r'
// and spaces rather than escape codes so that any terminal shows it right.
class ProgressLine {
 public:
  explicit ProgressLine(bool wanted);  // active when wanted and stderr is a terminal
  ~ProgressLine();                     // clears the line
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  bool active() const { return active_; }
  // Redraws unless the last draw is less than 100 ms old.
  void Update(const IngestProgress& p, double elapsed_seconds);
  // Blanks the line, for other output to start at column 0.
  void Clear();

 private:
  bool active_ = false;
  std::chrono::steady_clock::time_point last_{};
  size_t drawn_ = 0;  // columns the current line occupies
};

}  // namespace diplograph
