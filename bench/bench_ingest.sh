#!/bin/bash
# End-to-end ingest benchmark: N generated articles (Persian and English) through
# `diplograph ingest`, timed as a whole process; prints one JSON line.
#
#   bench/bench_ingest.sh ARTICLES [THREADS]      e.g. bench/bench_ingest.sh 3000
#   BULK=1 bench/bench_ingest.sh 100000           the same through `ingest --bulk`
#
# Needs a release build in build/ (scripts/build.sh) and /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:?usage: bench/bench_ingest.sh ARTICLES [THREADS]}
threads=${2:-$(nproc)}
bin=build/cli/diplograph
gen=build/bench/bench_extract_corpus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Articles average about 1.4 kB of text: generate a little more, keep N.
mb=$(awk -v n="$articles" 'BEGIN { printf "%.3f", n * 0.0016 + 0.01 }')
"$gen" --mb "$mb" --dump >"$work/all.jsonl"
head -n "$articles" "$work/all.jsonl" >"$work/corpus.jsonl"
rm "$work/all.jsonl"
got=$(wc -l <"$work/corpus.jsonl")
[[ $got -eq $articles ]] || { echo "generated $got articles, wanted $articles" >&2; exit 1; }

bulk=()
[[ -n ${BULK:-} ]] && bulk=(--bulk)
/usr/bin/time -v "$bin" ingest --quiet "${bulk[@]}" --threads "$threads" --db "$work/db" \
  "$work/corpus.jsonl" 2>"$work/time.txt"
seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
  for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time.txt")
rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$work/time.txt")
stats=$("$bin" stats --format json --db "$work/db")
statements=$(echo "$stats" | sed -n 's/.*"statements": *\([0-9]*\).*/\1/p')
provenance=$(echo "$stats" | sed -n 's/.*"provenance": *\([0-9]*\).*/\1/p')
bytes=$(du -sb "$work/db" | cut -f1)
corpus_bytes=$(stat -c %s "$work/corpus.jsonl")

awk -v bulk="$([[ -n ${BULK:-} ]] && echo true || echo false)" -v a="$articles" -v t="$threads" -v s="$seconds" -v c="$cpu" -v st="$statements" \
  -v pr="$provenance" -v b="$bytes" -v r="$rss_kb" -v cb="$corpus_bytes" 'BEGIN {
  printf "{\"bulk\": %s, \"articles\": %d, \"threads\": %d, \"seconds\": %.2f, \"cpu_seconds\": %.2f, ", bulk, a, t, s, c
  printf "\"articles_per_second\": %.0f, \"statements\": %d, \"provenance\": %d, ", a / s, st, pr
  printf "\"statements_per_second\": %.0f, \"corpus_mb\": %.1f, \"disk_mb\": %.1f, ", st / s, cb / 1e6, b / 1e6
  printf "\"bytes_per_statement\": %.0f, \"peak_rss_mb\": %.0f}\n", b / st, r / 1024 }'
