// POST /api/ingest: articles in the body, extracted and stored; only with serve --allow-ingest.
#include "core/date.h"
#include "core/error.h"
#include "core/utf8.h"
#include "extractors/article_reader.h"
#include "server/api_error.h"
#include "server/endpoints.h"

namespace diplograph {

namespace {

ArticleFormat FormatParam(const Params& params) {
  const std::string name = params.Get("format").value_or("");
  if (name.empty()) return ArticleFormat::kAuto;
  if (name == "text") return ArticleFormat::kText;
  if (name == "jsonl") return ArticleFormat::kJsonLines;
  if (name == "html") return ArticleFormat::kHtml;
  throw ApiError(400, "bad_request", "parameter format: not text, jsonl or html");
}

}  // namespace

ApiResponse IngestEndpoint(const EndpointContext& c) {
  if (c.request.body.size() > c.limits.max_request_bytes)
    throw ApiError(413, "payload_too_large",
                   "the body has " + std::to_string(c.request.body.size()) +
                       " bytes; the limit is " + std::to_string(c.limits.max_request_bytes));
  const ArticleFormat format = FormatParam(c.params);
  ExtractOptions options;
  if (const auto date = c.params.Get("date")) {
    options.date = Date::ParseIso(*date);
    if (!options.date || options.date->precision != DatePrecision::kDay)
      throw ApiError(400, "bad_request",
                     "parameter date: not a day (YYYY-MM-DD): " + utf8::Excerpt(*date));
  }
  if (const auto lang = c.params.Get("lang")) {
    if (*lang == "fa")
      options.lang = Lang::kFa;
    else if (*lang == "en")
      options.lang = Lang::kEn;
    else if (*lang != "auto")
      throw ApiError(400, "bad_request", "parameter lang: not fa, en or auto");
  }

  std::vector<Article> articles;
  try {
    ParseArticles(c.request.body, "request body", format,
                  [&](Article&& a) { articles.push_back(std::move(a)); });
  } catch (const Error& e) {
    throw ApiError(400, "bad_request", e.what());
  }
  // What the parameters say of a plain-text article, which carries no metadata.
  for (Article& a : articles) {
    if (const auto title = c.params.Get("title")) a.meta.title = *title;
    if (const auto source = c.params.Get("source")) a.meta.source = *source;
    if (const auto url = c.params.Get("url")) a.meta.url = *url;
  }

  nlohmann::json results = nlohmann::json::array();
  for (Article& a : articles) {
    // Extraction runs outside the write lock: readers wait only for the store.
    std::vector<Statement> statements = c.extractor->Extract(a, options);
    IngestResult r;
    c.views->Write([&](Store& store) { r = store.IngestArticle(a.meta, statements); });
    results.push_back({{"id", a.meta.id},
                       {"title", a.meta.title},
                       {"skipped", r.skipped},
                       {"new_statements", r.new_statements},
                       {"merged_statements", r.merged_statements},
                       {"new_entities", r.new_entities}});
  }
  return JsonResponse({{"articles", std::move(results)}});
}

}  // namespace diplograph
