#include "cli/extraction_options.h"

#include <cctype>

#include "core/error.h"

namespace diplograph {

ExtractOptions ExtractionArgs::ToOptions() const {
  ExtractOptions o;
  if (!date.empty()) {
    o.date = Date::ParseIso(date);
    if (!o.date || o.date->precision != DatePrecision::kDay)
      throw Error("--date: not a day (YYYY-MM-DD): " + date);
  }
  if (lang == "fa") o.lang = Lang::kFa;
  if (lang == "en") o.lang = Lang::kEn;
  if (home_country.size() != 2 || !std::isupper(static_cast<unsigned char>(home_country[0])) ||
      !std::isupper(static_cast<unsigned char>(home_country[1])))
    throw Error("--home-country: not an ISO 3166 code such as IR: " + home_country);
  o.home_country = "country:" + home_country;
  return o;
}

std::unique_ptr<Extractor> ExtractionArgs::MakeExtractor() const {
  return Extractor::Create(Lexicon::DefaultDir(), lexicons);
}

void AddExtractionOptions(CLI::App* cmd, ExtractionArgs* args) {
  cmd->add_option("--date", args->date,
                  "publication date YYYY-MM-DD for articles that carry none; anchors 'on "
                  "Thursday', «روز پنجشنبه»");
  cmd->add_option("--lang", args->lang, "language of the articles")
      ->check(CLI::IsMember({"fa", "en", "auto"}))
      ->capture_default_str();
  cmd->add_option("--lexicon", args->lexicons,
                  "extra entity lexicon file (id, lang, form); repeatable");
  cmd->add_option("--home-country", args->home_country, "ISO code «کشورمان» (our country) means")
      ->capture_default_str();
}

}  // namespace diplograph
