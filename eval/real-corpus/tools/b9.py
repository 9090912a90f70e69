"""Write gold/e85…e106 (third collection, 2026-12-03, branch e/gold-3a). Same format as the existing files:
one event per line, ensure_ascii off."""
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

# ---- batch 1: e85-e90 ---------------------------------------------------------------------
gold("e85_china-south-asia-expo-1st-opens-kunming", None,
     ev("trade_fair", True, "kicked off on Thursday of June 6 in Kunming",
        when={"start": "2013-06-06", "duration_days": 5},
        participants={"enterprises": 1400, "countries": 43},
        activities=["exhibition"],
        also_ok={"destinations": ["Kunming", "Yunnan"], "participants.enterprises": [1200],
                 "activities": ["trade_promotion", "business_negotiation"]}),
     ev("trade_fair", False, "Kunming Import and Export Fair opened simultaneously with the expo",
        when={"start": "2013-06-06"}, also_ok={"destinations": ["Kunming", "Yunnan"]}))

gold("e86_western-china-fair-18th-opens-chengdu", "2021-09-17",
     ev("trade_fair", True, "The 18th Western China International Fair (WCIF) opened in Chengdu",
        organizer=["National Development and Reform Commission", "Ministry of Commerce", "Ministry of Foreign Affairs"],
        when={"start": "2021-09-16", "duration_days": 5},
        participants={"people": 50000, "countries": 66},
        activities=["exhibition", "investment_promotion"],
        also_ok={"destinations": ["Chengdu", "Sichuan"],
                 "organizer": ["Secretariat of the organizing committee of the WCIF"],
                 "activities": ["online_exhibition", "trade_promotion", "business_negotiation"]}),
     ev("deal", False, "12,000 investment agreements have been signed so far since the first session", alt_types=["trade_fair"],
        outcomes=[{"kind": "investment", "amount": {"value": 6800000000000, "currency": "CNY"},
                   "count": {"value": 12000, "unit": "agreements"}}],
        also_ok={"outcomes.amount": [{"value": 1050000000000, "currency": "USD"}]}))

gold("e87_ccpit-overseas-exhibition-projects-orders", "2022-11-29",
     ev("policy_measure", True, "has greenlighted 15 overseas economic and trade exhibition projects",
        alt_types=["trade_fair"],
        organizer=["China Council for the Promotion of International Trade"],
        destinations=["DE", "US", "AE"], when={"start": "2022-11"},
        participants={"trade_shows": 15},
        also_ok={"organizer": ["CCPIT", "China's trade council", "Sun Xiao"], "origin": ["China"],
                 "participants.trade_shows": [13, 2], "participants.countries": [8],
                 "when.start": ["2022-11-29"],
                 "activities": ["exhibition", "order_grabbing", "trade_promotion", "business_negotiation"]}),
     ev("policy_measure", False, "China earlier this year decided to improve services for companies to participate in overseas exhibitions",
        when={"start": "2022"},
        also_ok={"origin": ["China"], "activities": ["exhibition", "business_negotiation", "trade_promotion"]}))

gold("e88_ciftis-2023-service-trade-fair-beijing", "2023-09-05",
     ev("trade_fair", True, "the 2023 CIFTIS is being held in Beijing from Sept. 2 to 6",
        when={"start": "2023-09-02", "end": "2023-09-06"},
        participants={"countries": 83, "enterprises": 2400},
        activities=["exhibition"],
        also_ok={"destinations": ["Beijing"], "participants.groups": [200],
                 "activities": ["business_negotiation", "trade_promotion"]}))

gold("e89_china-homelife-show-warsaw-2017", None,
     ev("trade_fair", True, "there was hold the sixth China Homelife Show 2017",
        organizer=["Hangzhou Municipal People's Government", "Guangdong Provincial Department of Commerce",
                   "Shandong Provincial Department of Commerce"],
        destinations=["PL"], when={"start": "2017-06-06", "end": "2017-06-08"},
        participants={"enterprises": 1300},
        activities=["exhibition"],
        also_ok={"organizer": ["CCPIT of Henan Province", "Nanjing Municipal Bureau of Commerce", "Jiangmen Bureau of Commerce",
                               "Exhibition Center of Department of Commerce of Hu Nan Province", "Han Zhou Business Council",
                               "Merient international Exhibition Center"],
                 "origin": ["China", "Hangzhou", "Zhejiang", "Guangdong", "Shandong", "Henan", "Nanjing", "Jiangmen", "Hunan"],
                 "destinations": ["Warsaw", "Nadarzyn", "region:europe"],
                 "participants.people": [1500],
                 "activities": ["business_negotiation", "trade_promotion"]}))

gold("e90_china-russia-expo-2nd-opens-harbin", "2015-10-13",
     ev("trade_fair", True, "the second China-Russia Exposition, which opened on Sunday in Harbin",
        organizer=["Ministry of Commerce", "Ministry of Economic Development of the Russian Federation",
                   "Ministry of Industry and Trade of the Russian Federation", "provincial government of Heilongjiang"],
        when={"start": "2015-10-11", "end": "2015-10-16"},
        participants={"people": 10000, "countries": 103},
        also_ok={"destinations": ["Harbin", "Heilongjiang"], "when.start": ["2015-10-12"],
                 "participants.people": [4000], "participants.countries": [29],
                 "activities": ["exhibition", "business_negotiation", "trade_promotion"]}),
     ev("trade_fair", False, "The first China-Russia Expo ended last July in Harbin", alt_types=["deal"],
        when={"end": "2014-07"},
        outcomes=[{"kind": "contract", "amount": {"value": 3150000000, "currency": "USD"}}],
        also_ok={"destinations": ["Harbin", "Heilongjiang"]}),
     ev("trade_fair", False, "The third expo will be held in Russia", destinations=["RU"]))

#BODY
# ---------------------------------------------------------------------------------------
for name, (pub, events) in G.items():
    lines = ",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in events)
    body = ('{\n  "article": %s,\n  "published": %s,\n' % (json.dumps(name + ".txt"), json.dumps(pub)))
    body += '  "events": [\n' + lines + '\n  ]\n}\n' if events else '  "events": []\n}\n'
    open(os.path.join(base, name + ".json"), "w", encoding="utf-8").write(body)
    print(name, len(events))
