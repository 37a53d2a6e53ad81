// KeyTable: a flat hash map from match keys to values, probed with a hash the caller may keep.
#pragma once

#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace diplograph {

// A fast 64-bit hash of a match key, eight bytes at a time. Tokens keep it,
// so that each lookup of a word hashes nothing.
inline uint64_t HashKey(std::string_view s) {
  constexpr uint64_t kMul1 = 0xbf58476d1ce4e5b9ull, kMul2 = 0x94d049bb133111ebull;
  uint64_t h = 0x9e3779b97f4a7c15ull ^ (s.size() * kMul2);
  const char* p = s.data();
  size_t n = s.size();
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul1;
    h ^= h >> 31;
  }
  if (n) {
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ w) * kMul2;
    h ^= h >> 29;
  }
  h *= kMul1;
  return h ^ (h >> 32);
}

// For standard unordered containers of strings looked up by string_view
// (with std::equal_to<>): no string is built for a lookup.
struct KeyHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return HashKey(s); }
};

// Built once while data files load, then read by every thread; at most half
// full, so that a word not in the table is told in one or two probes. Slots hold
// the hash and an entry index, so a probe touches one cache line and compares
// strings only when the hashes agree; entries never move once added.
template <typename V>
class KeyTable {
 public:
  // The value of `key`, added default-constructed if absent.
  V& operator[](std::string_view key) {
    const uint64_t hash = HashKey(key);
    if (const V* found = Find(key, hash)) return const_cast<V&>(*found);
    if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
    entries_.emplace_back(std::string(key), V{});
    Place(hash, static_cast<uint32_t>(entries_.size()));
    return entries_.back().second;
  }

  const V* Find(std::string_view key) const { return Find(key, HashKey(key)); }
  // `hash` must be HashKey(key).
  const V* Find(std::string_view key, uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.entry == 0) return nullptr;
      if (slot.hash == hash) {
        const auto& entry = entries_[slot.entry - 1];
        if (entry.first == key) return &entry.second;
      }
    }
  }

  size_t size() const { return entries_.size(); }
  auto begin() const { return entries_.begin(); }
  auto end() const { return entries_.end(); }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t entry = 0;  // index + 1 into entries_; 0 = empty
  };

  void Place(uint64_t hash, uint32_t entry) {
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i].entry != 0) i = (i + 1) & mask;
    slots_[i] = Slot{hash, entry};
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    for (const Slot& slot : old)
      if (slot.entry != 0) Place(slot.hash, slot.entry);
  }

  std::vector<Slot> slots_;
  std::deque<std::pair<std::string, V>> entries_;
};

}  // namespace diplograph
