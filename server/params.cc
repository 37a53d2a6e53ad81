#include "server/params.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/utf8.h"
#include "server/api_error.h"

namespace diplograph {

namespace {

ApiError BadRequest(const std::string& message) { return ApiError(400, "bad_request", message); }

}  // namespace

Params::Params(std::multimap<std::string, std::string> values) : values_(std::move(values)) {
  for (const auto& [name, value] : values_)
    if (utf8::FindInvalid(name) != std::string_view::npos ||
        utf8::FindInvalid(value) != std::string_view::npos)
      throw BadRequest("parameter " + utf8::Excerpt(name) + ": not valid UTF-8");
}

std::optional<std::string> Params::Get(std::string_view name) const {
  const auto [first, last] = values_.equal_range(std::string(name));
  if (first == last) return std::nullopt;
  if (std::next(first) != last)
    throw BadRequest("parameter " + std::string(name) + ": given more than once");
  return first->second;
}

std::string Params::Required(std::string_view name) const {
  auto value = Get(name);
  if (!value || value->empty()) throw BadRequest("parameter " + std::string(name) + " is missing");
  return std::move(*value);
}

std::vector<std::string> Params::List(std::string_view name) const {
  std::vector<std::string> out;
  const auto [first, last] = values_.equal_range(std::string(name));
  for (auto it = first; it != last; ++it) {
    std::string_view rest = it->second;
    while (!rest.empty()) {
      const size_t comma = rest.find(',');
      std::string_view item = rest.substr(0, comma);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
      if (!item.empty()) out.emplace_back(item);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
  return out;
}

int64_t Params::Integer(std::string_view name, int64_t fallback, int64_t min, int64_t max) const {
  const auto text = Get(name);
  if (!text) return fallback;
  int64_t value = 0;
  const char* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc() || ptr != end || text->empty())
    throw BadRequest("parameter " + std::string(name) +
                     ": not a whole number: " + utf8::Excerpt(*text));
  if (value < min || value > max)
    throw BadRequest("parameter " + std::string(name) + ": " + std::to_string(value) +
                     " is not between " + std::to_string(min) + " and " + std::to_string(max));
  return value;
}

Filter Params::ReadFilter() const {
  FilterText text;
  text.from = Get("from").value_or("");
  text.to = Get("to").value_or("");
  text.source = Get("source").value_or("");
  text.predicates = List("predicate");
  if (const auto c = Get("min_confidence")) {
    // strtod would take "nan", hex and trailing junk; the value is 0 to 1 in decimal.
    double value = 0;
    const char* end = c->data() + c->size();
    const auto [ptr, ec] = std::from_chars(c->data(), end, value);
    if (ec != std::errc() || ptr != end || c->empty() || !std::isfinite(value))
      throw BadRequest("parameter min_confidence: not a number: " + utf8::Excerpt(*c));
    text.min_confidence = value;
  }
  return text.Parse(ParameterStyle::kQuery);
}

Page Params::ReadPage(size_t default_limit, size_t max_limit) const {
  Page page;
  page.offset = static_cast<size_t>(Integer("offset", 0, 0, int64_t{1} << 40));
  page.limit = static_cast<size_t>(
      Integer("limit", static_cast<int64_t>(default_limit), 1, static_cast<int64_t>(max_limit)));
  return page;
}

std::optional<std::string> Params::Unexpected(const std::vector<std::string_view>& allowed) const {
  for (const auto& [name, value] : values_)
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) return name;
  return std::nullopt;
}

}  // namespace diplograph
