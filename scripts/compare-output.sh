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
  local input=${stdin_file:-}  # each run reads it whole (stdin_file=FILE compare ...)
  if [[ -n $input ]]; then
    "$old" "$@" <"$input" >"$work/old.out" 2>"$work/old.err"
  else
    "$old" "$@" >"$work/old.out" 2>"$work/old.err"
  fi
  local old_rc=$?
  if [[ -n $input ]]; then
    "$new" "$@" <"$input" >"$work/new.out" 2>"$work/new.err"
  else
    "$new" "$@" >"$work/new.out" 2>"$work/new.err"
  fi
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
# tokens, explain and test, which run over the public API (analysis.h, explain.h, guide_test.h).
drafts=(examples/drafts/*)
for format in text json; do
  compare "tokens --format $format examples/drafts" tokens --format "$format" "${drafts[@]}"
  compare "tokens --format $format, a missing file" tokens --format "$format" "${drafts[0]}" examples/drafts/missing.md
  compare "tokens --format $format --input-format markdown" tokens --format "$format" --input-format markdown "${drafts[@]}"
  stdin_file=${drafts[0]} compare "tokens --format $format - (stdin)" tokens --format "$format" --stdin-filename draft.md -
  for target in "$@"; do
    mapfile -t files < <(find "$target" -type f \( -name '*.md' -o -name '*.txt' -o -name '*.html' \) | LC_ALL=C sort | head -4)
    [[ ${#files[@]} -gt 0 ]] && compare "tokens --format $format ${#files[@]} files of $target" tokens --format "$format" "${files[@]}"
  done
done
compare "tokens --format yaml" tokens --format yaml "${drafts[0]}"
compare "tokens --input-format rtf" tokens --input-format rtf "${drafts[0]}"
compare "explain (text)" explain --guide rules/tonelint.yaml --channel email --situation outage
compare "explain (text, defaults)" explain --guide rules/tonelint.yaml
compare "explain --format json --channel chat --emotion upset" explain --guide rules/tonelint.yaml --format json --channel chat --emotion upset
compare "explain, an unknown value" explain --guide rules/tonelint.yaml --channel fax
compare "explain --format xml" explain --guide rules/tonelint.yaml --format xml
for guide in tests/fixtures/guide/team.yaml tests/fixtures/guide/errors/*.yaml; do
  compare "explain --guide $guide" explain --guide "$guide"
done
# A guide whose examples fail (a bad one not reported, a good one reported) and a rule without any.
cat >"$work/failing.yaml" <<'YAML'
guide: failing
languages: [ja, en]
contexts:
  emotion: [calm, angry]
defaults: {emotion: calm}
rules:
  - id: bang
    kind: occurrence
    message: "At most {max} '!'."
    regex: ["[!！]"]
    max: 1
    examples:
      bad: ["Done."]
      good: ["助かりました！本当に！"]
  - id: bare
    kind: existence
    message: "No '{match}'."
    words: [whatever]
tones:
  - when: {emotion: angry}
    rules:
      - id: calm-down
        kind: existence
        lang: en
        message: "Drop '{match}'."
        words: [obviously]
        examples:
          bad: ["Obviously it works."]
          good: ["It works."]
YAML
compare "test --guide (failing examples)" test --guide "$work/failing.yaml"
compare "explain --guide (failing examples) --emotion angry" explain --guide "$work/failing.yaml" --emotion angry
for guide in rules/*.yaml tests/fixtures/rules/*.yaml tests/fixtures/cli/*.yaml tests/fixtures/guide/errors/broken-base.yaml; do
  compare "test --guide $guide" test --guide "$guide"
done
exit $status
