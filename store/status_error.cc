#include "store/status_error.h"

namespace diplograph {

namespace {

bool Contains(const std::string& text, const char* part) {
  return text.find(part) != std::string::npos;
}

// RocksDB messages may embed the path and, rarely, several lines; keep one line.
std::string OneLine(std::string text) {
  const size_t newline = text.find('\n');
  if (newline != std::string::npos) text.resize(newline);
  return text;
}

}  // namespace

Error StatusError(const std::string& path, const std::string& doing, const rocksdb::Status& s) {
  const std::string text = s.ToString();
  // Before the lock test: creating the LOCK file in a read-only directory
  // fails with a message naming it too.
  if (Contains(text, "Permission denied")) return Error(path + ": permission denied");
  // Another process holds the LOCK file ("Resource temporarily unavailable"),
  // or this process has the store open already ("lock hold by current process").
  if (s.IsIOError() && Contains(text, "/LOCK"))
    return Error(path + ": store is locked by another diplograph process");
  if (Contains(text, "Read-only file system")) return Error(path + ": read-only file system");
  if (Contains(text, "No space left on device")) return Error(path + ": no space left on device");
  if (s.IsCorruption()) return Error(path + ": store is corrupt (" + OneLine(text) + ")");
  return Error(path + ": " + doing + " failed: " + OneLine(text));
}

}  // namespace diplograph
