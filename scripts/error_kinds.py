#!/usr/bin/env python3
"""Counts the kinds of extraction errors in `score.py -v` output, without printing any article
text: so a test split can be measured by kind of error and never read.

    python3 ../shared/eval/score.py --gold G --pred P -v | python3 scripts/error_kinds.py [--top 10]

Kinds: "missed event <type>", "spurious event <type>" (split into "in a negative article" when
the article has no required gold event), "missed <slot>" and "extra <slot>" (a slot of a matched
event; participants and outcomes by their key or unit).
"""
import argparse
import collections
import json
import re
import sys


def slot_kind(slot, value):
    # participants.enterprises = 20 / outcomes.count = {"value": 30, "unit": "projects"}
    try:
        v = json.loads(value)
    except ValueError:
        v = None
    if slot == "outcomes.count" and isinstance(v, dict) and v.get("unit"):
        return f"{slot} ({v['unit']})"
    return slot


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args()
    kinds = collections.Counter()
    required = 0
    pending_spurious = []

    def close_article():
        for t in pending_spurious:
            kinds[f"spurious event {t}" + ("" if required else " (in a negative article)")] += 1
        pending_spurious.clear()

    for line in sys.stdin:
        head = re.match(r"== .*: (\d+) predicted, (\d+) required gold", line)
        if head:
            close_article()
            required = int(head.group(2))
            continue
        m = re.match(r"\s+MISSED (\w+):", line)
        if m:
            kinds[f"missed event {m.group(1)}"] += 1
            continue
        m = re.match(r"\s+SPURIOUS (\w+):", line)
        if m:
            pending_spurious.append(m.group(1))
            continue
        m = re.match(r"\s+(miss|extra) ([\w.]+) = (.*)$", line)
        if m:
            verb = "missed" if m.group(1) == "miss" else "extra"
            kinds[f"{verb} {slot_kind(m.group(2), m.group(3))}"] += 1
    close_article()
    total = sum(kinds.values())
    print(f"{total} errors")
    for kind, n in kinds.most_common(args.top):
        print(f"{n:5d}  {kind}")


if __name__ == "__main__":
    main()
