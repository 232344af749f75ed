#!/usr/bin/env bash
# The service soak (issue 7): `tonelint serve` on loopback for MINUTES (default 10) at RATE
# requests a second (default 500), one malformed request in ten, a guide reload every 30 s;
# per-minute latency, errors and memory (bench/service_soak.cpp). Exits 1 when it fails.
# Needs a quiet machine for meaningful latencies: it shares the cores with the server.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus}
scripts/build.sh >/dev/null
build/bench/tonelint_service_soak --serve build/tonelint --guide rules/tonelint.yaml --messages "$corpus/messages" \
  --minutes "${MINUTES:-10}" --rate "${RATE:-500}" --reload-every "${RELOAD_EVERY:-30}"
