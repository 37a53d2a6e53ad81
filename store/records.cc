#include "store/records.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_set>

#include "core/error.h"
#include "core/json_io.h"
#include "core/normalize.h"
#include "store/varint.h"

namespace diplograph {

using nlohmann::json;

namespace {

json Parse(std::string_view value) {
  try {
    return json::parse(value);
  } catch (const json::exception& e) {
    throw Error(std::string("malformed record: ") + e.what());
  }
}

// Applies a decoder and gives its errors the record prefix.
template <typename Fn>
auto Decode(std::string_view value, Fn fn) {
  const json j = Parse(value);
  try {
    return fn(j);
  } catch (const Error& e) {
    throw Error(std::string("malformed record: ") + e.what());
  } catch (const json::exception& e) {
    throw Error(std::string("malformed record: ") + e.what());
  }
}

std::string Str(const json& j, const char* name) {
  auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Invalid UTF-8 in evidence text becomes U+FFFD rather than failing the write.
std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::vector<std::string> AliasMatchKeys(const Entity& e) {
  std::vector<std::string> out;
  auto add = [&](std::string_view form) {
    std::string key = MatchKey(form);
    if (!key.empty()) out.push_back(std::move(key));
  };
  add(e.name);
  for (const auto& n : e.names) add(n);
  add(e.id);
  // People are named by surname alone ("Araghchi", «عراقچی»): the last word
  // of a name, split at spaces only (a ZWNJ joins parts of one word).
  if (e.type == EntityType::kPerson) {
    auto add_surname = [&](std::string_view form) {
      const size_t space = form.find_last_of(' ');
      if (space != std::string_view::npos && space + 1 < form.size()) add(form.substr(space + 1));
    };
    add_surname(e.name);
    for (const auto& n : e.names) add_surname(n);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string EncodeEntity(const Entity& e) { return Dump(EntityToJson(e)); }

Entity DecodeEntity(std::string_view value) { return Decode(value, EntityFromJson); }

namespace {

// Date precision, calendar and modality share one byte.
uint8_t PackQualifiers(const Date& d, Modality m) {
  return static_cast<uint8_t>(static_cast<uint8_t>(d.precision) |
                              (static_cast<uint8_t>(d.calendar) << 2) |
                              (static_cast<uint8_t>(m) << 5));
}

}  // namespace

void EncodeStatementRecord(const StatementRecord& s, std::string* out) {
  out->clear();
  varint::PutU64(out, s.subject);
  varint::PutU64(out, s.predicate);
  varint::PutU64(out, s.object);
  varint::PutU64(out, s.place);
  out->push_back(static_cast<char>(PackQualifiers(s.date, s.modality)));
  varint::PutU64(out, s.date.known() ? static_cast<uint64_t>(s.date.year) * 10000 +
                                           static_cast<uint64_t>(s.date.month) * 100 +
                                           static_cast<uint64_t>(s.date.day)
                                     : 0);
  varint::PutString(out, s.role);
  varint::PutConfidence(out, s.confidence);
  varint::PutU64(out, s.sources);
  varint::PutU64(out, s.live_sources);
}

std::string EncodeStatementRecord(const StatementRecord& s) {
  std::string out;
  out.reserve(24 + s.role.size());
  EncodeStatementRecord(s, &out);
  return out;
}

StatementRecord DecodeStatementRecord(std::string_view value) {
  varint::Reader r(value);
  StatementRecord s;
  s.subject = r.U64();
  s.predicate = r.U64();
  s.object = r.U64();
  s.place = r.U64();
  const uint8_t q = r.Byte();
  const uint64_t ymd = r.U64();
  const auto precision = static_cast<DatePrecision>(q & 3);
  const auto calendar = static_cast<Calendar>((q >> 2) & 7);
  const auto modality = static_cast<Modality>((q >> 5) & 3);
  if (precision > DatePrecision::kDay || calendar > Calendar::kIslamic ||
      modality > Modality::kNegated || ymd > 99991231)
    throw Error("malformed record: bad statement qualifiers");
  if (precision != DatePrecision::kUnknown) {
    s.date.year = static_cast<int>(ymd / 10000);
    s.date.month = static_cast<int>(ymd / 100 % 100);
    s.date.day = static_cast<int>(ymd % 100);
    s.date.precision = precision;
  }
  s.date.calendar = calendar;
  s.modality = modality;
  s.role = std::string(r.String());
  s.confidence = r.Confidence();
  s.sources = static_cast<uint32_t>(r.U64());
  s.live_sources = static_cast<uint32_t>(r.U64());
  if (!r.done()) throw Error("malformed record: trailing bytes after a statement");
  return s;
}

std::vector<uint64_t> TimeValue::Sources() const {
  std::vector<uint64_t> ids;
  for (varint::Reader r(sources); !r.done();) ids.push_back(r.U64());
  return ids;
}

std::string SourceTerm(std::string_view publisher) {
  return publisher.empty() ? std::string() : std::string(kSourcePrefix) + std::string(publisher);
}

void AppendSource(std::string* sources, uint64_t term) { varint::PutU64(sources, term); }

void EncodeTimeValue(const TimeValue& v, std::string* out) {
  out->clear();
  varint::PutU64(out, v.predicate << 1 | (v.as_object ? 1 : 0));
  varint::PutU64(out, v.other);
  out->append(v.sources);
}

std::string EncodeTimeValue(const TimeValue& v) {
  std::string out;
  EncodeTimeValue(v, &out);
  return out;
}

TimeValue DecodeTimeValue(std::string_view value) {
  varint::Reader r(value);
  TimeValue v;
  const uint64_t predicate = r.U64();
  v.predicate = predicate >> 1;
  v.as_object = predicate & 1;
  v.other = r.U64();
  const std::string_view rest = value.substr(value.size() - r.remaining());
  while (!r.done()) r.U64();  // each source must be a whole number
  v.sources = rest;
  return v;
}

std::string EncodeProvenance(const Provenance& p) {
  std::string out;
  out.reserve(32 + p.article.size() + p.text.size() + p.rule.size());
  varint::PutString(&out, p.article);
  varint::PutString(&out, p.source);
  varint::PutString(&out, p.url);
  varint::PutString(&out, p.published);
  varint::PutU64(&out, static_cast<uint64_t>(p.sentence + 1));  // -1 (none) is 0
  varint::PutU64(&out, p.start);
  varint::PutU64(&out, p.end);
  varint::PutString(&out, p.text);
  varint::PutString(&out, p.rule);
  varint::PutConfidence(&out, p.confidence);
  return out;
}

Provenance DecodeProvenance(std::string_view value) {
  varint::Reader r(value);
  Provenance p;
  p.article = std::string(r.String());
  p.source = std::string(r.String());
  p.url = std::string(r.String());
  p.published = std::string(r.String());
  p.sentence = static_cast<int>(r.U64()) - 1;
  p.start = r.U64();
  p.end = r.U64();
  p.text = std::string(r.String());
  p.rule = std::string(r.String());
  p.confidence = r.Confidence();
  if (!r.done()) throw Error("malformed record: trailing bytes after a provenance entry");
  return p;
}

std::vector<uint64_t> ArticleRecord::Statements() const {
  std::vector<uint64_t> ids;
  std::unordered_set<uint64_t> seen;
  for (const ProvenanceRef& ref : provenance)
    if (seen.insert(ref.stmt).second) ids.push_back(ref.stmt);
  return ids;
}

std::string EncodeArticle(const ArticleRecord& a) {
  const ArticleMeta& m = a.meta;
  const json j = {{"id", m.id},         {"title", m.title},         {"url", m.url},
                  {"source", m.source}, {"published", m.published}, {"lang", m.lang},
                  {"path", m.path}};
  std::string out = Dump(j);
  // The references, often thousands, are plain numbers: written directly
  // rather than as JSON values, a node each.
  out.pop_back();  // the object's closing brace
  out += ",\"provenance\":[";
  for (size_t i = 0; i < a.provenance.size(); ++i) {
    if (i) out += ',';
    out += '[';
    out += std::to_string(a.provenance[i].stmt);
    out += ',';
    out += std::to_string(a.provenance[i].seq);
    out += ']';
  }
  out += "]}";
  return out;
}

ArticleRecord DecodeArticle(std::string_view value) {
  return Decode(value, [](const json& j) {
    if (!j.is_object()) throw Error("expected a JSON object");
    ArticleRecord a;
    a.meta.id = Str(j, "id");
    if (a.meta.id.empty()) throw Error("article \"id\" is empty");
    a.meta.title = Str(j, "title");
    a.meta.url = Str(j, "url");
    a.meta.source = Str(j, "source");
    a.meta.published = Str(j, "published");
    a.meta.lang = Str(j, "lang");
    a.meta.path = Str(j, "path");
    for (const json& ref : j.at("provenance")) {
      if (!ref.is_array() || ref.size() != 2) throw Error("malformed provenance reference");
      a.provenance.push_back({ref[0].get<uint64_t>(), ref[1].get<uint32_t>()});
    }
    return a;
  });
}

}  // namespace diplograph
