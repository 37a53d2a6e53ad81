#include "cli/ingest_pipeline.h"

#include <chrono>
#include <filesystem>

#include "core/error.h"
#include "extractors/article_reader.h"

namespace diplograph {

namespace {

constexpr size_t kHoldBytes = size_t{64} << 20;

// 0 for stdin and for what is not a readable regular file.
uint64_t FileBytes(const std::string& path) {
  if (path == "-") return 0;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : static_cast<uint64_t>(size);
}

}  // namespace

IngestPipeline::IngestPipeline(const Extractor& extractor, const ExtractOptions& options,
                               unsigned threads, size_t max_in_flight)
    : extractor_(extractor),
      options_(options),
      threads_(threads < 1 ? 1 : threads),
      max_in_flight_(max_in_flight ? max_in_flight : size_t{4} * threads_) {}

IngestPipeline::~IngestPipeline() { Stop(); }

std::optional<uint64_t> IngestPipeline::TotalBytes(const std::vector<std::string>& files) {
  uint64_t total = 0;
  for (const std::string& f : files) {
    if (f == "-") return std::nullopt;
    total += FileBytes(f);
  }
  return total;
}

void IngestPipeline::Run(const std::vector<std::string>& files, IngestReceiver& receiver) {
  // Declared before the lock so that it runs after the lock is released:
  // Stop takes the lock itself.
  struct Stopper {
    IngestPipeline* p;
    ~Stopper() { p->Stop(); }
  } stopper{this};

  reader_ = std::thread([this, &files] { ReadFiles(files); });
  for (unsigned i = 0; i < threads_; ++i) workers_.emplace_back([this] { Work(); });

  std::unique_lock lk(mu_);
  const auto next_ready = [this] { return !done_.empty() && done_.begin()->first == next_out_; };
  for (;;) {
    // Admission first, in input order: it is what lets workers start.
    while (!read_.empty()) {
      Read r = std::move(read_.front());
      read_.pop_front();
      if (r.fatal) {
        lk.unlock();
        std::rethrow_exception(r.fatal);
      }
      if (!r.article) {
        Release();
        lk.unlock();
        receiver.FileFailed(r.pos, r.error);
        lk.lock();
        continue;
      }
      lk.unlock();
      const bool admit = receiver.Admit(*r.article, r.pos);
      lk.lock();
      if (admit) {
        jobs_.push_back({next_seq_++, std::move(*r.article), r.pos});
        work_cv_.notify_one();
      } else {
        Release();
      }
    }
    if (next_ready()) {
      Done d = std::move(done_.begin()->second);
      done_.erase(done_.begin());
      ++next_out_;
      Release();
      lk.unlock();
      if (d.error) std::rethrow_exception(d.error);
      receiver.Extracted(std::move(d.meta), std::move(d.statements), d.pos);
      receiver.Tick();
      lk.lock();
      continue;
    }
    if (reader_done_ && read_.empty() && next_out_ == next_seq_) break;
    lk.unlock();
    receiver.Tick();
    lk.lock();
    // The timeout keeps the progress line moving while a long article is extracted.
    main_cv_.wait_for(lk, std::chrono::milliseconds(100), [&] {
      return !read_.empty() || next_ready() || (reader_done_ && next_out_ == next_seq_);
    });
  }
}

void IngestPipeline::ReadFiles(const std::vector<std::string>& files) {
  try {
    for (size_t i = 0; i < files.size(); ++i) ReadFile(files[i], i, FileBytes(files[i]));
  } catch (const Cancelled&) {
    return;
  } catch (...) {
    Read r;
    r.fatal = std::current_exception();
    PushRead(std::move(r), /*wait=*/false);
  }
  std::lock_guard lk(mu_);
  reader_done_ = true;
  main_cv_.notify_one();
}

void IngestPipeline::ReadFile(const std::string& file, size_t index, uint64_t size) {
  const ArticleFormat format = FormatOfPath(file);
  // A JSON Lines file is read a line at a time, twice when it is large; any
  // other file is one article, or stdin, and is read whole.
  const bool stream = format == ArticleFormat::kJsonLines && file != "-";
  std::string content;
  const auto parse = [&](const std::function<void(Article &&)>& sink) {
    if (stream)
      StreamJsonLines(file, sink);
    else
      ParseArticles(content, file, format, sink);
  };
  std::vector<Article> held;
  size_t held_bytes = 0, count = 0;
  bool overflow = false;
  // A file's articles are released only once all of it has parsed, so that a
  // bad line leaves nothing of its file in the store. They are held meanwhile
  // up to kHoldBytes of text; beyond that they are dropped and the file is
  // parsed a second time, to keep memory bounded.
  try {
    if (!stream) content = ReadInput(file);
    parse([&](Article&& a) {
      ++count;
      if (overflow) return;
      held_bytes += a.text.size();
      if (held_bytes > kHoldBytes) {
        overflow = true;
        held = std::vector<Article>();
        return;
      }
      held.push_back(std::move(a));
    });
  } catch (const Error& e) {
    Read r;
    r.error = e.what();
    r.pos = {index, size};
    PushRead(std::move(r), /*wait=*/true);
    return;
  }
  size_t i = 0;
  const auto push = [&](Article&& a) {
    Read r;
    r.article = std::move(a);
    // Integer shares that add up to exactly `size`.
    r.pos = {index, size * (i + 1) / count - size * i / count};
    ++i;
    PushRead(std::move(r), /*wait=*/true);
  };
  if (!overflow) {
    for (Article& a : held) push(std::move(a));
    return;
  }
  held = std::vector<Article>();
  try {
    parse(push);
  } catch (const Error& e) {
    // The file changed between the two readings.
    throw Error(std::string(e.what()) + " (on reading it again)");
  }
}

void IngestPipeline::PushRead(Read&& r, bool wait) {
  bool wake = false;
  {
    std::unique_lock lk(mu_);
    if (wait) {
      space_cv_.wait(lk, [this] { return stop_ || in_flight_ < max_in_flight_; });
      if (stop_) throw Cancelled{};
    }
    ++in_flight_;
    // Run drains the whole queue when it wakes: only the first item needs a wake-up.
    wake = read_.empty();
    read_.push_back(std::move(r));
  }
  if (wake) main_cv_.notify_one();
}

void IngestPipeline::Release() {
  if (in_flight_-- >= max_in_flight_) space_cv_.notify_one();
}

void IngestPipeline::Work() {
  for (;;) {
    Job job;
    {
      std::unique_lock lk(mu_);
      work_cv_.wait(lk, [this] { return stop_ || !jobs_.empty(); });
      if (stop_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    Done d;
    d.pos = job.pos;
    try {
      d.statements = extractor_.Extract(job.article, options_);
    } catch (...) {
      d.error = std::current_exception();  // rethrown by Run in its turn
    }
    d.meta = std::move(job.article.meta);
    bool wake = false;
    {
      std::lock_guard lk(mu_);
      // Run waits for next_out_ only; others it takes without waiting.
      wake = job.seq == next_out_;
      done_.emplace(job.seq, std::move(d));
    }
    if (wake) main_cv_.notify_one();
  }
}

void IngestPipeline::Stop() {
  {
    std::lock_guard lk(mu_);
    stop_ = true;
  }
  space_cv_.notify_all();
  work_cv_.notify_all();
  if (reader_.joinable()) reader_.join();
  for (std::thread& w : workers_)
    if (w.joinable()) w.join();
  workers_.clear();
}

}  // namespace diplograph
