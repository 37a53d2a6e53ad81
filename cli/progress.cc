#include "cli/progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace diplograph {

namespace {

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// h:mm:ss or m:ss.
std::string Duration(double seconds) {
  const auto s = static_cast<unsigned long long>(seconds + 0.5);
  char buf[64];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%llu:%02llu:%02llu", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%llu:%02llu", s / 60, s % 60);
  return buf;
}

size_t TerminalWidth() {
  winsize ws{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

}  // namespace

std::string FormatProgress(const IngestProgress& p, double elapsed_seconds, size_t width) {
  std::optional<double> fraction;
  if (p.total_bytes && *p.total_bytes > 0)
    fraction = std::min(1.0, static_cast<double>(p.bytes) / static_cast<double>(*p.total_bytes));

  std::string text = "file " + std::to_string(p.file) + "/" + std::to_string(p.files) + "  " +
                     std::to_string(p.articles) + " article" + (p.articles == 1 ? "" : "s");
  if (elapsed_seconds > 0)
    text += "  " + Fixed(static_cast<double>(p.articles) / elapsed_seconds, 1) + " articles/s";
  text += "  " + std::to_string(p.statements) + " statements";
  if (fraction) {
    // From the bytes done so far: rough at first, honest about being so.
    text += *fraction > 0 && elapsed_seconds > 0
                ? "  ETA " + Duration(elapsed_seconds * (1 - *fraction) / *fraction)
                : "  ETA --";
  }

  std::string line;
  if (fraction) {
    line = std::to_string(static_cast<int>(*fraction * 100)) + "% ";
    // The bar takes what room the text leaves, up to 20 columns.
    const size_t used = line.size() + 3 + text.size();
    const size_t room = width > used + 1 ? width - used - 1 : 0;
    const size_t bar = std::min<size_t>(room, 20);
    if (bar >= 5) {
      const auto full = static_cast<size_t>(*fraction * static_cast<double>(bar));
      line += "[" + std::string(full, '#') + std::string(bar - full, '.') + "] ";
    }
  }
  line += text;
  // Writing the last column makes some terminals wrap, and '\r' then
  // returns to the wrong row.
  if (width > 0 && line.size() >= width) line.resize(width - 1);
  return line;
}

ProgressLine::ProgressLine(bool wanted) : active_(wanted && isatty(STDERR_FILENO)) {}

ProgressLine::~ProgressLine() { Clear(); }

void ProgressLine::Update(const IngestProgress& p, double elapsed_seconds) {
  if (!active_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ > 0 && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  const std::string line = FormatProgress(p, elapsed_seconds, TerminalWidth());
  // Spaces blank what a longer previous line left behind.
  std::string out = "\r" + line;
  if (line.size() < drawn_) out += std::string(drawn_ - line.size(), ' ');
  std::cerr << out << std::flush;
  drawn_ = line.size();
}

void ProgressLine::Clear() {
  if (!active_ || drawn_ == 0) return;
  std::cerr << '\r' << std::string(drawn_, ' ') << '\r' << std::flush;
  drawn_ = 0;
}

}  // namespace diplograph
