// libFuzzer harness: a lexicon file of `id <TAB> lang <TAB> form [<TAB> attributes]` rows, as
// `extract --lexicon FILE` and `ingest --lexicon FILE` load it, and the TSV splitting under it.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "core/entity.h"
#include "core/error.h"
#include "extractors/lexicon.h"
#include "fuzz/check.h"

using namespace diplograph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  static const std::string path =
      "/tmp/diplograph-fuzz-" + std::to_string(getpid()) + "-lexicon.tsv";
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    FUZZ_CHECK(f != nullptr);
    FUZZ_CHECK(std::fwrite(data, 1, size, f) == size);
    std::fclose(f);
  }
  Lexicon lexicon;
  bool loaded = true;
  try {
    lexicon.LoadEntityFile(path);
  } catch (const Error& e) {
    // The message names the file and, for a bad row, its line.
    FUZZ_CHECK(std::string_view(e.what()).rfind(path, 0) == 0);
    loaded = false;
  }
  std::remove(path.c_str());

  // Every row splits into trimmed fields without tabs; once loaded, the
  // entity of each row is known with the type its id names.
  size_t start = 0;
  while (start <= content.size()) {
    size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    const auto fields = SplitTsvLine(content.substr(start, end - start));
    for (const std::string& f : fields) {
      FUZZ_CHECK(f.find('\t') == std::string::npos);
      FUZZ_CHECK(f.empty() || (f.front() != ' ' && f.back() != ' '));
    }
    if (loaded && fields.size() >= 3) {
      const Entity* e = lexicon.FindEntity(fields[0]);
      FUZZ_CHECK(e != nullptr);
      FUZZ_CHECK(e->type == *EntityTypeOfId(fields[0]));
    }
    start = end + 1;
  }
  return 0;
}
