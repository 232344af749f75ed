#!/usr/bin/env python3
"""Measures the shipped guide on real text nobody wrote for it.

Runs `tonelint check --format json` over a corpus (by default ../shared/corpus/{ja,en}) in
one context (by default a neutral customer email), then prints

  1. findings per 1,000 sentences, per rule and level, for each language folder;
  2. a seeded random sample of warnings and errors, each with its file:line and the line's
     text, to be read and judged by hand (the precision table of the guide's notes).

Usage: python3 bench/guide_quality.py [--corpus DIR] [--sample 50] [--seed 4] [flags...]
Extra flags (--channel, --situation, --audience, --emotion, --guide) go to `tonelint check`.
"""
import argparse
import collections
import json
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_check(binary, folder, extra):
    cmd = [binary, "check", "--format", "json", "--jobs", str(os.cpu_count() or 2),
           "--channel", "email", "--situation", "general", "--audience", "customer",
           "--emotion", "neutral", *extra, folder]
    proc = subprocess.run(cmd, capture_output=True, check=False)
    if proc.returncode not in (0, 1):
        sys.exit(f"tonelint failed on {folder} (exit {proc.returncode}): {proc.stderr.decode()[:2000]}")
    return json.loads(proc.stdout)


def line_text(path, line, cache={}):
    if path not in cache:
        with open(path, encoding="utf-8", errors="replace") as f:
            cache[path] = f.read().splitlines()
    lines = cache[path]
    return lines[line - 1] if 0 < line <= len(lines) else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    parser.add_argument("--folders", default="ja,en")
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "tonelint"))
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=4)
    args, extra = parser.parse_known_args()

    sampled_pool = []
    for folder in args.folders.split(","):
        path = os.path.join(args.corpus, folder)
        report = run_check(args.binary, path, extra)
        sentences = sum(f.get("sentences", 0) for f in report["files"])
        per_rule = collections.Counter()
        for f in report["files"]:
            for d in f["diagnostics"]:
                per_rule[(d["rule"], d["level"])] += 1
                if d["level"] in ("warning", "error"):
                    sampled_pool.append((folder, f["path"], d))
        print(f"\n## {folder}: {len(report['files'])} files, {sentences} sentences, "
              f"{sum(per_rule.values())} findings")
        print("| rule | level | findings | per 1,000 sentences |")
        print("|---|---|---:|---:|")
        for (rule, level), n in sorted(per_rule.items(), key=lambda kv: -kv[1]):
            rate = 1000.0 * n / sentences if sentences else 0.0
            print(f"| {rule} | {level} | {n} | {rate:.2f} |")

    rng = random.Random(args.seed)
    sample = rng.sample(sampled_pool, min(args.sample, len(sampled_pool)))
    print(f"\n## sample: {len(sample)} of {len(sampled_pool)} warnings and errors (seed {args.seed})")
    for i, (folder, path, d) in enumerate(sorted(sample, key=lambda s: (s[2]["rule"], s[1], s[2]["line"])), 1):
        rel = os.path.relpath(path, args.corpus)
        text = line_text(path, d["line"]).strip()
        print(f"{i:2}. [{d['rule']} {d['level']}] {rel}:{d['line']}:{d['column']} «{d['match']}»\n      {text[:220]}")


if __name__ == "__main__":
    main()
