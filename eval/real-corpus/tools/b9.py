"""Write gold/e107…e128 (third collection, 2026-12-03, branch e/gold-3b). Same format as b8.py:
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

# ---- recruitment_drive ------------------------------------------------------------------
gold("e107_bijie-chartered-train-guangzhou-2023", None,
     ev("recruitment_drive", True, "The high-speed train will depart for Guangzhou",
        origin=["Bijie"], destinations=["Guangzhou"], participants={"people": 610}, transport=["rail"],
        also_ok={"origin": ["Guizhou"], "destinations": ["Guangdong", "Jiangmen", "Guangzhou South Railway Station"],
                 "organizer": ["Labor authorities of Guangdong", "Labor authorities of Guizhou"],
                 "activities": ["recruitment"]}),
     ev("recruitment_drive", True, "Guangdong's first chartered high-speed train, carrying 618 workers",
        origin=["Guangxi"], destinations=["Guangzhou"], participants={"people": 618}, transport=["rail"],
        also_ok={"organizer": ["Guangdong"], "origin": ["Guangxi Zhuang autonomous region", "Guilin"],
                 "destinations": ["Guangdong", "Guangzhou South Railway Station", "Baiyun district"],
                 "activities": ["recruitment"]}),
     ev("recruitment_drive", False, "they will organize more chartered trains and buses", alt_types=["policy_measure"],
        organizer=["Labor authorities of Guangdong", "Labor authorities of Guizhou"],
        destinations=["Pearl River Delta"], transport=["rail"],
        also_ok={"origin": ["Guizhou", "Guangdong"], "destinations": ["Guangdong"]}))

gold("e108_shanghai-free-charter-flights-yunnan-workers-2025", "2025-02-05",
     ev("recruitment_drive", True, "A chartered flight carrying more than 100 migrant workers from Yunnan province",
        organizer=["Shanghai Municipal Human Resources and Social Security Bureau"],
        origin=["Yunnan"], destinations=["Shanghai"], when={"start": "2025-02-01"},
        participants={"people": 100}, transport=["charter_flight"],
        also_ok={"organizer": ["Shanghai government", "Yunnan government"],
                 "origin": ["Wenshan Zhuang and Miao autonomous prefecture", "Honghe Hani and Yi autonomous prefecture",
                            "Wenshan", "Honghe"],
                 "destinations": ["Shanghai Pudong International Airport", "Jing'an", "Hongkou", "Baoshan"],
                 "activities": ["recruitment"]}))

gold("e109_rudong-job-fair-migrant-workers-2019", "2019-02-12",
     ev("recruitment_drive", True, "recently organized a three-day job fair",
        organizer=["Rudong county"], destinations=["Rudong"], when={"start": "2019-02-08", "duration_days": 3},
        participants={"enterprises": 453}, activities=["recruitment"],
        also_ok={"organizer": ["Rudong county government", "local human resources and social security department"],
                 "origin": ["Rudong", "Nantong", "Jiangsu"], "destinations": ["Nantong", "Jiangsu"]}),
     ev("policy_measure", False, "the local government has issued opinions to improve the working environment",
        alt_types=["recruitment_drive"], organizer=["Rudong local government"],
        also_ok={"origin": ["Rudong"], "destinations": ["Rudong"]}))

gold("e110_jiayu-point-to-point-buses-shanghai-shenzhen", "2020-03-19",
     ev("recruitment_drive", True, "sent to Shanghai and Shenzhen \"point-to-point\" from Jiayu County",
        organizer=["Jiayu County"], origin=["Jiayu County"], destinations=["Shanghai", "Shenzhen"],
        when={"start": "2020-03-16"}, participants={"people": 54},
        also_ok={"organizer": ["Jiayu County Party Committee", "United Front Work Department of Jiayu County Party Committee",
                               "Liu Duanping", "relevant departments of Jiayu county"],
                 "origin": ["Hubei", "Xianning"], "destinations": ["Guangdong"],
                 "activities": ["recruitment"]}),
     ev("policy_measure", False, "Jiayu County has formulated and introduced measures of stabilizing employment",
        alt_types=["recruitment_drive"], organizer=["Jiayu County"], also_ok={"origin": ["Jiayu County"]}))

gold("e111_zhejiang-firms-job-fair-shangrao-jiangxi-2019", "2019-02-24",
     ev("recruitment_drive", True, "At a job fair in eastern China's Jiangxi Province",
        origin=["Zhejiang"], destinations=["Shangrao"], participants={"enterprises": 16}, activities=["recruitment"],
        also_ok={"organizer": ["Hu Zhiliang", "enterprise delegation from Zhejiang"],
                 "origin": ["Shangrao", "Jiangxi"], "destinations": ["Jiangxi", "Zhejiang"]}))

gold("e112_huzhou-spring-airlines-charter-yunnan-workers-2020", None,
     ev("recruitment_drive", True, "The 180 passengers, departing from Southwest China",
        organizer=["Huzhou human resources department"], origin=["Yunnan"], destinations=["Huzhou"],
        when={"start": "2020-02-18"}, participants={"people": 180}, transport=["charter_flight"],
        also_ok={"organizer": ["Spring Airlines", "Huzhou", "Huzhou local government"],
                 "origin": ["Kunming"], "destinations": ["Shanghai", "Shanghai Hongqiao airport", "Zhejiang"],
                 "activities": ["recruitment"]}))

# ---------------------------------------------------------------------------------------
for name, (pub, events) in G.items():
    lines = ",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in events)
    body = ('{\n  "article": %s,\n  "published": %s,\n' % (json.dumps(name + ".txt"), json.dumps(pub)))
    body += '  "events": [\n' + lines + '\n  ]\n}\n' if events else '  "events": []\n}\n'
    open(os.path.join(base, name + ".json"), "w", encoding="utf-8").write(body)
    print(name, len(events))
