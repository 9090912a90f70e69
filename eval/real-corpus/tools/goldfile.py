"""The gold-writing helpers shared by b8.py, b9.py, b10.py: `gold(name, published, *events)` records
an article's gold, `ev(type, required, anchor, **slots)` makes one event, and `write()` writes every
recorded article to ../gold/<name>.json (one event per line, ensure_ascii off)."""
import json, os
base = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gold")
G = {}


def gold(name, published, *events):
    G[name] = (published, list(events))


def ev(type_, required, anchor, **kw):
    e = {"type": type_}
    if "alt_types" in kw:
        e["alt_types"] = kw.pop("alt_types")
    e["required"] = required
    e["anchor"] = anchor
    e.update(kw)
    return e


def write():
    for name, (pub, events) in G.items():
        lines = ",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in events)
        body = ('{\n  "article": %s,\n  "published": %s,\n' % (json.dumps(name + ".txt"), json.dumps(pub)))
        body += '  "events": [\n' + lines + '\n  ]\n}\n' if events else '  "events": []\n}\n'
        open(os.path.join(base, name + ".json"), "w", encoding="utf-8").write(body)
        print(name, len(events))
