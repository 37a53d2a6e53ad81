// ExtractionOptions: the options extract and ingest share, and what they build.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "extractors/pipeline.h"

namespace diplograph {

struct ExtractionArgs {
  std::string date;
  std::string lang = "auto";
  std::vector<std::string> lexicons;
  std::string home_country = "IR";

  // Error on a malformed --date or --home-country.
  ExtractOptions ToOptions() const;
  // The built-in lexicon plus every --lexicon file.
  std::unique_ptr<Extractor> MakeExtractor() const;
};

// --date, --lang, --lexicon, --home-country.
void AddExtractionOptions(CLI::App* cmd, ExtractionArgs* args);

}  // namespace diplograph
