// `diplograph extract`: statements of articles as JSON Lines on stdout.
#include <iostream>

#include "cli/commands.h"
#include "core/error.h"
#include "core/json_io.h"
#include "extractors/article_reader.h"
#include "extractors/pipeline.h"

namespace diplograph {

namespace {

struct ExtractArgs {
  std::vector<std::string> files;
  std::string format = "jsonl";
  std::string date;
  std::string lang = "auto";
  std::vector<std::string> lexicons;
  std::string home_country = "IR";
};

ExtractOptions ToOptions(const ExtractArgs& args) {
  ExtractOptions o;
  if (!args.date.empty()) {
    o.date = Date::ParseIso(args.date);
    if (!o.date || o.date->precision != DatePrecision::kDay)
      throw Error("--date: not a day (YYYY-MM-DD): " + args.date);
  }
  if (args.lang == "fa") o.lang = Lang::kFa;
  if (args.lang == "en") o.lang = Lang::kEn;
  o.home_country = "country:" + args.home_country;
  return o;
}

void Run(const ExtractArgs& args) {
  const ExtractOptions options = ToOptions(args);
  auto extractor = Extractor::Create(Lexicon::DefaultDir(), args.lexicons);
  const bool array = args.format == "json";
  bool first = true;
  if (array) std::cout << "[\n";
  bool failed = false;
  for (const std::string& file : args.files) {
    try {
      ReadArticles(file, [&](Article&& article) {
        for (const Statement& s : extractor->Extract(article, options)) {
          const std::string line = StatementToExtractJson(s).dump(
              -1, ' ', false, nlohmann::json::error_handler_t::replace);
          if (array)
            std::cout << (first ? "  " : ",\n  ") << line;
          else
            std::cout << line << '\n';
          first = false;
        }
      });
    } catch (const Error& e) {
      // One bad file is reported and the others still run.
      std::cerr << "diplograph: " << e.what() << '\n';
      failed = true;
    }
  }
  if (array) std::cout << (first ? "]\n" : "\n]\n");
  std::cout.flush();
  if (failed) throw FailedExit{};
}

}  // namespace

void AddExtractCommand(CLI::App& app) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd =
      app.add_subcommand("extract", "extract statements from articles, one JSON object per line");
  cmd->add_option("files", args->files,
                  "articles: plain text (headline first), .jsonl, or - for stdin")
      ->required();
  cmd->add_option("--format", args->format, "jsonl (one statement per line) or json (an array)")
      ->check(CLI::IsMember({"jsonl", "json"}));
  cmd->add_option("--date", args->date,
                  "publication date YYYY-MM-DD, anchors 'on Thursday', «روز پنجشنبه»");
  cmd->add_option("--lang", args->lang, "language of the articles")
      ->check(CLI::IsMember({"fa", "en", "auto"}));
  cmd->add_option("--lexicon", args->lexicons,
                  "extra entity lexicon file (id, lang, form); repeatable");
  cmd->add_option("--home-country", args->home_country,
                  "ISO code «کشورمان» (our country) refers to")
      ->capture_default_str();
  cmd->callback([args] { Run(*args); });
}

}  // namespace diplograph
