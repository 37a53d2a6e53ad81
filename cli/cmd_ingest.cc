// `diplograph ingest`: extracts articles and stores their statements.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/extraction_options.h"
#include "cli/ingest_pipeline.h"
#include "cli/progress.h"
#include "cli/statement_reader.h"
#include "core/error.h"
#include "extractors/pipeline.h"
#include "store/bulk_loader.h"
#include "store/store.h"

namespace diplograph {

namespace {

namespace fs = std::filesystem;

struct IngestArgs {
  std::vector<std::string> inputs;
  std::string db;
  ExtractionArgs extraction;
  unsigned threads = 0;  // 0: one per hardware thread
  bool quiet = false;
  bool bulk = false;        // into a new store through SST files
  bool statements = false;  // inputs are `extract` output, not articles
};

bool IsArticleFile(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".txt" || ext == ".jsonl" || ext == ".ndjson" || ext == ".html" || ext == ".htm";
}

// Files named on the command line, and the article files of folders
// (recursively, in name order so that runs are repeatable).
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in != "-" && fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec);
      if (ec) throw Error(in + ": cannot read folder: " + ec.message());
      for (const auto& entry : it)
        if (entry.is_regular_file(ec) && IsArticleFile(entry.path()))
          found.push_back(entry.path().string());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(in);
    }
  }
  return files;
}

// What an ingest stored, for its summary line.
struct IngestTally {
  size_t articles = 0, skipped = 0, empty = 0, statements = 0, merged = 0, entities = 0;

  void Count(const IngestResult& r, bool no_statements) {
    if (r.skipped) {
      ++skipped;
      return;
    }
    ++articles;
    if (no_statements) ++empty;
    statements += r.new_statements;
    merged += r.merged_statements;
    entities += r.new_entities;
  }

  // "ingested 3 articles (1 already stored): ... in 0.2 s (14.3 articles/s) -> PATH";
  // the rate, when given, counts every article read, stored ones included.
  void Print(const char* what, double seconds, std::optional<double> rate,
             const Store* store) const {
    std::cerr << what << ' ' << articles << " article" << (articles == 1 ? "" : "s");
    if (skipped) std::cerr << " (" << skipped << " already stored)";
    if (empty) std::cerr << ", " << empty << " with no statements";
    std::cerr << ": " << statements << " new statements, " << merged << " merged into stored ones, "
              << entities << " new entities";
    char timing[96];
    if (rate)
      std::snprintf(timing, sizeof timing, " in %.1f s (%.1f articles/s)", seconds, *rate);
    else
      std::snprintf(timing, sizeof timing, " in %.1f s", seconds);
    std::cerr << timing;
    if (store) std::cerr << " -> " << store->path();
    std::cerr << '\n';
  }
};

// A BulkLoader for --bulk into a new store. A store that holds articles
// already (a bulk load run again, or resumed after a crash) is loaded the
// normal way, which skips what is stored: the same store either way.
std::unique_ptr<BulkLoader> MakeBulkLoader(const IngestArgs& args, Store* store) {
  if (!args.bulk) return nullptr;
  if (BulkLoader::CanLoad(*store)) return std::make_unique<BulkLoader>(store);
  if (!args.quiet)
    std::cerr << "diplograph: " << store->path()
              << ": holds articles already; --bulk loads only new stores, so this run stores "
                 "the normal way\n";
  return nullptr;
}

// The only user of the Store: the pipeline calls it on the main thread.
class Ingester final : public IngestReceiver {
 public:
  Ingester(const IngestArgs& args, const ExtractOptions& options, size_t files,
           std::optional<uint64_t> total_bytes)
      : args_(args), options_(options), progress_line_(!args.quiet) {
    progress_.files = files;
    progress_.total_bytes = total_bytes;
  }

  void FileFailed(const InputPosition& pos, const std::string& message) override {
    progress_line_.Clear();
    std::cerr << "diplograph: " << message << '\n';
    failed_ = true;
    Done(pos, /*article=*/false);
  }

  bool Admit(const Article& article, const InputPosition& pos) override {
    // Opened at the first good article, so that input in which nothing can
    // be read leaves the store untouched (not even created).
    if (!store_) {
      store_ = Store::Open(args_.db, OpenMode::kReadWrite);
      bulk_ = MakeBulkLoader(args_, store_.get());
    }
    // Stored ones skip extraction. One stored later in this run (a repeat)
    // is extracted and then skipped by IngestArticle: same store either way.
    if (!store_->HasArticle(article.meta.id)) return true;
    ++tally_.skipped;
    Done(pos, /*article=*/true);
    return false;
  }

