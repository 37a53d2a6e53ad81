// SHA-256, for content-addressed article ids.
#pragma once

#include <string>
#include <string_view>

namespace diplograph {

// Lowercase hex digest of `data` (FIPS 180-4).
std::string Sha256Hex(std::string_view data);

}  // namespace diplograph
