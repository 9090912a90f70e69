"""Write gold/e85…e106 (third collection, 2026-12-03, branch e/gold-3a). Same format as the existing files:
one event per line, ensure_ascii off."""
from goldfile import gold, ev, write

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

# ---- batch 2: e91-e96 ---------------------------------------------------------------------
gold("e91_songyang-export-credit-insurance-subsidy", "2023-07-24",
     ev("policy_measure", True, "has rolled out a series of initiatives aimed at stabilizing the region's international business activities",
        organizer=["Songyang county"], origin=["Songyang"], when={"start": "2023"},
        also_ok={"organizer": ["Songyang county government", "government"], "origin": ["Lishui", "Zhejiang"],
                 "when.start": ["2023-07", "2023-07-24"]}),
     ev("policy_measure", False, "One of the key measures introduced by the government in collaboration with insurance companies",
        organizer=["Songyang county"], origin=["Songyang"],
        also_ok={"organizer": ["Songyang county government", "government", "insurance companies"], "origin": ["Lishui", "Zhejiang"]}),
     ev("policy_measure", False, "Songyang increased the proportion of subsidies for premiums on export credit insurance",
        organizer=["Songyang county"], origin=["Songyang"], when={"start": "2023-07"},
        also_ok={"organizer": ["Songyang county government", "government"], "origin": ["Lishui", "Zhejiang"]}))

gold("e92_state-council-policy-support-exporters-2009", "2009-05-28",
     ev("policy_measure", True, "China's State Council rolled out Wednesday more policy support",
        organizer=["State Council"], when={"start": "2009-05-27"},
        also_ok={"organizer": ["executive meeting of the State Council", "Cabinet", "Wen Jiabao"], "origin": ["China"],
                 "when.start": ["2009-05-28"]}),
     ev("policy_measure", False, "China has already raised export rebates on such products as textiles several times",
        also_ok={"organizer": ["State Council"], "origin": ["China"]}))

gold("e93_dalian-iron-ore-seven-week-low", "2025-10-20")

gold("e94_state-council-circular-steady-foreign-trade-2022", None,
     ev("policy_measure", True, "according to a circular released by the State Council on May 26",
        organizer=["State Council"], when={"start": "--05-26"},
        also_ok={"organizer": ["General Office of the State Council"], "origin": ["China"]}),
     ev("policy_measure", False, "policies facilitating export goods return and exchange will be put in place soon",
        also_ok={"organizer": ["State Council"], "origin": ["China"]}),
     ev("policy_measure", False, "China will expand short-term export credit insurance and export credit",
        also_ok={"organizer": ["State Council"], "origin": ["China"]}))

gold("e95_jilin-central-enterprises-forum-48-projects", "2023-11-17",
     ev("deal", True, "A total of 48 cooperation projects were signed with relevant central enterprises",
        origin=["Jilin"], when={"start": "2023-11-17"},
        outcomes=[{"kind": "projects", "amount": {"value": 178341000000, "currency": "CNY"},
                   "count": {"value": 48, "unit": "projects"}}],
        also_ok={"organizer": ["provincial government", "Jilin provincial government", "Jing Junhai", "Hu Yuting"],
                 "destinations": ["Changchun", "Jilin"], "participants.people": [100],
                 "activities": ["investment_promotion", "business_negotiation"]}),
     ev("deal", True, "signing a cooperation framework agreement",
        organizer=["provincial government", "China National Building Materials Group"],
        origin=["Jilin"], when={"start": "2023-11-17"},
        also_ok={"organizer": ["Jilin provincial government", "Jing Junhai", "Hu Yuting", "Zhou Yuxian"],
                 "destinations": ["Changchun", "Jilin"],
                 "outcomes.amount": [{"value": 178341000000, "currency": "CNY"}],
                 "outcomes.count": [{"value": 48, "unit": "projects"}]}),
     ev("trade_fair", False, "the central-regional cooperation forum was held in Changchun", alt_types=["deal"],
        when={"start": "2023-11-17"}, also_ok={"destinations": ["Changchun", "Jilin"], "origin": ["Jilin"],
                                               "organizer": ["provincial government", "Hu Yuting"],
                                               "participants.people": [100], "activities": ["investment_promotion"]}))

