"""Write gold/e129…e150 (fourth collection of 2026-12-03, branch e/gold-3c). Same format as b8.py…b10.py
(tools/goldfile.py: one event per line, ensure_ascii off)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldfile import gold, ev, write

# ---- trade_fair -------------------------------------------------------------------------
gold("e129_china-south-asia-expo-7th-concludes-2023", "2023-08-20",
     ev("trade_fair", True, "seventh China-South Asia Expo concluded Sunday", alt_types=["deal"],
        when={"end": "2023-08-20", "duration_days": 5}, participants={"countries": 85},
        outcomes=[{"kind": "investment", "amount": {"value": 404000000000, "currency": "CNY"},
                   "count": {"value": 338, "unit": "projects"}}],
        activities=["exhibition"],
        also_ok={"destinations": ["Kunming", "Yunnan"], "when.start": ["2023-08-16"],
                 "participants.enterprises": [30000], "participants.people": [30000],
                 "outcomes.amount": [{"value": 56100000000, "currency": "USD"}],
                 "activities": ["investment_promotion", "trade_promotion", "business_negotiation"]}),
     ev("deal", False, "with 338 projects with a total investment of 404 billion Yuan", alt_types=["trade_fair"],
        outcomes=[{"kind": "investment", "amount": {"value": 404000000000, "currency": "CNY"},
                   "count": {"value": 338, "unit": "projects"}}],
        also_ok={"outcomes.amount": [{"value": 56100000000, "currency": "USD"}],
                 "destinations": ["Kunming", "Yunnan"]}),
     ev("trade_fair", False, "The first China-South Asia Expo was held in Kunming in 2013",
        when={"start": "2013"}, also_ok={"destinations": ["Kunming", "Yunnan"]}))

gold("e130_china-eurasia-expo-8th-commences-urumqi", "2024-06-27",
     ev("trade_fair", True, "commenced Wednesday in Urumqi",
        when={"start": "2024-06-26", "end": "2024-06-30"}, participants={"countries": 50},
        activities=["exhibition"],
        also_ok={"destinations": ["Urumqi", "Xinjiang", "Xinjiang Uygur Autonomous Region",
                                  "Xinjiang International Convention and Exhibition Center"],
                 "participants.enterprises": [1900], "participants.people": [1900],
                 "activities": ["trade_promotion"]}))

gold("e131_canton-fair-123rd-second-phase-opens", "2018-04-23",
     ev("trade_fair", True, "The second phase of China's largest trade fair opened Monday",
        when={"start": "2018-04-23", "end": "2018-04-27"}, activities=["exhibition"],
        also_ok={"destinations": ["Guangzhou", "Guangdong"], "organizer": ["Canton Fair"],
                 "participants.enterprises": [382], "participants.countries": [21],
                 "activities": ["trade_promotion", "online_exhibition"]}),
     ev("trade_fair", False, "The first phase of its 123rd session opened on April 15 and ended April 19",
        when={"start": "2018-04-15", "end": "2018-04-19"},
        also_ok={"destinations": ["Guangzhou", "Guangdong"], "activities": ["exhibition"]}),
     ev("deal", False, "The Canton Fair has signed cooperation agreements with 46 industrial and commercial organizations",
        organizer=["Canton Fair"], participants={"countries": 32},
        outcomes=[{"kind": "contract", "count": {"value": 46, "unit": "agreements"}}],
        also_ok={"destinations": ["Guangzhou"]}))

gold("e132_consumer-products-expo-4th-haikou-2024", "2024-04-15",
     ev("trade_fair", True, "Lasting from April 13 to 18",
        when={"start": "2024-04-13", "end": "2024-04-18"}, participants={"countries": 71},
        activities=["exhibition"],
        also_ok={"destinations": ["Haikou", "Hainan", "Boao", "Hainan International Convention and Exhibition Center"],
                 "organizer": ["China"], "activities": ["trade_promotion"]}))

gold("e133_ciftis-2021-closes-shougang", None,
     ev("trade_fair", True, "is coming to a close on Tuesday",
        when={"end": "2021-09-07", "duration_days": 6},
        participants={"enterprises": 12000, "countries": 153},
        activities=["exhibition", "online_exhibition"],
        also_ok={"destinations": ["Beijing", "Shougang Park", "China National Convention Center"],
                 "organizer": ["China"], "when.start": ["2021-09-02"],
                 "activities": ["trade_promotion"]}))

gold("e134_caexpo-3rd-opens-nanning-2006", "2006-10-31",
     ev("trade_fair", True, "opened Tuesday in Nanning",
        organizer=["Commerce Ministry of China", "ASEAN Secretariat"],
        when={"start": "2006-10-31"}, participants={"enterprises": 2100},
        also_ok={"organizer": ["trade and economic authorities of ten ASEAN members"],
                 "destinations": ["Nanning", "Guangxi", "Guangxi Zhuang Autonomous Region"],
                 "participants.countries": [10],
                 "activities": ["exhibition", "trade_promotion", "investment_promotion"]}))

# ---- policy_measure ---------------------------------------------------------------------
gold("e135_mofcom-sinosure-export-credit-insurance-notice", None,
     ev("policy_measure", True, "On 23 February MOFCOM announced the release of the",
        organizer=["Ministry of Commerce", "Sinosure"], when={"start": "--02-23"},
        also_ok={"organizer": ["MOFCOM", "China Export & Credit Insurance Corporation"], "origin": ["China"]}))

gold("e136_dongguan-100-million-export-credit-insurance-subsidies", None,
     ev("policy_measure", True, "will invest 100 million yuan (RMB) to expand export credit",
        organizer=["Dongguan Municipal Government"], origin=["Dongguan"],
        also_ok={"organizer": ["Dongguan", "information Office of Dongguan Municipal Government"],
                 "origin": ["Guangdong"], "when.start": ["2020", "--06-10", "--10-10"]}),
     ev("policy_measure", False, "the first batch of foreign trade enterprises to declare support special funds",
        origin=["Dongguan"], participants={"enterprises": 19},
        also_ok={"organizer": ["Dongguan Municipal Government", "Dongguan"], "when.start": ["2020"]}),
     ev("policy_measure", False, "Dongguan has set up a \"5 billion yuan special fund plan\"",
        organizer=["Dongguan"], origin=["Dongguan"],
        also_ok={"organizer": ["Dongguan Municipal Government"]}))

gold("e137_regions-measures-foreign-trade-guangdong-canton-trades", None,
     ev("policy_measure", True, "Guangdong proposed to hold over 100 online and offline economic and trade activities",
        organizer=["Guangdong"], origin=["Guangdong"],
        also_ok={"organizer": ["Department of Commerce of Guangdong Province"],
                 "participants.enterprises": [10000], "participants.trade_shows": [100],
                 "activities": ["trade_promotion", "online_exhibition", "exhibition"]}),
     ev("policy_measure", False, "have unveiled measures to help foreign trade firms retain orders",
        also_ok={"organizer": ["Guangdong", "Chongqing", "Jiangsu"], "origin": ["Guangdong", "Chongqing", "Jiangsu"],
                 "when.start": ["2022"]}),
     ev("policy_measure", False, "the major projects conducted by the province to promote high-quality trade development",
        organizer=["Guangdong"], origin=["Guangdong"],
        also_ok={"organizer": ["Department of Commerce of Guangdong Province"]}))

gold("e138_zhejiang-substitute-exhibitors-subsidy-2022", None,
     ev("policy_measure", True, "The following is a notice on the innovative organization of international exhibitions abroad",
        origin=["Zhejiang"], when={"start": "2022"},
        also_ok={"organizer": ["Zhejiang", "Zhejiang Provincial Department of Commerce", "Zhejiang Province"],
                 "activities": ["exhibition", "order_grabbing"]}))

gold("e139_ningbo-firms-overseas-exhibitions-2024", None,
     ev("policy_measure", True, "are heading abroad to attend industry exhibitions under local government support",
        alt_types=["trade_mission"], organizer=["Ningbo Municipal Bureau of Commerce"], origin=["Ningbo"],
        also_ok={"organizer": ["Ningbo", "local government"], "origin": ["Zhejiang"],
                 "when.start": ["2024"], "participants.enterprises": [5000], "participants.trade_shows": [66],
                 "destinations": ["VN"], "activities": ["exhibition", "order_grabbing", "trade_promotion"]}),
     ev("trade_mission", False, "participating in order-seeking trips is expected to increase to 5,000 this year",
        alt_types=["policy_measure"], origin=["Ningbo"], participants={"enterprises": 5000},
        also_ok={"organizer": ["Ningbo Municipal Bureau of Commerce"], "when.start": ["2024"],
                 "activities": ["order_grabbing", "exhibition"]}),
     ev("trade_fair", False, "About 66 overseas exhibitions have been scheduled throughout this year",
        alt_types=["trade_mission", "policy_measure"], origin=["Ningbo"], participants={"trade_shows": 66},
        also_ok={"organizer": ["Ningbo Municipal Bureau of Commerce", "local government"], "destinations": ["VN"],
                 "when.start": ["2024"], "when.end": ["2024-12-23", "--12-23"], "activities": ["exhibition"]}))

# ---- deal --------------------------------------------------------------------------------
gold("e140_dalian-online-investment-signing-91-projects", None,
     ev("deal", True, "An online investment signing and promotional event was held on Tuesday in Dalian",
        origin=["Dalian"],
        outcomes=[{"kind": "investment", "amount": {"value": 105150000000, "currency": "CNY"},
                   "count": {"value": 91, "unit": "projects"}}],
        also_ok={"organizer": ["Dalian municipal government", "Dalian"], "origin": ["Liaoning"],
                 "destinations": ["Dalian", "Liaoning"], "participants.people": [330],
                 "outcomes.amount": [{"value": 15000000000, "currency": "USD"}],
                 "activities": ["investment_promotion", "online_exhibition"]}),
     ev("deal", False, "Among the 91 projects, four were signed at the main venue",
        origin=["Dalian"], outcomes=[{"kind": "projects", "count": {"value": 4, "unit": "projects"}}]),
     ev("deal", False, "signed agreements for 20 projects",
        origin=["Jinpu New Area"], outcomes=[{"kind": "projects", "count": {"value": 20, "unit": "projects"}}],
        also_ok={"origin": ["Dalian"]}))

gold("e141_wuxi-xishan-43-projects-signed-forum", "2023-11-14",
     ev("deal", True, "43 major industrial projects were signed",
        origin=["Xishan District"], when={"start": "2023-11-10"},
        outcomes=[{"kind": "investment", "amount": {"value": 46500000000, "currency": "CNY"},
                   "count": {"value": 43, "unit": "projects"}}],
        also_ok={"origin": ["Wuxi", "Jiangsu"], "destinations": ["Xishan District", "Wuxi", "Jiangsu"],
                 "organizer": ["Xishan District", "Xishan District government"],
                 "outcomes.amount": [{"value": 6380000000, "currency": "USD"}],
                 "activities": ["investment_promotion"]}),
     ev("deal", False, "six fund cooperation projects were signed with a total scale of 5.3 billion yuan",
        origin=["Xishan District"], when={"start": "2023-11-10"},
        outcomes=[{"kind": "investment", "amount": {"value": 5300000000, "currency": "CNY"},
                   "count": {"value": 6, "unit": "projects"}}],
        also_ok={"origin": ["Wuxi", "Jiangsu"]}),
     ev("trade_fair", False, "An Investment promotion and cooperation forum was held on Friday", alt_types=["deal"],
        when={"start": "2023-11-10"},
        also_ok={"destinations": ["Xishan District", "Wuxi", "Jiangsu"], "origin": ["Xishan District", "Wuxi"],
                 "activities": ["investment_promotion"]}))

gold("e142_changchun-ccfao-thailand-association-framework-agreement", "2019-08-29",
     ev("deal", True, "the two sides signed the Framework Agreement",
        organizer=["Changchun Foreign Affairs Office", "Thailand ASEAN-China Trade Promotion Association"],
        origin=["Changchun"], destinations=["TH"], when={"start": "2019-08-27"},
        also_ok={"organizer": ["CCFAO", "Qi Guohua", "Thailand ASEAN-China Economic and Trade Promotion Association"],
                 "origin": ["Jilin", "TH"], "destinations": ["Changchun"],
                 "activities": ["trade_promotion", "investment_promotion"]}),
     ev("trade_mission", False, "the 3-member delegation led by President Yang Fangshu", alt_types=["deal"],
        organizer=["Thailand ASEAN-China Trade Promotion Association"], origin=["TH"], destinations=["Changchun"],
        participants={"people": 3},
        also_ok={"destinations": ["Jilin", "CN"], "when.start": ["2019-08-27", "2019-08-21"]}),
     ev("trade_fair", False, "The delegation came mainly to attend the Northeast Asia Expo",
        also_ok={"destinations": ["Changchun"], "origin": ["TH"]}))

gold("e143_lao-cai-yunnan-business-associations-framework-agreement", "2021-05-29",
     ev("deal", True, "Accordingly, they sealed six deals",
        origin=["Yunnan"], destinations=["VN"], when={"start": "2021-05-28"},
        outcomes=[{"kind": "contract", "count": {"value": 6, "unit": "deals"}}],
        also_ok={"organizer": ["Business associations of Lao Cai", "Yunnan business association",
                               "Yunnan Trade Department", "Lao Cai Department of Industry and Trade"],
                 "origin": ["Lao Cai", "VN"], "destinations": ["Lao Cai", "Yunnan"],
                 "when.end": ["2025-05"], "activities": ["online_exhibition", "business_negotiation"]}))

# ---- negatives ---------------------------------------------------------------------------
gold("e144_china-export-import-statistics-preview-2018", None)
gold("e145_listed-firms-h1-2018-profit-growth", "2018-08-28")
gold("e146_chinese-stocks-exports-data-ping-an-scmp", None)
gold("e147_imf-cuts-china-growth-forecast-exports-2013", None)
gold("e148_qin-gang-talks-us-ambassador-burns-2023", "2023-05-08")
gold("e149_smartisan-m1-flagship-launch-technode", None)
gold("e150_dalian-soybean-futures-cbot-tumble-2008", "2008-08-11")

write()
