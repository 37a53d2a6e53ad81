#include "queries/export/timelinejs_writer.h"

#include <cctype>
#include <nlohmann/json.hpp>
#include <ostream>

#include "queries/export/escape.h"

namespace diplograph {

namespace {

using nlohmann::json;

// Only web links: a javascript: or data: URL in a source must not become
// something a reader can click.
bool IsWebUrl(std::string_view url) {
  const auto starts = [&](std::string_view scheme) {
    if (url.size() <= scheme.size()) return false;
    for (size_t i = 0; i < scheme.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(url[i])) != scheme[i]) return false;
    return true;
  };
  return starts("http://") || starts("https://");
}

std::string NameOf(const Entity& e) { return e.name.empty() ? e.id : e.name; }

// "Aleksandar Vučić holds role (president) Serbia", escaped as HTML:
// TimelineJS shows headlines as HTML.
std::string Headline(const Statement& s) {
  std::string words = s.predicate;
  for (char& c : words)
    if (c == '_') c = ' ';
  if (!s.role.empty()) words += " (" + s.role + ")";
  if (s.modality != Modality::kAsserted)
    words += " [" + std::string(ModalityName(s.modality)) + "]";
  std::string out;
  escape::Html(&out, NameOf(s.subject) + " " + words + " " + NameOf(s.object));
  return out;
}

// The evidence sentence, then each source that names a publisher or a URL.
std::string Body(const Statement& s) {
  std::string out;
  if (!s.provenance.empty() && !s.provenance.front().text.empty()) {
    out += "<p dir=\"auto\">";
    escape::Html(&out, s.provenance.front().text);
    out += "</p>";
  }
  std::string sources;
  for (const Provenance& p : s.provenance) {
    if (p.source.empty() && p.url.empty()) continue;
    if (!sources.empty()) sources += ", ";
    const bool link = IsWebUrl(p.url);
    if (link) {
      sources += "<a href=\"";
      escape::Html(&sources, p.url);
      sources += "\">";
    }
    escape::Html(&sources, p.source.empty() ? p.url : p.source);
    if (link) sources += "</a>";
    if (!p.published.empty()) {
      sources += " (";
      escape::Html(&sources, p.published);
      sources += ')';
    }
  }
  if (!sources.empty()) out += "<p>" + sources + "</p>";
  return out;
}

}  // namespace

void TimelinejsWriter::Begin() { out_ << "{\"events\":["; }

bool TimelinejsWriter::Edge(const StoredStatement& stored) {
  const Statement& s = stored.statement;
  if (!s.date.known()) return false;
  json date = {{"year", std::to_string(s.date.year)}};
  if (s.date.precision != DatePrecision::kYear) date["month"] = std::to_string(s.date.month);
  if (s.date.precision == DatePrecision::kDay) date["day"] = std::to_string(s.date.day);
  const json event = {{"unique_id", "stmt-" + std::to_string(stored.id)},
                      {"start_date", date},
                      {"group", s.predicate},
                      {"text", {{"headline", Headline(s)}, {"text", Body(s)}}}};
  out_ << (first_ ? "\n" : ",\n") << escape::Json(event);
  first_ = false;
  return true;
}

void TimelinejsWriter::End() { out_ << "\n]}\n"; }

}  // namespace diplograph
