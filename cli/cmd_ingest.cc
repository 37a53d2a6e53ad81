// `diplograph ingest`: extracts articles and stores their statements.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/extraction_options.h"
#include "core/error.h"
#include "extractors/article_reader.h"
#include "extractors/pipeline.h"
#include "store/store.h"

namespace diplograph {

namespace {

namespace fs = std::filesystem;

struct IngestArgs {
  std::vector<std::string> inputs;
  std::string db;
  ExtractionArgs extraction;
  bool quiet = false;
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

void Run(const IngestArgs& args) {
  const ExtractOptions options = args.extraction.ToOptions();
  const auto extractor = args.extraction.MakeExtractor();
  const std::vector<std::string> files = ExpandInputs(args.inputs);

  // The store is opened at the first good article, so that input in which
  // nothing can be read leaves it untouched (not even created).
  std::unique_ptr<Store> store;
  size_t articles = 0, skipped = 0, statements = 0, merged = 0, entities = 0, empty = 0;
  bool failed = false;
  for (const std::string& file : files) {
    std::vector<Article> batch;
    try {
      ReadArticles(file, [&](Article&& a) { batch.push_back(std::move(a)); });
    } catch (const Error& e) {
      std::cerr << "diplograph: " << e.what() << '\n';
      failed = true;
      continue;
    }
    if (!store) store = Store::Open(args.db, OpenMode::kReadWrite);
    for (const Article& article : batch) {
      if (store->HasArticle(article.meta.id)) {
        ++skipped;
        continue;
      }
      const auto found = extractor->Extract(article, options);
      if (found.empty()) ++empty;
      ArticleMeta meta = article.meta;
      if (meta.published.empty() && options.date) meta.published = options.date->ToIso();
      const IngestResult r = store->IngestArticle(meta, found);
      if (r.skipped) {
        ++skipped;
        continue;
      }
      ++articles;
      statements += r.new_statements;
      merged += r.merged_statements;
      entities += r.new_entities;
    }
  }
  if (!args.quiet) {
    std::cerr << "ingested " << articles << " article" << (articles == 1 ? "" : "s");
    if (skipped) std::cerr << " (" << skipped << " already stored)";
    if (empty) std::cerr << ", " << empty << " with no statements";
    std::cerr << ": " << statements << " new statements, " << merged << " merged into stored ones, "
              << entities << " new entities";
    if (store) std::cerr << " -> " << store->path();
    std::cerr << '\n';
  }
  if (failed) throw FailedExit{};
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
  cmd->add_flag("--quiet,-q", args->quiet, "print no summary");
  cmd->callback([args] { Run(*args); });
}

}  // namespace diplograph
