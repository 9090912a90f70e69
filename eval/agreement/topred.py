"""Turns gold files into predicted events (JSONL) for an agreement score: each event's evidence is
the sentence of the normalised article around its anchor. Usage: topred.py GOLD_DIR ARTICLES [--all]"""
import json, glob, os, sys, re
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared/eval"))
from score import norm_text
gold, arts = sys.argv[1], sys.argv[2]
take_all = "--all" in sys.argv
for p in sorted(glob.glob(gold + "/*.json")):
    g = json.load(open(p))
    text = norm_text(open(os.path.join(arts, g["article"])).read())
    for e in g["events"]:
        if not e.get("required", True) and not take_all: continue
        a = norm_text(e["anchor"]); i = text.find(a)
        if i < 0: continue
        s = max(text.rfind(". ", 0, i) + 2, 0); t = text.find(". ", i + len(a)); t = len(text) if t < 0 else t + 1
        ev = {k: v for k, v in e.items() if k not in ("anchor", "required", "alt_types", "also_ok")}
        ev["article"] = {"name": g["article"], "published": g.get("published")}
        ev["evidence"] = [{"text": text[s:t]}]
        print(json.dumps(ev))
