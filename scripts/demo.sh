#!/bin/bash
# Builds diplograph, ingests the example articles into ./diplograph.db and
# answers two questions: who met whom, and what ties Iran and Serbia.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh >/dev/null
bin=build/cli/diplograph

"$bin" ingest examples
echo
echo "== Who met whom?"
"$bin" query '?a met ?b'
echo
echo "== What ties Iran and Serbia?"
"$bin" relations Iran Serbia
