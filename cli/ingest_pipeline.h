// IngestPipeline: `ingest`'s reader thread, extraction workers and in-order hand-back.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/statement.h"
#include "extractors/article.h"
#include "extractors/pipeline.h"

namespace diplograph {

// Where an article came from, for progress: the index of its file among the
// inputs, and its share of that file's bytes (a file's shares sum to its size).
struct InputPosition {
  size_t file = 0;
  uint64_t bytes = 0;
};

// What the pipeline reports. Every call is made on the thread running
// IngestPipeline::Run, so the receiver may use a Store, which is not
// thread-safe, and needs no locks of its own.
class IngestReceiver {
 public:
  virtual ~IngestReceiver() = default;
  // A file no article could be read from; `message` names it. Its bytes
  // count as done. In input order with Admit.
  virtual void FileFailed(const InputPosition& pos, const std::string& message) = 0;
  // Each article of a readable file, in input order, before extraction:
  // false drops it (e.g. already stored), true sends it to a worker.
  virtual bool Admit(const Article& article, const InputPosition& pos) = 0;
  // Each admitted article with its statements, in input order.
  virtual void Extracted(ArticleMeta&& meta, std::vector<Statement>&& statements,
                         const InputPosition& pos) = 0;
  // Called at least every ~100 ms while Run is waiting, and after each event.
  virtual void Tick() {}
};

// One reader thread reads the files in order (a file is released only once
// all of it has parsed, so a bad file contributes nothing); `threads` workers
// share one Extractor; the caller's thread admits and receives articles in
// input order, which keeps the store's ids the same whatever the thread
// count. At most `max_in_flight` articles are held between reading and
// Extracted, so memory stays bounded however large the corpus; besides them
// the reader holds the file it reads (ReadInput caps it at 1 GiB) and, until
// that file has all parsed, up to 64 MiB of its articles.
class IngestPipeline {
 public:
  IngestPipeline(const Extractor& extractor, const ExtractOptions& options, unsigned threads,
                 size_t max_in_flight = 0);  // 0: 4 per thread
  ~IngestPipeline();
  IngestPipeline(const IngestPipeline&) = delete;
  IngestPipeline& operator=(const IngestPipeline&) = delete;

  // Sum of the sizes of `files`, none when one is stdin; a missing file counts 0.
  static std::optional<uint64_t> TotalBytes(const std::vector<std::string>& files);

  // Runs over `files` ("-" is stdin) until every article is received. An
  // exception from the receiver or from extraction stops the threads and
  // propagates. Run once per pipeline.
  void Run(const std::vector<std::string>& files, IngestReceiver& receiver);

 private:
  struct Cancelled {};
  // Reader -> admission: an article, or a file that failed (article empty).
  struct Read {
    std::optional<Article> article;
    std::string error;
    std::exception_ptr fatal;  // anything but Error: ends the run
    InputPosition pos;
  };
  struct Job {
    uint64_t seq = 0;
    Article article;
    InputPosition pos;
  };
  struct Done {
    ArticleMeta meta;
    std::vector<Statement> statements;
    std::exception_ptr error;
    InputPosition pos;
  };

  void ReadFiles(const std::vector<std::string>& files);
  void ReadFile(const std::string& file, size_t index, uint64_t size);
  void PushRead(Read&& r, bool wait);
  void Release();  // one article or failed file less in flight; mu_ held
  void Work();
  void Stop();

  const Extractor& extractor_;
  const ExtractOptions options_;
  const unsigned threads_;
  const size_t max_in_flight_;

  std::mutex mu_;
  std::condition_variable space_cv_;  // reader: room for another article
  std::condition_variable work_cv_;   // workers: a job, or stop
  std::condition_variable main_cv_;   // Run: something to admit or receive
  bool stop_ = false;
  bool reader_done_ = false;
  size_t in_flight_ = 0;  // read and not yet dropped or received
  std::deque<Read> read_;
  std::deque<Job> jobs_;
  std::map<uint64_t, Done> done_;  // by sequence: the reorder buffer
  uint64_t next_seq_ = 0;          // given to the next admitted article
  uint64_t next_out_ = 0;          // the next one Extracted receives

  std::thread reader_;
  std::vector<std::thread> workers_;
};

}  // namespace diplograph
