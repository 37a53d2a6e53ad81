#include "server/web_assets.h"

#include <array>

// Each file is assembled into .rodata as it is, between two symbols, by
// .incbin: no conversion step, and the build redoes this file when one
// changes (see server/CMakeLists.txt). DIPLOGRAPH_WEB_DIR is the web/ folder.
#define DIPLOGRAPH_EMBED(symbol, file)                        \
  asm(".pushsection .rodata\n"                                \
      ".balign 16\n"                                          \
      ".hidden " #symbol                                      \
      "\n"                                                    \
      ".hidden " #symbol "_end\n" #symbol                     \
      ":\n"                                                   \
      ".incbin \"" DIPLOGRAPH_WEB_DIR "/" file "\"\n" #symbol \
      "_end:\n"                                               \
      ".popsection\n");                                       \
  extern "C" const char symbol[];                             \
  extern "C" const char symbol##_end[];

DIPLOGRAPH_EMBED(diplograph_web_index_html, "index.html")
DIPLOGRAPH_EMBED(diplograph_web_app_js, "app.js")
DIPLOGRAPH_EMBED(diplograph_web_app_css, "app.css")
DIPLOGRAPH_EMBED(diplograph_web_cytoscape_js, "node_modules/cytoscape/dist/cytoscape.min.js")

namespace diplograph {

namespace {

std::string_view Between(const char* begin, const char* end) {
  return std::string_view(begin, static_cast<size_t>(end - begin));
}

}  // namespace

const WebAsset* FindWebAsset(std::string_view path) {
  static const std::array<WebAsset, 5> assets = {{
      {"/", "text/html; charset=utf-8",
       Between(diplograph_web_index_html, diplograph_web_index_html_end)},
      {"/index.html", "text/html; charset=utf-8",
       Between(diplograph_web_index_html, diplograph_web_index_html_end)},
      {"/app.js", "text/javascript; charset=utf-8",
       Between(diplograph_web_app_js, diplograph_web_app_js_end)},
      {"/app.css", "text/css; charset=utf-8",
       Between(diplograph_web_app_css, diplograph_web_app_css_end)},
      {"/vendor/cytoscape.min.js", "text/javascript; charset=utf-8",
       Between(diplograph_web_cytoscape_js, diplograph_web_cytoscape_js_end)},
  }};
  for (const WebAsset& a : assets)
    if (a.path == path) return &a;
  return nullptr;
}

}  // namespace diplograph
