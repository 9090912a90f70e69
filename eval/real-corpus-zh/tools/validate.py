import json, os, sys, re
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/eval"))
from score import norm_text
B = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
TYPES = {"trade_mission","trade_fair","deal","policy_measure","recruitment_drive"}
ACTS = {"exhibition","business_negotiation","investment_promotion","customer_visit","order_grabbing","trade_promotion","recruitment","factory_inspection","online_exhibition","supply_docking"}
TRANS = {"charter_flight","scheduled_flight","shared_flight","rail","ship"}
KINDS = {"orders","contract","projects","intended_deals","output_value","investment","jobs"}
bad = 0
for f in sorted(os.listdir(B + "/gold")):
    g = json.load(open(f"{B}/gold/{f}", encoding="utf-8"))
    art = g["article"]
    assert art == f[:-5] + ".txt", f
    text = norm_text(open(f"{B}/articles/{art}", encoding="utf-8").read())
    for e in g["events"]:
        a = norm_text(e["anchor"])
        n = text.count(a)
        msgs = []
        if n != 1: msgs.append(f"anchor occurs {n}x")
        if not (6 <= len(e["anchor"]) <= 22): msgs.append(f"anchor len {len(e['anchor'])}")
        if e["type"] not in TYPES: msgs.append("type")
        for t in e.get("alt_types", []):
            if t not in TYPES: msgs.append("alt")
        for x in e.get("activities", []) + e.get("also_ok", {}).get("activities", []):
            if x not in ACTS: msgs.append("act " + x)
        for x in e.get("transport", []):
            if x not in TRANS: msgs.append("trans " + x)
        for o in e.get("outcomes", []):
            if o["kind"] not in KINDS: msgs.append("kind")
        if msgs:
            bad += 1
            print(f, e["anchor"], msgs)
print("files", len(os.listdir(B + "/gold")), "problems", bad)
