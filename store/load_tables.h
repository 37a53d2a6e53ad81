// LoadTables: the flat hash tables and the Bloom filter a bulk load keeps its state in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph::load {

// What a new report of a statement merges by, as Writer::FindStored
// matches it: term ids, date sort key (keys::TimeSortKey), date precision
// and modality (these fix the date's ISO form too).
struct Identity {
  uint64_t subject = 0, predicate = 0, object = 0;
  uint32_t when = 0;
  uint8_t precision = 0, modality = 0;
  friend bool operator==(const Identity&, const Identity&) = default;
  size_t Hash() const;
};

// Distinct strings numbered densely from 0 in the order first seen. Open
// addressing kept at most half full: a lookup is one probe and one string
// comparison, where a node-based map walks through three cache misses. The
// texts lie end to end in one buffer: a string each would cost 32 bytes
// and, past 15 characters, an allocation, for each of millions of entities.
class StringTable {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  uint32_t Find(std::string_view text) const;  // kNone if absent
  uint32_t Get(std::string_view text);         // added if absent
  // Valid until the next Get.
  std::string_view text(uint32_t i) const {
    return std::string_view(chars_).substr(starts_[i], starts_[i + 1] - starts_[i]);
  }
  size_t size() const { return starts_.size() - 1; }
  size_t bytes() const {
    return slots_.capacity() * sizeof(Slot) + starts_.capacity() * sizeof(uint32_t) +
           chars_.capacity();
  }

 private:
  struct Slot {
    uint32_t tag = 0;  // high bits of the hash: most mismatches skip the comparison
    uint32_t index = kNone;
  };
  void Grow();
  std::vector<Slot> slots_;
  std::string chars_;
  std::vector<uint32_t> starts_ = {0};  // text i is chars_[starts_[i], starts_[i + 1])
};

// References to the caller's records (32-bit indexes) by their Identity.
// A slot keeps 8 bytes, not the 32 of an identity: the identity is read back
// from the record, through `identity_of(ref)`, only when hash bits match.
class IdentityIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  template <class IdentityOf>
  uint32_t Find(const Identity& k, const IdentityOf& identity_of) const {
    if (slots_.empty()) return kNone;
    const size_t h = k.Hash(), mask = slots_.size() - 1;
    const auto tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.ref == kNone) return kNone;
      if (slot.tag == tag && identity_of(slot.ref) == k) return slot.ref;
    }
  }
  // `k` must not be in the index yet.
  template <class IdentityOf>
  void Insert(const Identity& k, uint32_t ref, const IdentityOf& identity_of) {
    if ((size_ + 1) * 2 > slots_.size()) {
      std::vector<Slot> old = std::move(slots_);
      slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
      for (const Slot& slot : old)
        if (slot.ref != kNone) Place(identity_of(slot.ref).Hash(), slot.ref);
    }
    Place(k.Hash(), ref);
    ++size_;
  }
  size_t bytes() const { return slots_.capacity() * sizeof(Slot); }
  void clear() {
    slots_ = std::vector<Slot>();  // frees the slots, as assigning {} would not
    size_ = 0;
  }

 private:
  struct Slot {
    uint32_t tag = 0;
    uint32_t ref = kNone;
  };
  void Place(size_t hash, uint32_t ref);
  std::vector<Slot> slots_;
  size_t size_ = 0;
};

// A blocked Bloom filter of hashes sized for a known number of keys, its
// probes in one 64-byte block. A load asks every earlier run's filter for
// each statement, and a false positive costs a store lookup: sixteen bits
// per key keep them near 0.1% (two bytes per statement).
class BloomFilter {
 public:
  static constexpr size_t kBitsPerKey = 16;
  static constexpr uint32_t kProbes = 11;

  explicit BloomFilter(size_t keys);
  void Add(size_t hash);
  bool MayContain(size_t hash) const;
  size_t bytes() const { return bits_.size() * sizeof(uint64_t); }

 private:
  std::vector<uint64_t> bits_;
};

}  // namespace diplograph::load