gold("e96_qingpu-ciie-procurement-orders-2020", "2020-11-11",
     ev("deal", True, "Total procurement of the district's enterprises on the first day of the expo were worth US$596 million",
        alt_types=["trade_fair"], origin=["Qingpu"],
        outcomes=[{"kind": "orders", "amount": {"value": 596000000, "currency": "USD"}}],
        also_ok={"origin": ["Shanghai", "Qingpu District"], "destinations": ["Qingpu", "Shanghai"],
                 "organizer": ["Qingpu District government", "district government"]}),
     ev("deal", True, "Seven orders with procurement values above US$10 million were signed by companies in the district",
        alt_types=["trade_fair"], origin=["Qingpu"],
        outcomes=[{"kind": "orders", "count": {"value": 7, "unit": "orders"}}],
        also_ok={"origin": ["Shanghai", "Qingpu District"], "destinations": ["Qingpu", "Shanghai"],
                 "organizer": ["Qingpu District government", "district government"],
                 "outcomes.amount": [{"value": 10000000, "currency": "USD"}]}),
     ev("deal", False, "A company based in Qingpu signed the first deal, worth US$500 million",
        origin=["Qingpu"], outcomes=[{"kind": "orders", "amount": {"value": 500000000, "currency": "USD"}}]),
     ev("deal", False, "signed an agreement with Top Victory Investments Ltd",
        organizer=["PTC Consumer Electronics Company Ltd", "Top Victory Investments Ltd"]),
     ev("trade_fair", False, "brought 155 brands from 32 countries and regions to exhibit",
        organizer=["Greenland Global Commodity Trading Hub"], participants={"countries": 32}),
     ev("trade_fair", False, "where the China International Import Expo was held",
        also_ok={"destinations": ["Qingpu", "Shanghai"]}))

gold("e105_xiamen-100-exhibitions-1000-enterprises", None,
     ev("policy_measure", True, "At the beginning of this year, Xiamen launched the activity",
        organizer=["Xiamen"], origin=["Xiamen"], activities=["exhibition", "order_grabbing"],
        also_ok={"organizer": ["Xiamen Municipal Bureau of Commerce", "Xiamen government"], "origin": ["Fujian"],
                 "activities": ["trade_promotion"]}),
     ev("trade_mission", True, "more than 100 Xiamen enterprises have \"gone out\" to participate in more than 10 exhibitions",
        alt_types=["trade_fair", "deal"], origin=["Xiamen"], destinations=["US", "GB", "ES", "IT"],
        participants={"enterprises": 100, "trade_shows": 10}, activities=["exhibition"],
        outcomes=[{"kind": "intended_deals", "amount": {"value": 560000000, "currency": "CNY"}}],
        also_ok={"origin": ["Fujian"], "organizer": ["Xiamen", "Xiamen Municipal Bureau of Commerce"], "activities": ["order_grabbing", "trade_promotion"]}),
     ev("trade_mission", True, "45 local enterprises went to the United States to participate in the exhibition",
        alt_types=["trade_fair"], origin=["Xiamen"], destinations=["US"],
        participants={"enterprises": 45}, activities=["exhibition"],
        also_ok={"origin": ["Fujian"], "organizer": ["Xiamen", "Xiamen Municipal Bureau of Commerce"],
                 "activities": ["order_grabbing", "trade_promotion"]}),
     ev("deal", False, "The amount of intended orders reached 560 million yuan", alt_types=["trade_mission"],
        origin=["Xiamen"], outcomes=[{"kind": "intended_deals", "amount": {"value": 560000000, "currency": "CNY"}}]),
     ev("trade_mission", False, "the city plans to organize more than 200 enterprises to participate in 12 overseas sales exhibitions",
        alt_types=["policy_measure", "trade_fair"], origin=["Xiamen"],
        participants={"enterprises": 200, "trade_shows": 12}, activities=["exhibition"],
        also_ok={"organizer": ["Xiamen", "Xiamen Municipal Bureau of Commerce"]}),
     ev("policy_measure", False, "the booth fees and personnel expenses subsidies for enterprises to participate in overseas exhibitions",
        organizer=["Xiamen"], origin=["Xiamen"],
        also_ok={"organizer": ["Xiamen Municipal Bureau of Commerce"], "activities": ["exhibition"]}))

# ---- batch 3: e97-e102 --------------------------------------------------------------------
gold("e97_zte-launches-smartphone-vienna-2012", "2012-10-13")

gold("e98_guangdong-h1-2024-foreign-trade-record", "2024-07-18")

