// Params: a request's query parameters, read with the checks every endpoint shares.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "queries/filter.h"

namespace diplograph {

struct Page {
  size_t offset = 0;
  size_t limit = 0;
};

// Every failure is an ApiError 400 naming the parameter.
class Params {
 public:
  // ApiError when a value is not UTF-8.
  explicit Params(std::multimap<std::string, std::string> values);

  // The value, if given; an error when given twice.
  std::optional<std::string> Get(std::string_view name) const;
  // The value; an error when missing or empty.
  std::string Required(std::string_view name) const;
  // Every value, commas splitting each: predicate=met,visited&predicate=hosted.
  std::vector<std::string> List(std::string_view name) const;
  int64_t Integer(std::string_view name, int64_t fallback, int64_t min, int64_t max) const;
  // from, to, predicate, min_confidence, source; QueryError kInvalidFilter
  // for values the filter cannot take.
  Filter ReadFilter() const;
  // offset and limit, limit between 1 and `max_limit`.
  Page ReadPage(size_t default_limit, size_t max_limit) const;

  // The first parameter not in `allowed`, if any.
  std::optional<std::string> Unexpected(const std::vector<std::string_view>& allowed) const;

 private:
  std::multimap<std::string, std::string> values_;
};

// The parameter names ReadFilter and ReadPage read.
inline const std::vector<std::string_view> kFilterParams = {"from", "to", "predicate",
                                                            "min_confidence", "source"};
inline const std::vector<std::string_view> kPageParams = {"offset", "limit"};

}  // namespace diplograph
