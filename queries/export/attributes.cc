#include "queries/export/attributes.h"

#include <charconv>

#include "core/predicate.h"
#include "core/utf8.h"

namespace diplograph {

namespace {

constexpr Attribute kNodeAttributes[] = {
    {"type", AttributeType::kString},       {"name", AttributeType::kString},
    {"name_fa", AttributeType::kString},    {"names_en", AttributeType::kString},
    {"names_fa", AttributeType::kString},   {"iso", AttributeType::kString},
    {"country", AttributeType::kString},    {"statements", AttributeType::kInt},
    {"first_date", AttributeType::kString}, {"last_date", AttributeType::kString},
};

constexpr Attribute kEdgeAttributes[] = {
    {"statement", AttributeType::kLong},
    {"predicate", AttributeType::kString},
    {"role", AttributeType::kString},
    {"date", AttributeType::kString},
    {"date_precision", AttributeType::kString},
    {"calendar", AttributeType::kString},
    {"modality", AttributeType::kString},
    {"cameo", AttributeType::kString},
    {"plover", AttributeType::kString},
    {"confidence", AttributeType::kDouble},
    {"sources", AttributeType::kInt},
    {"place", AttributeType::kString},
    {"place_name", AttributeType::kString},
    {"publisher", AttributeType::kString},
    {"url", AttributeType::kString},
    {"evidence", AttributeType::kString},
};

bool IsArabicScript(char32_t c) {
  return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
         (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFF);
}

// The names in one language, "; " between them.
std::string NamesIn(const Entity& e, std::string_view language) {
  std::string out;
  for (const std::string& name : e.names) {
    if (NameLanguage(name) != language) continue;
    if (!out.empty()) out += "; ";
    out += name;
  }
  return out;
}

std::string AttrOf(const Entity& e, const char* key) {
  const auto it = e.attrs.find(key);
  return it == e.attrs.end() ? std::string() : it->second;
}

}  // namespace

std::span<const Attribute> NodeAttributes() { return kNodeAttributes; }
std::span<const Attribute> EdgeAttributes() { return kEdgeAttributes; }

std::string_view NameLanguage(std::string_view name) {
  size_t pos = 0;
  while (pos < name.size())
    if (IsArabicScript(utf8::Next(name, &pos))) return "fa";
  return "en";
}

std::string PersianName(const Entity& e) {
  if (NameLanguage(e.name) == "fa") return e.name;
  const std::string* longest = nullptr;
  for (const std::string& name : e.names)
    if (NameLanguage(name) == "fa" && (!longest || utf8::Length(name) > utf8::Length(*longest)))
      longest = &name;
  return longest ? *longest : std::string();
}

std::string DecimalText(double value) {
  char text[32];
  const auto end = std::to_chars(text, text + sizeof text, value).ptr;
  return std::string(text, end);
}

void NodeValues(const ExportNode& node, std::vector<std::string>* values) {
  const Entity& e = node.entity;
  *values = {EntityTypeName(e.type),
             e.name.empty() ? e.id : e.name,
             PersianName(e),
             NamesIn(e, "en"),
             NamesIn(e, "fa"),
             AttrOf(e, "iso"),
             AttrOf(e, "country"),
             std::to_string(node.statements),
             node.dated.empty() ? "" : DayIso(node.dated.first),
             node.dated.empty() ? "" : DayIso(node.dated.last)};
}

void EdgeValues(const StoredStatement& stored, std::vector<std::string>* values) {
  const Statement& s = stored.statement;
  const PredicateInfo* info = FindPredicate(s.predicate);
  const Provenance* first = s.provenance.empty() ? nullptr : &s.provenance.front();
  const bool dated = s.date.known();
  *values = {std::to_string(stored.id),
             s.predicate,
             s.role,
             s.date.ToIso(),
             dated ? PrecisionName(s.date.precision) : "",
             dated ? CalendarName(s.date.calendar) : "",
             ModalityName(s.modality),
             info ? std::string(info->cameo) : "",
             info ? std::string(info->plover) : "",
             DecimalText(s.confidence),
             std::to_string(s.provenance.size()),
             s.place ? s.place->id : "",
             s.place ? s.place->name : "",
             first ? first->source : "",
             first ? first->url : "",
             first ? first->text : ""};
}

}  // namespace diplograph
