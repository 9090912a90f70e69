"""Check every gold file: JSON parses, names an existing article, every anchor occurs
verbatim (after score.py's norm_text) exactly once in its article, types and slots are legal."""
import json, os, sys, glob
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/eval"))
from score import norm_text
base = os.path.dirname(os.path.abspath(__file__)) + "/.."
TYPES = {"trade_mission", "trade_fair", "deal", "policy_measure", "recruitment_drive"}
ACT = {"exhibition", "business_negotiation", "investment_promotion", "customer_visit", "order_grabbing", "trade_promotion", "recruitment", "factory_inspection", "online_exhibition", "supply_docking"}
TR = {"charter_flight", "scheduled_flight", "shared_flight", "rail", "ship"}
KINDS = {"orders", "contract", "projects", "intended_deals", "output_value", "investment", "jobs"}
bad = 0
golds = sorted(glob.glob(base + "/gold/*.json"))
arts = sorted(os.path.basename(p) for p in glob.glob(base + "/articles/*.txt"))
for p in golds:
    g = json.load(open(p, encoding="utf-8"))
    name = g["article"]
    if name != os.path.basename(p)[:-5] + ".txt":
        print("NAME MISMATCH", p); bad += 1
    text = norm_text(open(base + "/articles/" + name, encoding="utf-8").read())
    for e in g["events"]:
        a = norm_text(e["anchor"])
        n = text.count(a)
        if n != 1:
            print(f"ANCHOR x{n}: {name}: {e['anchor']}"); bad += 1
        if e["type"] not in TYPES or any(t not in TYPES for t in e.get("alt_types", [])):
            print("TYPE", name, e["type"]); bad += 1
        for v in e.get("activities", []) + e.get("also_ok", {}).get("activities", []):
            if v not in ACT: print("ACT", name, v); bad += 1
        for v in e.get("transport", []) + e.get("also_ok", {}).get("transport", []):
            if v not in TR: print("TR", name, v); bad += 1
        for o in e.get("outcomes", []):
            if o["kind"] not in KINDS: print("KIND", name, o); bad += 1
        for k in e.get("when", {}):
            if k not in ("start", "end", "duration_days"): print("WHEN", name, k); bad += 1
missing = set(arts) - {json.load(open(p))["article"] for p in golds}
if missing: print("ARTICLES WITHOUT GOLD", missing); bad += 1
print(f"{len(golds)} gold files, {len(arts)} articles, {bad} problems")
sys.exit(1 if bad else 0)
