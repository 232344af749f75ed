#!/usr/bin/env bash
# Compares two tonelint executables' reports, byte for byte, on the shipped examples and on
# a corpus folder: a refactoring must not change what users see.
#   bash scripts/compare-output.sh OLD_TONELINT NEW_TONELINT [CORPUS_DIR...]
# Each executable finds its own shipped guide (rules/ beside its build/), so the two must
# come from checkouts with the same rules/. Exit 0 when every report is identical.
set -uo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 2 ]] || { echo "usage: $0 OLD_TONELINT NEW_TONELINT [CORPUS_DIR...]" >&2; exit 2; }
old=$1 new=$2
shift 2
targets=(examples "$@")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
compare() {  # name, then the arguments of both runs
  local name=$1
  shift
  "$old" "$@" >"$work/old.out" 2>"$work/old.err"
  local old_rc=$?
  "$new" "$@" >"$work/new.out" 2>"$work/new.err"
  local new_rc=$?
  if [[ $old_rc != "$new_rc" ]] || ! cmp -s "$work/old.out" "$work/new.out" || ! cmp -s "$work/old.err" "$work/new.err"; then
    echo "DIFFERENT: $name (exit $old_rc vs $new_rc)"
    diff <(cat "$work/old.out" "$work/old.err") <(cat "$work/new.out" "$work/new.err") | head -20
    status=1
  else
    echo "identical: $name ($(wc -c <"$work/new.out") bytes, exit $new_rc)"
  fi
}
for target in "${targets[@]}"; do
  for format in json sarif text rdjsonl github checkstyle junit; do
    compare "check --format $format $target" check --no-color --format "$format" "$target"
  done
  compare "check --diff $target" check --no-color --diff "$target"
done
# The context flags and explain, on the examples only.
compare "check --channel chat --emotion upset --format json examples" check --format json --channel chat --emotion upset examples
compare "explain --format json" explain --guide rules/tonelint.yaml --format json --channel email --situation outage
exit $status
