#!/usr/bin/env bash
# Builds and runs the tokenizer benchmark on the shared corpus (../shared/corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus}
scripts/build.sh >/dev/null
build/bench/tonelint_bench --runs "${RUNS:-3}" "$corpus/ja" "$corpus/en"
