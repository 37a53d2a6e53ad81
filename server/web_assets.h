// WebAssets: the web app's files, built into the binary so that the server reads nothing else from
// disk.
#pragma once

#include <string_view>

namespace diplograph {

struct WebAsset {
  std::string_view path;  // as requested: "/", "/app.js", ...
  std::string_view content_type;
  std::string_view body;
};

// The asset at exactly this path; nullptr for any other, so that no request
// can name a file outside the app.
const WebAsset* FindWebAsset(std::string_view path);

}  // namespace diplograph
