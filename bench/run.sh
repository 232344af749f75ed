#!/usr/bin/env bash
# Builds and runs the benchmarks on the shared corpus (../shared/corpus):
# the tokenizer against raw MeCab, then the whole check path and chat-message latency.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus}
scripts/build.sh >/dev/null
echo "== tokenizer"
build/bench/tonelint_bench --runs "${RUNS:-3}" "$corpus/ja" "$corpus/en"
echo "== check"
build/bench/tonelint_check_bench --runs "${RUNS:-3}" --guide rules/tonelint.yaml --messages "$corpus/messages" \
  "$corpus/ja" "$corpus/en"
