// Keys: big-endian, fixed-width key encodings, so byte order is id order and prefixes scan.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace diplograph::keys {

void PutU64(std::string* dst, uint64_t v);
void PutU32(std::string* dst, uint32_t v);
// Reads a big-endian integer from the first 8 (4) bytes of p.
uint64_t GetU64(const char* p);
uint32_t GetU32(const char* p);

std::string U64(uint64_t v);
// Decodes a value or key that must be exactly one u64.
std::optional<uint64_t> ParseU64(std::string_view s);

// pos keys: predicate, object and subject term ids, then the statement id.
struct IndexKey {
  uint64_t a = 0, b = 0, c = 0;
  uint64_t stmt = 0;
};
constexpr size_t kIndexKeySize = 32;
std::string EncodeIndexKey(const IndexKey& k);
// Into `out`, replacing its content: a loop that reuses one string allocates once.
void EncodeIndexKey(const IndexKey& k, std::string* out);
std::optional<IndexKey> ParseIndexKey(std::string_view s);

// time keys: entity id, date sort key, statement id.
constexpr uint32_t kUndated = 0xFFFFFFFF;  // sorts after every date
constexpr size_t kTimeKeySize = 20;
// Date::SortKey, with undated statements last.
uint32_t TimeSortKey(const Date& d);
struct TimeKey {
  uint64_t entity = 0;
  uint32_t when = 0;
  uint64_t stmt = 0;
};
std::string EncodeTimeKey(const TimeKey& k);
void EncodeTimeKey(const TimeKey& k, std::string* out);  // as EncodeIndexKey's
std::optional<TimeKey> ParseTimeKey(std::string_view s);

// prov keys: statement id, then the entry's number among its sources.
constexpr size_t kProvKeySize = 12;
std::string EncodeProvKey(uint64_t stmt, uint32_t seq);
struct ProvKey {
  uint64_t stmt = 0;
  uint32_t seq = 0;
};
std::optional<ProvKey> ParseProvKey(std::string_view s);

// alias keys: MatchKey of a surface form, '\0', entity id. A MatchKey never
// holds '\0', so a prefix of the form scans every form starting with it.
std::string EncodeAliasKey(std::string_view match_key, uint64_t entity);
struct AliasKey {
  std::string_view match_key;
  uint64_t entity = 0;
};
std::optional<AliasKey> ParseAliasKey(std::string_view s);

// A per-entity counter of meta: the prefix (degree:, refs:), then the
// entity's term id.
std::string EntityCounterKey(std::string_view prefix, uint64_t entity);

// The smallest key greater than every key starting with prefix (an exclusive
// upper bound for a prefix scan); empty when there is none.
std::string PrefixEnd(std::string_view prefix);

}  // namespace diplograph::keys
