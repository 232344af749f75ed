#!/usr/bin/env bash
# Times `tonelint check --fix=all` on generated English drafts of 1, 2, 4 and 16 MiB, each
# line with two rewrites (about 41,000 edits a MiB), and `check` alone on the largest, to
# show that fixing grows linearly with the draft (issue 13, item 15). User CPU seconds are
# the figure to compare on a shared machine; elapsed time follows the load.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${TONELINT:-build/tonelint}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
line='Please utilize the new dashboard. We will circle back prior to the release.'
sizes=${SIZES:-1 2 4 16}
for mib in $sizes; do
  draft="$work/draft-$mib.md"
  # Just under the 16 MiB draft limit for the largest.
  awk -v line="$line" -v bytes=$((mib * 1048576)) \
    'BEGIN { n = int(bytes / (length(line) + 2)); for (i = 0; i < n; i++) printf "%s\n\n", line }' >"$draft"
  /usr/bin/time -f "$mib MiB --fix=all: %e s elapsed, %U s user CPU, %M KB peak" \
    "$bin" check --fix=all "$draft" 2>&1 >/dev/null | tail -1
done
last="$work/draft-${sizes##* }.md"
/usr/bin/time -f "check alone of the fixed largest draft: %e s elapsed, %U s user CPU" "$bin" check "$last" 2>&1 >/dev/null | tail -1
