// StatusError: turns a failed rocksdb::Status into a one-line Error naming the store.
#pragma once

#include <rocksdb/status.h>

#include <string>

#include "core/error.h"

namespace diplograph {

// "PATH: store is locked by another diplograph process", "PATH: permission
// denied", ...; `doing` ("open", "write") describes the failed call when the
// status is not one of the recognised cases.
Error StatusError(const std::string& path, const std::string& doing, const rocksdb::Status& s);

}  // namespace diplograph
