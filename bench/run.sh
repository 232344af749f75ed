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
echo "== service: in-process latency of chat replies, then tonelint serve under load (open loop) and a 60 s soak"
TONELINT_USER_DIC=${TONELINT_USER_DIC-build/dictionaries/brand-names.dic} \
  build/bench/tonelint_service_bench --messages "$corpus/messages" --guide rules/tonelint.yaml --runs 20 \
  --serve build/tonelint --rates "${RATES:-500,1000,2000,4000}" --seconds "${SECONDS_PER_RATE:-10}" --soak "${SOAK:-60}"
