#!/usr/bin/env python3
"""Count the mission events missiond extracts from an unlabelled set of articles.

    python3 scripts/count_events.py eval/unlabelled/articles
    python3 scripts/count_events.py eval/unlabelled/articles --binary .build/release/missiond
    python3 scripts/count_events.py /tmp/events.jsonl --sources eval/unlabelled/sources.tsv
    python3 scripts/count_events.py eval/unlabelled/articles --sample 20 --seed 1

PATH is a directory of articles (the script runs `missiond extract PATH`) or a JSONL file of
events already extracted (one mission-event/1 object a line). Articles are matched to
sources.tsv (columns file, title, outlet, date, URL, kind) by file name, which gives each
article its kind, `trade` or `general`. Without a gold standard the counts only say how much
the extractor finds: an event from a `general` article (stock reports, earnings, forecasts,
diplomacy, ...) is probably spurious, and those are listed with their first evidence
sentence. `--sample N --seed S` prints N random events with their evidence, for reading.

Python 3 standard library only.
"""
import argparse
import collections
import csv
import json
import os
import random
import subprocess
import sys
from pathlib import Path

TYPES = ["trade_mission", "trade_fair", "deal", "policy_measure", "recruitment_drive"]


def read_sources(path):
    """file name -> row dict; empty when there is no sources file."""
    if not path or not Path(path).is_file():
        return {}
    with open(path, newline="", encoding="utf-8") as f:
        return {row["file"]: row for row in csv.DictReader(f, delimiter="\t")}


def run_extract(binary, directory, rules):
    cmd = [binary, "extract", str(directory)]
    if rules:
        cmd += ["--rules", rules]
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except FileNotFoundError:
        sys.exit(f"count_events: no binary at {binary} (build it: swift build -c release, or pass --binary)")
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        sys.exit(f"count_events: {' '.join(cmd)} exited {proc.returncode}")
    if proc.stderr.strip():
        # extract reports refused or unreadable files on stderr; show them, they matter
        sys.stderr.write(proc.stderr)
    return proc.stdout.splitlines()


def parse_events(lines, origin):
    events = []
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            sys.exit(f"count_events: {origin}:{n}: not JSON: {e}")
        if isinstance(obj, dict) and "type" in obj:
            events.append(obj)
    return events


def article_name(event):
    art = event.get("article") or {}
    return os.path.basename(art.get("name") or art.get("id") or "?")


def first_evidence(event, width):
    ev = event.get("evidence") or []
    text = ev[0].get("text", "") if ev else ""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def pct(a, b):
    return f"{100.0 * a / b:.0f}%" if b else "-"