gold("e99_cifit-23rd-concludes-638-deals", "2023-09-12",
     ev("trade_fair", True, "which concluded on Monday in Xiamen", alt_types=["deal"],
        when={"end": "2023-09-11", "duration_days": 4},
        participants={"enterprises": 1000},
        outcomes=[{"kind": "investment", "amount": {"value": 484570000000, "currency": "CNY"},
                   "count": {"value": 638, "unit": "projects"}}],
        activities=["exhibition", "investment_promotion", "business_negotiation"],
        also_ok={"destinations": ["Xiamen", "Fujian"], "when.start": ["2023-09-08"],
                 "outcomes.amount": [{"value": 66420000000, "currency": "USD"}],
                 "activities": ["trade_promotion"]}),
     ev("deal", False, "The deals involved a total investment of 484.57 billion yuan", alt_types=["trade_fair"],
        outcomes=[{"kind": "investment", "amount": {"value": 484570000000, "currency": "CNY"}}],
        also_ok={"outcomes.amount": [{"value": 66420000000, "currency": "USD"}]}))

gold("e100_pan-prd-fair-473-deals-first-day-2004", None,
     ev("deal", True, "473 deals worth 241.2 billion yuan (US$29.1 billion) signed on the first day", alt_types=["trade_fair"],
        outcomes=[{"kind": "contract", "amount": {"value": 241200000000, "currency": "CNY"},
                   "count": {"value": 473, "unit": "deals"}}],
        also_ok={"destinations": ["Guangzhou", "Guangdong"],
                 "origin": ["Fujian", "Jiangxi", "Hunan", "Guangdong", "Hainan", "Sichuan", "Guizhou", "Yunnan", "Guangxi",
                            "Hong Kong", "Macao", "Pan-Pearl River Delta"],
                 "outcomes.amount": [{"value": 29100000000, "currency": "USD"}]}),
     ev("trade_fair", True, "The three-day fair opened Wednesday in Guangzhou",
        when={"duration_days": 3}, participants={"people": 15000},
        activities=["exhibition"],
        also_ok={"destinations": ["Guangzhou", "Guangdong"],
                 "origin": ["Fujian", "Jiangxi", "Hunan", "Guangdong", "Hainan", "Sichuan", "Guizhou", "Yunnan", "Guangxi",
                            "Hong Kong", "Macao", "Pan-Pearl River Delta"],
                 "activities": ["trade_promotion", "investment_promotion", "business_negotiation"]}),
     ev("deal", False, "Seven of the deals concluded yesterday involved government contracts worth 120.2 billion yuan",
        alt_types=["trade_fair"],
        outcomes=[{"kind": "contract", "amount": {"value": 120200000000, "currency": "CNY"},
                   "count": {"value": 7, "unit": "deals"}}],
        also_ok={"outcomes.amount": [{"value": 14500000000, "currency": "USD"}]}),
     ev("deal", False, "The other 466 agreements, all between enterprises, are valued at 121 billion yuan",
        alt_types=["trade_fair"],
        outcomes=[{"kind": "contract", "amount": {"value": 121000000000, "currency": "CNY"},
                   "count": {"value": 466, "unit": "agreements"}}],
        also_ok={"outcomes.amount": [{"value": 14600000000, "currency": "USD"}]}),
     ev("deal", False, "The final framework agreement will be signed on the last day of the fair"),
     ev("deal", False, "The initial 9+2 agreement was signed on June 3", when={"start": "--06-03"}))

gold("e101_haier-profit-2016-xinhua", "2017-01-14")

gold("e102_world-bank-raises-china-2008-forecast", "2008-06-19")

# ---- batch 4: e103, e104, e106 ------------------------------------------------------------
gold("e103_heilongjiang-commerce-forum-macao-framework-agreement", None,
     ev("deal", True, "Heilongjiang Province Department of Commerce signed the",
        organizer=["Permanent Secretariat of Forum Macao", "Heilongjiang Province Department of Commerce"],
        origin=["Heilongjiang"], destinations=["MO"], when={"start": "--03-23"},
        also_ok={"organizer": ["Forum Macao", "Xu Qin", "CPC Heilongjiang Provincial Committee"],
                 "origin": ["Macao", "MO"], "destinations": ["Macao"],
                 "activities": ["trade_promotion"]}),
     ev("trade_mission", False, "Xu Qin’s visit to Macao", alt_types=["deal"],
        origin=["Heilongjiang"], destinations=["MO"], when={"start": "--03-23"},
        also_ok={"organizer": ["Xu Qin", "CPC Heilongjiang Provincial Committee", "Heilongjiang Province Department of Commerce"],
                 "destinations": ["Macao"]}))

gold("e104_chinese-shares-close-higher-oct-2023", "2023-10-30")

gold("e106_li-qiang-talks-mishustin-2023", "2023-05-25")

write()
