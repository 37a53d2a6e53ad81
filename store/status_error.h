// StatusError: the store's RocksDB glue: a failed Status as a one-line Error naming the store;
// views as Slices.
#pragma once

#include <rocksdb/slice.h>
#include <rocksdb/status.h>

#include <string>
#include <string_view>

#include "core/error.h"

namespace diplograph {

// "PATH: store is locked by another diplograph process", "PATH: permission
// denied", ...; `doing` ("open", "write") describes the failed call when the
// status is not one of the recognised cases.
Error StatusError(const std::string& path, const std::string& doing, const rocksdb::Status& s);

inline rocksdb::Slice ToSlice(std::string_view s) { return rocksdb::Slice(s.data(), s.size()); }

}  // namespace diplograph
