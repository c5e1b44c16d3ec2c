#!/usr/bin/env bash
# Starts the fuzzers' work corpora from real pages: each seed file cut into pieces of ~60 lines
# (ingest, roundtrip) and words and phrases of the pages (search). Idempotent; writes fuzz/corpus/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
mkdir -p corpus/ingest corpus/search corpus/roundtrip
for f in ../seeds/*.txt ../tests/fixtures/seeds-hostile/*.txt; do
  stem=$(basename "$f" .txt)
  split -l 60 -d "$f" "corpus/ingest/$stem-"
done
# roundtrip: query length byte, query, then the page piece.
for f in corpus/ingest/*; do
  { printf '\x06'; printf '青岛'; cat "$f"; } > "corpus/roundtrip/$(basename "$f")"
done
for q in 青岛华大 基因 细胞 '"基因 细胞"' '基因 -细胞' '细胞 OR 干细胞' 'ＢＧ１３６' '5.4个百分点' '華大' '<script>' '-' '""' '青岛 华大 基因'; do
  printf '%s' "$q" > "corpus/search/$(printf '%s' "$q" | md5sum | cut -c1-12)"
done
echo "corpora: $(ls corpus/ingest | wc -l) ingest, $(ls corpus/search | wc -l) search, $(ls corpus/roundtrip | wc -l) roundtrip"
