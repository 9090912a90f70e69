#!/usr/bin/env python3
"""Write eval/unlabelled/articles/ and sources.tsv from tools/batches/*.jsonl.

Each batch line is one stored page as the search tool's `pages` corpus returned it:
{"slug", "kind" (trade|general), "title", "outlet", "date" (or ""), "url", "excerpt"}.
`excerpt` is the tool's text, unchanged (JSON-escaped as the tool returned it). The only
transformation: a single line break becomes a blank line (runs of two or more are kept),
and the file ends with one newline. Files are numbered u001, u002, ... in batch order.
"""
import json, re, sys
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXISTING = [Path('/work/shared/eval/real/README.md'),
            ROOT.parent / 'real-corpus' / 'README.md']


def norm_url(u):
    s = urlsplit(u.strip())
    host = s.netloc.lower().rstrip('.')
    if host.startswith('www.'):
        host = host[4:]
    return host + s.path.rstrip('/') + ('?' + s.query if s.query else '')


def norm_title(t):
    return re.sub(r'[^a-z0-9]+', ' ', t.lower()).strip()


def main():
    existing_urls, existing_titles = set(), set()
    for p in EXISTING:
        if not p.exists():
            continue
        for line in p.read_text().splitlines():
            if not line.startswith('| ') or line.startswith('| file') or line.startswith('|---'):
                continue
            cells = [c.strip() for c in line.strip('|').split('|')]
            if len(cells) >= 5:
                existing_titles.add(norm_title(re.sub(r'\s+—.*$', '', cells[1]).strip('[]')))
                for u in re.findall(r'https?://\S+', line):
                    existing_urls.add(norm_url(u))
    rows, seen_u, seen_t, bad = [], {}, {}, 0
    for bf in sorted((HERE / 'batches').glob('*.jsonl')):
        for ln, line in enumerate(bf.read_text().splitlines(), 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                print(f'{bf.name}:{ln}: bad JSON: {e}', file=sys.stderr); bad += 1; continue
            u, t = norm_url(r['url']), norm_title(r['title'])
            where = f'{bf.name}:{ln}'
            if u in existing_urls or t in existing_titles:
                print(f'{where}: already in an existing set: {r["url"]}', file=sys.stderr); bad += 1; continue
            if u in seen_u or t in seen_t:
                print(f'{where}: duplicate of {seen_u.get(u) or seen_t.get(t)}', file=sys.stderr); bad += 1; continue
            if r['kind'] not in ('trade', 'general'):
                print(f'{where}: kind {r["kind"]!r}', file=sys.stderr); bad += 1; continue
            seen_u[u] = seen_t[t] = where
            rows.append(r)
    out = ROOT / 'articles'
    out.mkdir(exist_ok=True)
    for old in out.glob('u*.txt'):
        old.unlink()
    tsv = ['file\ttitle\toutlet\tdate\tURL\tkind']
    for i, r in enumerate(rows, 1):
        name = f'u{i:03d}_{r["slug"]}.txt'
        text = re.sub(r'(?<!\n)\n(?!\n)', '\n\n', r['excerpt'].rstrip('\n')) + '\n'
        (out / name).write_text(text)
        date = r.get('date') or ''
        m = re.match(r' date (\d{4}-\d{2}-\d{2}) ', r['excerpt'])
        if m and not date:
            date = m.group(1)
        tsv.append('\t'.join([name, r['title'], r['outlet'], date, r['url'], r['kind']]))
    (ROOT / 'sources.tsv').write_text('\n'.join(tsv) + '\n')
    k = {x: sum(1 for r in rows if r['kind'] == x) for x in ('trade', 'general')}
    print(f'{len(rows)} articles ({k["trade"]} trade, {k["general"]} general); {bad} lines rejected')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