  void Extracted(ArticleMeta&& meta, std::vector<Statement>&& statements,
                 const InputPosition& pos) override {
    if (meta.published.empty() && options_.date) meta.published = options_.date->ToIso();
    // One call, one WriteBatch: each article is stored whole or not at all.
    // In bulk, everything is stored at Finish, in one atomic ingestion.
    const bool none = statements.empty();
    const IngestResult r =
        bulk_ ? bulk_->Add(meta, std::move(statements)) : store_->IngestArticle(meta, statements);
    tally_.Count(r, none);
    progress_.statements = tally_.statements;
    Done(pos, /*article=*/true);
  }

  void Tick() override { progress_line_.Update(progress_, Elapsed()); }

  bool failed() const { return failed_; }

  // Stores what a bulk load gathered; nothing for the normal path.
  void Finish() {
    if (!bulk_) return;
    progress_line_.Clear();
    bulk_->Finish();
    bulk_.reset();
  }

  void PrintSummary() {
    progress_line_.Clear();
    if (args_.quiet) return;
    const double seconds = Elapsed();
    const double rate = seconds > 0 ? static_cast<double>(progress_.articles) / seconds : 0.0;
    tally_.Print("ingested", seconds, rate, store_.get());
  }

 private:
  void Done(const InputPosition& pos, bool article) {
    // Admission runs ahead of storing: show the furthest file reached.
    progress_.file = std::max(progress_.file, pos.file + 1);
    progress_.bytes += pos.bytes;
    if (article) ++progress_.articles;
  }
  double Elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

  const IngestArgs& args_;
  const ExtractOptions& options_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::unique_ptr<Store> store_;
  std::unique_ptr<BulkLoader> bulk_;
  IngestProgress progress_;
  ProgressLine progress_line_;
  IngestTally tally_;
  bool failed_ = false;
};

// Stores statements `extract` wrote (possibly on other machines): no
// extraction, each article's statements one write as usual.
void RunStatements(const IngestArgs& args) {
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<Store> store;
  std::unique_ptr<BulkLoader> bulk;
  IngestTally tally;
  bool failed = false;
  for (const std::string& file : ExpandInputs(args.inputs)) {
    try {
      ReadStatementGroups(file, [&](ArticleMeta&& meta, std::vector<Statement>&& group) {
        if (!store) {
          store = Store::Open(args.db, OpenMode::kReadWrite);
          bulk = MakeBulkLoader(args, store.get());
        }
        tally.Count(bulk ? bulk->Add(meta, std::move(group)) : store->IngestArticle(meta, group),
                    false);
      });
    } catch (const Error& e) {
      std::cerr << "diplograph: " << e.what() << '\n';
      failed = true;
    }
  }
  if (bulk) bulk->Finish();
  if (!args.quiet) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    tally.Print("stored", seconds, std::nullopt, store.get());
  }
  if (failed) throw FailedExit{};
}

void Run(const IngestArgs& args) {
  if (args.statements) return RunStatements(args);
  const ExtractOptions options = args.extraction.ToOptions();
  const auto extractor = args.extraction.MakeExtractor();
  const std::vector<std::string> files = ExpandInputs(args.inputs);
  const unsigned threads =
      args.threads ? args.threads : std::max(1u, std::thread::hardware_concurrency());

  Ingester ingester(args, options, files.size(), IngestPipeline::TotalBytes(files));
  IngestPipeline pipeline(*extractor, options, threads);
  pipeline.Run(files, ingester);
  ingester.Finish();
  ingester.PrintSummary();
  if (ingester.failed()) throw FailedExit{};
}

}  // namespace

void AddIngestCommand(CLI::App& app) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd =
      app.add_subcommand("ingest", "extract articles and add their statements to the store");
  cmd->add_option("inputs", args->inputs,
                  "article files, folders (.txt, .jsonl, .html inside) or - for stdin")
      ->required();
  AddDbOption(cmd, &args->db);
  AddExtractionOptions(cmd, &args->extraction);
  cmd->add_option("--threads", args->threads,
                  "extraction threads (default: one per hardware thread); the store is "
                  "written by one thread, in input order, whatever the number")
      ->check(CLI::Range(1u, 1024u));
  cmd->add_flag("--quiet,-q", args->quiet, "print no progress and no summary");
  cmd->add_flag("--bulk", args->bulk,
                "load a new, empty store at once through sorted SST files (for large "
                "corpora; the same store as without it; memory grows with the corpus); a "
                "store holding articles already is loaded the normal way");
  cmd->add_flag("--statements", args->statements,
                "the inputs are statements as `extract` writes them (JSON Lines), e.g. from a "
                "batch engine; an article's statements must be on consecutive lines");
  cmd->callback([args] { Run(*args); });
}

}  // namespace diplograph
