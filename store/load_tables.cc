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
    if (slot.tag == tag && this->text(slot.index) == text) return slot.index;
  }
}

uint32_t StringTable::Get(std::string_view text) {
  if ((size() + 1) * 2 > slots_.size()) Grow();
  const size_t h = std::hash<std::string_view>()(text), mask = slots_.size() - 1;
  const auto tag = static_cast<uint32_t>(h >> 32);
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.index == kNone) {
      if (chars_.size() + text.size() > UINT32_MAX)
        throw Error("bulk load: more than 4 GB of distinct terms");
      slot = {tag, static_cast<uint32_t>(size())};
      chars_ += text;
      starts_.push_back(static_cast<uint32_t>(chars_.size()));
      return slot.index;
    }
    if (slot.tag == tag && this->text(slot.index) == text) return slot.index;
  }
}

void StringTable::Grow() {
  if (size() >= kNone / 2) throw Error("bulk load: more than 2^31 distinct terms");
  slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (uint32_t t = 0; t < size(); ++t) {
    const size_t h = std::hash<std::string_view>()(text(t));
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

// Blocks of 512 bits: a key's seven probes fall in one cache line, so a
// lookup costs one cache miss per filter rather than seven.
BloomFilter::BloomFilter(size_t keys) : bits_(((keys * kBitsPerKey + 511) / 512 + 1) * 8) {}

namespace {
// The first word of the key's block, and the probe sequence within it
// (Kirsch and Mitzenmacher: h1 + i * h2).
struct Probes {
  size_t word = 0;
  uint32_t h1 = 0, h2 = 0;
};
Probes ProbesOf(size_t hash, size_t words) {
  const uint64_t blocks = words / 8;
  const uint64_t block = ((hash >> 32) * blocks) >> 32;  // hash's high half, scaled
  return {static_cast<size_t>(block * 8), static_cast<uint32_t>(hash),
          static_cast<uint32_t>(hash >> 17) | 1};
}
}  // namespace

void BloomFilter::Add(size_t hash) {
  const Probes p = ProbesOf(hash, bits_.size());
  for (uint32_t i = 0, h = p.h1; i < kProbes; ++i, h += p.h2)
    bits_[p.word + (h & 511) / 64] |= uint64_t{1} << (h & 63);
}

bool BloomFilter::MayContain(size_t hash) const {
  const Probes p = ProbesOf(hash, bits_.size());
  for (uint32_t i = 0, h = p.h1; i < kProbes; ++i, h += p.h2)
    if (!(bits_[p.word + (h & 511) / 64] >> (h & 63) & 1)) return false;
  return true;
}

}  // namespace diplograph::load
