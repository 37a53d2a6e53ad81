// `diplograph extract`: statements of articles as JSON Lines on stdout.
#include <iostream>

#include "cli/commands.h"
#include "cli/extraction_options.h"
#include "core/error.h"
#include "core/json_io.h"
#include "core/utf8.h"
#include "extractors/article_reader.h"
#include "extractors/pipeline.h"

namespace diplograph {

namespace {

struct ExtractArgs {
  std::vector<std::string> files;
  std::string format = "jsonl";
  ExtractionArgs extraction;
  bool explain = false;
};

const char* KindName(MentionKind k) {
  switch (k) {
    case MentionKind::kEntity:
      return "entity";
    case MentionKind::kRole:
      return "title";
    case MentionKind::kPronoun:
      return "pronoun";
    case MentionKind::kThisCountry:
      return "back-reference";
    case MentionKind::kBoth:
      return "both-parties";
    case MentionKind::kAttribution:
      break;
  }
  return "attribution";
}

// What the pipeline saw in each sentence: for analysts extending the lexicon.
void Explain(const Document& doc, std::ostream& out) {
  out << "# " << doc.article.meta.path << " (" << LangCode(doc.lang) << ", " << doc.sentences.size()
      << " sentences)\n";
  size_t m = 0, e = 0;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    out << "[" << si << "]" << (s.date ? " {" + s.date->ToIso() + "}" : "") << " "
        << doc.SentenceText(s) << "\n";
    for (; m < doc.mentions.size() && doc.mentions[m].sentence == static_cast<int>(si); ++m) {
      const Mention& x = doc.mentions[m];
      out << "    " << KindName(x.kind) << " \"" << doc.OriginalText(x.first_token, x.end_token)
          << "\" -> " << (x.resolved ? x.entity.id : "?");
      if (!x.role.empty())
        out << " role=" << x.role << " of=" << (x.role_of.empty() ? "?" : x.role_of);
      out << "\n";
    }
    for (; e < doc.events.size() && doc.events[e].sentence == static_cast<int>(si); ++e) {
      const EventMatch& x = doc.events[e];
      out << "    event " << x.rule->name << ": " << doc.mentions[x.subject].entity.id << " "
          << x.rule->predicate << " " << doc.mentions[x.object].entity.id << " ("
          << ModalityName(x.modality) << (x.subject_from_context ? ", subject from context" : "")
          << ")\n";
    }
  }
}

void Run(const ExtractArgs& args) {
  const ExtractOptions options = args.extraction.ToOptions();
  const auto extractor = args.extraction.MakeExtractor();
  const bool array = args.format == "json";
  bool first = true;
  if (array) std::cout << "[\n";
  bool failed = false;
  for (const std::string& file : args.files) {
    try {
      ReadArticles(file, [&](Article&& article) {
        const Document doc = extractor->Analyze(article, options);
        if (args.explain) Explain(doc, std::cerr);
        // Normal for many articles: a note, not an error.
        if (doc.statements.empty())
          std::cerr << "note: " << file << ": no statements in \""
                    << utf8::Excerpt(article.meta.title) << "\"\n";
        for (const Statement& s : doc.statements) {
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
  AddExtractionOptions(cmd, &args->extraction);
  cmd->add_flag(
      "--explain", args->explain,
      "also print on stderr each sentence with the actors, titles and events found in it");
  cmd->callback([args] { Run(*args); });
}

}  // namespace diplograph
