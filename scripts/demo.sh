#!/bin/bash
# Builds diplograph, ingests the example articles into ./diplograph.db and
# answers two questions: who met whom, and what ties Iran and Serbia.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh >/dev/null
bin=build/cli/diplograph

# Plain-text articles carry no date: give each its publication date.
while IFS=$'\t' read -r file date; do
  [[ -z $file || $file == \#* ]] && continue
  "$bin" ingest --quiet --date "$date" "examples/$file"
done <examples/published.tsv
"$bin" ingest --quiet examples/more.jsonl
"$bin" stats

echo
echo "== Who met whom?"
"$bin" query '?a met ?b FILTER modality = asserted ORDER BY date'
echo
echo "== What ties Iran and Serbia?"
"$bin" relations Iran Serbia
