// LoadTables: open addressing with linear probing over power-of-two arrays.
#include "store/load_tables.h"

#include <functional>

#include "core/error.h"

namespace diplograph::load {

size_t Identity::Hash() const {
  // Ids are small and dense: a multiply-xor mix spreads them well enough.
  uint64_t h = subject * 0x9E3779B97F4A7C15ull;
  h = (h ^ predicate) * 0xC2B2AE3D27D4EB4Full;
  h = (h ^ object) * 0x165667B19E3779F9ull;
  h = (h ^ (uint64_t{when} << 16 | uint64_t{precision} << 8 | modality)) * 0x9E3779B97F4A7C15ull;
  return static_cast<size_t>(h ^ (h >> 29));
}

uint32_t StringTable::Find(std::string_view text) const {
  if (slots_.empty()) return kNone;
  const size_t h = std::hash<std::string_view>()(text), mask = slots_.size() - 1;
  const auto tag = static_cast<uint32_t>(h >> 32);
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.index == kNone) return kNone;
    if (slot.tag == tag && texts_[slot.index] == text) return slot.index;
  }
}

uint32_t StringTable::Get(std::string_view text) {
  if ((texts_.size() + 1) * 2 > slots_.size()) Grow();
  const size_t h = std::hash<std::string_view>()(text), mask = slots_.size() - 1;
  const auto tag = static_cast<uint32_t>(h >> 32);
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.index == kNone) {
      slot = {tag, static_cast<uint32_t>(texts_.size())};
      texts_.emplace_back(text);
      return slot.index;
    }
    if (slot.tag == tag && texts_[slot.index] == text) return slot.index;
  }
}

void StringTable::Grow() {
  if (texts_.size() >= kNone / 2) throw Error("bulk load: more than 2^31 distinct terms");
  slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (uint32_t t = 0; t < texts_.size(); ++t) {
    const size_t h = std::hash<std::string_view>()(texts_[t]);
    size_t i = h & mask;
    while (slots_[i].index != kNone) i = (i + 1) & mask;
    slots_[i] = {static_cast<uint32_t>(h >> 32), t};
  }
}

void IdentityIndex::Place(size_t hash, uint32_t ref) {
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (slots_[i].ref != kNone) i = (i + 1) & mask;
  slots_[i] = {static_cast<uint32_t>(hash >> 32), ref};
}

BloomFilter::BloomFilter(size_t keys) : bits_((keys * 10 + 63) / 64 + 1) {}

// Seven probes from one hash (Kirsch and Mitzenmacher).
void BloomFilter::Add(size_t hash) {
  const uint64_t n = bits_.size() * 64, step = (hash >> 32) | 1;
  uint64_t h = hash;
  for (int i = 0; i < 7; ++i, h += step) bits_[(h % n) / 64] |= uint64_t{1} << (h % 64);
}

bool BloomFilter::MayContain(size_t hash) const {
  const uint64_t n = bits_.size() * 64, step = (hash >> 32) | 1;
  uint64_t h = hash;
  for (int i = 0; i < 7; ++i, h += step)
    if (!(bits_[(h % n) / 64] >> (h % 64) & 1)) return false;
  return true;
}

}  // namespace diplograph::load
