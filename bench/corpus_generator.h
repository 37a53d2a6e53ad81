// CorpusGenerator: deterministic synthetic Persian and English diplomatic news for benchmarks.
#pragma once

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "extractors/article.h"

namespace diplograph {

struct CorpusData;

// Streams articles composed from sentence templates, with names drawn from
// the lexicon files (people, places, titles, country adjectives) plus
// invented ones. About half the articles are Persian, half English; each has
// a headline and 5-15 sentences, events mixed with filler that holds none.
// The same seed always yields the same articles: nothing depends on the clock.
class CorpusGenerator {
 public:
  // Reads the names it uses from `lexicon_dir`. Throws Error when a needed
  // file is missing or yields too few usable names.
  CorpusGenerator(const std::string& lexicon_dir, uint64_t seed);
  ~CorpusGenerator();
  CorpusGenerator(CorpusGenerator&&) noexcept;
  CorpusGenerator& operator=(CorpusGenerator&&) noexcept;

  // The next article: meta (id, title, url, source, published, lang) and text,
  // headline as its first line.
  Article Next();

 private:
  std::shared_ptr<const CorpusData> data_;
  std::mt19937_64 rng_;
  uint64_t count_ = 0;
};

// Articles from CorpusGenerator until their texts total at least `target_bytes`.
std::vector<Article> GenerateCorpus(const std::string& lexicon_dir, size_t target_bytes,
                                    uint64_t seed);

}  // namespace diplograph
