#include "store/keys.h"

namespace diplograph::keys {

void PutU64(std::string* dst, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) dst->push_back(static_cast<char>(v >> shift));
}

void PutU32(std::string* dst, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) dst->push_back(static_cast<char>(v >> shift));
}

uint64_t GetU64(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

uint32_t GetU32(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

std::string U64(uint64_t v) {
  std::string s;
  PutU64(&s, v);
  return s;
}

std::optional<uint64_t> ParseU64(std::string_view s) {
  if (s.size() != 8) return std::nullopt;
  return GetU64(s.data());
}

void EncodeIndexKey(const IndexKey& k, std::string* out) {
  out->clear();
  PutU64(out, k.a);
  PutU64(out, k.b);
  PutU64(out, k.c);
  PutU64(out, k.stmt);
}

std::string EncodeIndexKey(const IndexKey& k) {
  std::string s;
  s.reserve(kIndexKeySize);
  EncodeIndexKey(k, &s);
  return s;
}

std::optional<IndexKey> ParseIndexKey(std::string_view s) {
  if (s.size() != kIndexKeySize) return std::nullopt;
  return IndexKey{GetU64(s.data()), GetU64(s.data() + 8), GetU64(s.data() + 16),
                  GetU64(s.data() + 24)};
}

std::string EncodeProvKey(uint64_t stmt, uint32_t seq) {
  std::string s;
  s.reserve(kProvKeySize);
  PutU64(&s, stmt);
  PutU32(&s, seq);
  return s;
}

std::optional<ProvKey> ParseProvKey(std::string_view s) {
  if (s.size() != kProvKeySize) return std::nullopt;
  return ProvKey{GetU64(s.data()), GetU32(s.data() + 8)};
}

std::string EntityCounterKey(std::string_view prefix, uint64_t entity) {
  std::string key(prefix);
  PutU64(&key, entity);
  return key;
}

uint32_t TimeSortKey(const Date& d) { return d.known() ? d.SortKey() : kUndated; }

void EncodeTimeKey(const TimeKey& k, std::string* out) {
  out->clear();
  PutU64(out, k.entity);
  PutU32(out, k.when);
  PutU64(out, k.stmt);
}

std::string EncodeTimeKey(const TimeKey& k) {
  std::string s;
  s.reserve(kTimeKeySize);
  EncodeTimeKey(k, &s);
  return s;
}

std::optional<TimeKey> ParseTimeKey(std::string_view s) {
  if (s.size() != kTimeKeySize) return std::nullopt;
  return TimeKey{GetU64(s.data()), GetU32(s.data() + 8), GetU64(s.data() + 12)};
}

std::string EncodeAliasKey(std::string_view match_key, uint64_t entity) {
  std::string s(match_key);
  s.push_back('\0');
  PutU64(&s, entity);
  return s;
}

std::optional<AliasKey> ParseAliasKey(std::string_view s) {
  if (s.size() < 9 || s[s.size() - 9] != '\0') return std::nullopt;
  return AliasKey{s.substr(0, s.size() - 9), GetU64(s.data() + s.size() - 8)};
}

std::string PrefixEnd(std::string_view prefix) {
  std::string end(prefix);
  while (!end.empty()) {
    unsigned char last = static_cast<unsigned char>(end.back());
    if (last != 0xFF) {
      end.back() = static_cast<char>(last + 1);
      return end;
    }
    end.pop_back();
  }
  return end;
}

}  // namespace diplograph::keys
