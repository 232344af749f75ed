#!/usr/bin/env bash
# Command 1 of the README: install what is missing, build in Release, and check the example
# drafts in examples/ with the shipped guide (rules/tonelint.yaml).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
echo "== build/tonelint check examples/" >&2
status=0
build/tonelint check examples/ || status=$?
# Exit 1 means "findings of level error", which the examples are written to have.
if [[ $status -gt 1 ]]; then exit "$status"; fi
echo "== build/tonelint check --emotion upset --channel chat examples/outage-chat-reply-ja.txt" >&2
build/tonelint check --emotion upset --channel chat examples/outage-chat-reply-ja.txt || [[ $? -eq 1 ]]
