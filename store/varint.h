// Varint: the compact little encodings of binary records (LEB128 integers, length-prefixed
// strings).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/error.h"

namespace diplograph::varint {

inline void PutU64(std::string* dst, uint64_t v) {
  while (v >= 0x80) {
    dst->push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  dst->push_back(static_cast<char>(v));
}

inline void PutString(std::string* dst, std::string_view s) {
  PutU64(dst, s.size());
  dst->append(s);
}

inline void PutDouble(std::string* dst, double d) {
  char bytes[8];
  std::memcpy(bytes, &d, 8);
  dst->append(bytes, 8);
}

// A confidence: most are a few decimals (0.85, 1), stored as a varint of
// ten-thousandths with the low bit clear; any other value exactly, as a 1
// bit and the double's eight bytes. Either way it reads back bit for bit.
inline void PutConfidence(std::string* dst, double d) {
  if (d >= 0 && d <= 1) {
    const auto k = static_cast<uint64_t>(d * 10000 + 0.5);
    if (static_cast<double>(k) / 10000 == d) {
      PutU64(dst, k << 1);
      return;
    }
  }
  PutU64(dst, 1);
  PutDouble(dst, d);
}

// Reads a record front to back; every read past the end or of a malformed
// value throws Error("malformed record: ..."), so a damaged value is
// reported, never read out of bounds.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}

  uint64_t U64() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= data_.size()) Fail("truncated number");
      const auto byte = static_cast<unsigned char>(data_[pos_++]);
      v |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return v;
    }
    Fail("number too long");
  }

  uint8_t Byte() {
    if (pos_ >= data_.size()) Fail("truncated record");
    return static_cast<uint8_t>(data_[pos_++]);
  }

  std::string_view String() {
    const uint64_t n = U64();
    if (n > data_.size() - pos_) Fail("truncated text");
    const std::string_view s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }

  double Double() {
    if (data_.size() - pos_ < 8) Fail("truncated number");
    double d;
    std::memcpy(&d, data_.data() + pos_, 8);
    pos_ += 8;
    return d;
  }

  double Confidence() {
    const uint64_t v = U64();
    return (v & 1) ? Double() : static_cast<double>(v >> 1) / 10000;
  }

  bool done() const { return pos_ == data_.size(); }
  size_t remaining() const { return data_.size() - pos_; }

 private:
  [[noreturn]] static void Fail(const char* what) {
    throw Error(std::string("malformed record: ") + what);
  }

  std::string_view data_;
  size_t pos_ = 0;
};

}  // namespace diplograph::varint
