// Error: the one exception type user-facing failures travel in.
#pragma once

#include <stdexcept>
#include <string>

namespace diplograph {

// Thrown for bad input, bad stores and bad arguments. The message is a single
// line that already names the file or object concerned; the CLI prints it as
// is and exits non-zero.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace diplograph