def ratio(a, b):
    return f"{a / b:.2f}" if b else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", help="directory of articles, or a JSONL file of events")
    ap.add_argument("--binary", default=".build/release/missiond",
                    help="missiond binary for a directory (default: %(default)s)")
    ap.add_argument("--rules", help="passed to missiond extract --rules")
    ap.add_argument("--sources", help="sources.tsv (default: sources.tsv beside the articles "
                    "directory, else eval/unlabelled/sources.tsv)")
    ap.add_argument("--sample", type=int, default=0, metavar="N", help="print N random events")
    ap.add_argument("--seed", type=int, default=0, metavar="S", help="seed for --sample")
    ap.add_argument("--width", type=int, default=220, help="characters of evidence shown (default: %(default)s)")
    ap.add_argument("--save", metavar="FILE", help="also write the events as JSONL to FILE")
    args = ap.parse_args()

    path = Path(args.path)
    if path.is_dir():
        lines = run_extract(args.binary, path, args.rules)
        events = parse_events(lines, "missiond extract")
        articles = sorted(p.name for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        default_sources = path.parent / "sources.tsv"
    elif path.is_file():
        lines = path.read_text(encoding="utf-8").splitlines()
        events = parse_events(lines, path.name)
        articles = None
        default_sources = None
    else:
        sys.exit(f"count_events: no such file or directory: {path}")
    if args.save:
        Path(args.save).write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events),
                                   encoding="utf-8")

    src_path = args.sources
    if not src_path:
        for cand in (default_sources, Path("eval/unlabelled/sources.tsv")):
            if cand and cand.is_file():
                src_path = cand
                break
    sources = read_sources(src_path)

    if articles is None:  # JSONL: the articles are those of sources.tsv, plus any event names
        articles = sorted(set(sources) | {article_name(e) for e in events})

    by_article = collections.defaultdict(list)
    for e in events:
        by_article[article_name(e)].append(e)
    stray = sorted(set(by_article) - set(articles))
    articles = articles + stray

    def kind_of(name):
        return (sources.get(name) or {}).get("kind") or "unknown"

    order = {"trade": 0, "general": 1}
    kinds = sorted({kind_of(a) for a in articles}, key=lambda k: (order.get(k, 2), k))

    print(f"source: {path}" + (f"  (binary {args.binary})" if path.is_dir() else ""))
    print(f"sources.tsv: {src_path or 'none'}")
    print()
    n_art, n_ev = len(articles), len(events)
    with_ev = sum(1 for a in articles if by_article.get(a))
    print(f"articles: {n_art}   events: {n_ev}   events/article: {ratio(n_ev, n_art)}   "
          f"articles with >=1 event: {with_ev} ({pct(with_ev, n_art)})")
    print()
    print(f"{'kind':<9} {'articles':>8} {'events':>7} {'ev/art':>7} {'with>=1':>8} {'share':>6}")
    for k in kinds:
        arts = [a for a in articles if kind_of(a) == k]
        ev = sum(len(by_article.get(a, [])) for a in arts)
        w = sum(1 for a in arts if by_article.get(a))
        print(f"{k:<9} {len(arts):>8} {ev:>7} {ratio(ev, len(arts)):>7} {w:>8} {pct(w, len(arts)):>6}")
    print()

    print("events per article (histogram)")
    counts = {k: collections.Counter(len(by_article.get(a, [])) for a in articles if kind_of(a) == k)
              for k in kinds}
    total = collections.Counter(len(by_article.get(a, [])) for a in articles)
    top = max(total) if total else 0
    print(f"  {'events':>6} {'all':>5} " + " ".join(f"{k:>8}" for k in kinds))
    for n in range(top + 1):
        if not total.get(n):
            continue
        print(f"  {n:>6} {total[n]:>5} " + " ".join(f"{counts[k].get(n, 0):>8}" for k in kinds)
              + "  " + "#" * min(total[n], 60))
    print()

    print("events by type")
    by_type = collections.Counter(e.get("type", "?") for e in events)
    type_kind = collections.Counter((e.get("type", "?"), kind_of(article_name(e))) for e in events)
    names = TYPES + sorted(t for t in by_type if t not in TYPES)
    print(f"  {'type':<18} {'all':>5} " + " ".join(f"{k:>8}" for k in kinds))
    for t in names:
        print(f"  {t:<18} {by_type.get(t, 0):>5} " + " ".join(f"{type_kind.get((t, k), 0):>8}" for k in kinds))
    print()

    gen = [a for a in articles if kind_of(a) == "general" and by_article.get(a)]
    print(f"general articles with events (probable spurious): {len(gen)} articles, "
          f"{sum(len(by_article[a]) for a in gen)} events")
    for a in gen:
        title = (sources.get(a) or {}).get("title", "")
        print(f"  {a}  [{len(by_article[a])}]  {title}")
        for e in by_article[a]:
            print(f"      {e.get('type', '?'):<18} conf {e.get('confidence', '-')}: {first_evidence(e, args.width)}")
    if "unknown" in kinds:
        unk = [a for a in articles if kind_of(a) == "unknown"]
        print(f"\narticles not in sources.tsv: {len(unk)}")

    if args.sample > 0:
        rng = random.Random(args.seed)
        picked = rng.sample(events, min(args.sample, len(events)))
        print(f"\nsample: {len(picked)} of {len(events)} events (seed {args.seed})")
        for i, e in enumerate(picked, 1):
            a = article_name(e)
            print(f"\n[{i}] {e.get('type', '?')}  conf {e.get('confidence', '-')}  {a} ({kind_of(a)})")
            title = (sources.get(a) or {}).get("title") or (e.get("article") or {}).get("title", "")
            print(f"    title: {title}")
            slots = []
            for key in ("organizer", "origin", "destinations"):
                vals = [x.get("name", "?") for x in e.get(key) or []]
                if vals:
                    slots.append(f"{key}={', '.join(vals)}")
            when = e.get("when") or {}
            if when.get("start"):
                slots.append(f"when={when.get('start')}..{when.get('end') or ''}")
            for key in ("activities", "transport"):
                if e.get(key):
                    slots.append(f"{key}={', '.join(e[key])}")
            if e.get("outcomes"):
                slots.append("outcomes=" + "; ".join(o.get("text", o.get("kind", "?")) for o in e["outcomes"]))
            if slots:
                print("    " + "  ".join(slots))
            for ev in e.get("evidence") or []:
                print(f"    > {' '.join(ev.get('text', '').split())}")


if __name__ == "__main__":
    main()
