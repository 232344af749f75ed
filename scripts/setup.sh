#!/usr/bin/env bash
# Command 1 of the README: install what is missing, build in Release, and check the example
# drafts in examples/ with the shipped guide (rules/tonelint.yaml).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
echo "== build/tonelint check examples/drafts (drafts with problems: findings expected)" >&2
status=0
build/tonelint check examples/drafts || status=$?
# Exit 1 means "findings of level error", which the drafts are written to have.
if [[ $status -gt 1 ]]; then exit "$status"; fi
echo "== build/tonelint check examples/corrected (the same drafts, rewritten: clean)" >&2
build/tonelint check examples/corrected
echo "== the corrected celebration post, read as if it went out during an outage" >&2
build/tonelint check --situation outage --emotion upset examples/corrected/celebration-social-en.md || [[ $? -eq 1 ]]
