// ArticleMeta: what the store keeps about an article besides its statements.
#pragma once

#include <string>

namespace diplograph {

struct ArticleMeta {
  std::string id;     // "sha256:<hex>" of the article text: the idempotence key
  std::string title;  // headline
  std::string url;
  std::string source;     // publisher or feed name
  std::string published;  // ISO date, when known
  std::string lang;       // "fa", "en", ...
  std::string path;       // file it was read from, when any
};

}  // namespace diplograph
