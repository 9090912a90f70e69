"""Write gold/e107…e128 (third collection, 2026-12-03, branch e/gold-3b). Same format as b8.py:
one event per line, ensure_ascii off."""
from goldfile import gold, ev, write

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

# ---- trade_mission ----------------------------------------------------------------------
gold("e113_jinan-delegations-japan-germany-hksar", "2023-02-08",
     ev("trade_mission", True, "Delegations from Jinan embarked on trips to Japan, Germany, and Hong Kong Special Administrative Region",
        origin=["Jinan"], destinations=["JP", "DE", "HK"], when={"start": "2023-02-06"},
        activities=["investment_promotion"],
        also_ok={"organizer": ["Jinan"], "origin": ["Shandong"],
                 "activities": ["customer_visit", "business_negotiation", "trade_promotion"]}),
     ev("trade_mission", False, "The delegation group to Japan planned to visit 11 partner companies",
        origin=["Jinan"], destinations=["JP"], activities=["investment_promotion"],
        also_ok={"activities": ["customer_visit"]}),
     ev("trade_mission", False, "The delegation group to Germany aims to promote cooperation",
        origin=["Jinan"], destinations=["DE"]),
     ev("trade_mission", False, "The delegation visiting Hong Kong plans to carry out dialogues",
        origin=["Jinan"], destinations=["HK"], also_ok={"activities": ["investment_promotion"]}))

gold("e114_jilin-trade-delegation-russia-2023", None,
     ev("trade_mission", True, "A trade delegation, composed of over 30 representatives from foreign trade enterprises and government",
        origin=["Jilin"], destinations=["RU"], when={"duration_days": 10}, participants={"people": 30},
        activities=["business_negotiation", "investment_promotion"],
        also_ok={"organizer": ["Jilin provincial department of commerce", "Jilin provincial government", "Li Zhuang"],
                 "when.start": ["--01"], "activities": ["trade_promotion", "order_grabbing"]}),
     ev("trade_mission", False, "Jilin has sent several economic and trade delegations to the Republic of Korea",
        origin=["Jilin"], destinations=["KR", "SG", "MY", "TH"],
        also_ok={"activities": ["order_grabbing", "investment_promotion", "trade_promotion"]}))

gold("e115_guizhou-business-team-moscow-scmp", None,
     ev("trade_mission", True, "Representatives from 18 companies and commercial officials from the inland Chinese province of Guizhou",
        origin=["Guizhou"], destinations=["RU"], when={"duration_days": 5}, participants={"enterprises": 18},
        activities=["exhibition"],
        also_ok={"organizer": ["Guizhou", "Guizhou provincial government"], "destinations": ["Moscow"],
                 "activities": ["order_grabbing", "business_negotiation", "trade_promotion"]}),
     ev("trade_fair", False, "participating in a five-day exhibition of food, beverages and food raw materials",
        alt_types=["trade_mission"], destinations=["RU"], when={"duration_days": 5},
        also_ok={"origin": ["Guizhou"], "destinations": ["Moscow"], "activities": ["exhibition"]}),
     ev("policy_measure", False, "as it ramps up its campaign to help public enterprises seek overseas orders",
        also_ok={"origin": ["China"]}))

gold("e116_zhejiang-charter-flight-germany-france-delegation", None,
     ev("trade_mission", True, "has started a six-day trip to Germany and France on a flight chartered by the provincial Department of Commerce",
        organizer=["Zhejiang Department of Commerce"], origin=["Zhejiang"], destinations=["DE", "FR"],
        when={"duration_days": 6}, participants={"enterprises": 31}, transport=["charter_flight"],
        also_ok={"organizer": ["provincial Department of Commerce", "Li Lin"], "origin": ["Jiaxing"],
                 "destinations": ["region:europe"],
                 "activities": ["customer_visit", "exhibition", "trade_promotion", "business_negotiation", "order_grabbing"]}),
     ev("policy_measure", True, "the first stops of Zhejiang’s campaign", origin=["Zhejiang"],
        participants={"groups": 1000, "enterprises": 10000},
        also_ok={"organizer": ["Zhejiang", "Zhejiang Department of Commerce"],
                 "activities": ["order_grabbing", "trade_promotion"]}))

gold("e117_xuchang-mayor-delegation-germany-france-sweden", "2023-04-24",
     ev("trade_mission", True, "an economic and trade delegation from Xuchang, led by Mayor Liu Tao",
        organizer=["Liu Tao"], origin=["Xuchang"], destinations=["DE", "FR", "SE"],
        when={"start": "2023-04-14", "end": "2023-04-23"}, activities=["investment_promotion"],
        also_ok={"organizer": ["Xuchang", "Mayor Liu Tao", "Xuchang municipal government"], "origin": ["Henan"],
                 "destinations": ["region:europe"],
                 "activities": ["customer_visit", "business_negotiation", "factory_inspection", "trade_promotion"]}))

gold("e118_huaibei-qin-weiguo-delegation-hk-germany-norway", "2023-08-30",
     ev("trade_mission", True, "led a delegation to Hong Kong, Germany, and Norway",
        organizer=["Qin Weiguo"], origin=["Huaibei"], destinations=["HK", "DE", "NO"],
        when={"start": "2023-08-20", "end": "2023-08-29"}, activities=["investment_promotion"],
        also_ok={"organizer": ["Municipal Party Committee", "Huaibei Municipal Party Committee", "Huaibei"],
                 "origin": ["Anhui", "Huaihe"],
                 "activities": ["customer_visit", "business_negotiation", "trade_promotion"]}),
     ev("trade_mission", False, "During their stay in Hong Kong, the delegation visited renowned companies",
        destinations=["HK"], also_ok={"origin": ["Huaibei"], "activities": ["customer_visit", "investment_promotion"]}),
     ev("trade_mission", False, "In Germany, the delegation visited the German-Chinese Economic Federation",
        destinations=["DE"], also_ok={"origin": ["Huaibei", "Huaihe"], "activities": ["customer_visit", "investment_promotion"]}))

gold("e119_foshan-delegation-japan-korea-orders-2023", "2023-03-07",
     ev("trade_mission", True, "Foshan's Economic and Trade Delegation organized by the Foshan Bureau of Commerce",
        organizer=["Foshan Bureau of Commerce"], origin=["Foshan"], destinations=["JP", "KR"],
        when={"start": "2023-02-26", "end": "2023-03-05", "duration_days": 8}, activities=["exhibition"],
        outcomes=[{"kind": "orders", "amount": {"value": 1200000000, "currency": "CNY"}}],
        also_ok={"origin": ["Guangdong"], "destinations": ["Tokyo"],
                 "outcomes.amount": [{"value": 600000000, "currency": "CNY"}],
                 "outcomes.count": [{"value": 3, "unit": "projects"}],
                 "activities": ["customer_visit", "business_negotiation", "trade_promotion", "supply_docking",
                                "investment_promotion"]}),
     ev("deal", False, "the delegation got more than 600 million yuan of intentional orders in Japan",
        alt_types=["trade_mission", "trade_fair"], destinations=["JP"], when={"start": "2023-02-28"},
        outcomes=[{"kind": "intended_deals", "amount": {"value": 600000000, "currency": "CNY"}}],
        also_ok={"origin": ["Foshan"], "destinations": ["Tokyo"]}),
     ev("deal", False, "got 600 million yuan of orders", alt_types=["trade_mission", "trade_fair"],
        destinations=["KR"], when={"start": "2023-03-04"},
        outcomes=[{"kind": "orders", "amount": {"value": 600000000, "currency": "CNY"}}],
        also_ok={"origin": ["Foshan"]}),
     ev("deal", False, "the delegation has gotten over 1.2 billion yuan of orders", alt_types=["trade_mission"],
        outcomes=[{"kind": "orders", "amount": {"value": 1200000000, "currency": "CNY"}}],
        also_ok={"origin": ["Foshan"], "destinations": ["JP", "KR"]}))

# ---- policy_measure ---------------------------------------------------------------------
gold("e120_state-council-steady-foreign-trade-2012", None,
     ev("policy_measure", True, "the meeting adopted Several Opinions on Promoting Steady Growth in Foreign Trade",
        organizer=["State Council"], when={"start": "--09-12"},
        also_ok={"organizer": ["State Council executive meeting", "Wen Jiabao", "Premier Wen Jiabao"],
                 "origin": ["China"]}))

gold("e121_guizhou-measures-export-oriented-commodities-2020", "2020-08-06",
     ev("policy_measure", True, "Guizhou province has launched measures to support local foreign-trade companies",
        organizer=["Guizhou"], origin=["Guizhou"],
        also_ok={"organizer": ["Guizhou provincial government", "Guizhou province", "The provincial government"],
                 "activities": ["trade_promotion", "exhibition", "online_exhibition"]}))

gold("e122_china-funds-overseas-trips-grab-orders-subsidies", None,
     ev("policy_measure", True, "The Shaanxi provincial government has announced that it will subsidize booth fees",
        organizer=["Shaanxi provincial government"], origin=["Shaanxi"],
        also_ok={"organizer": ["Shaanxi authorities"], "activities": ["exhibition", "trade_promotion"]}),
     ev("policy_measure", True, "Huangpu district is offering subsidies of up to 50 per cent of booth fees",
        organizer=["Huangpu district"], origin=["Huangpu district"],
        also_ok={"organizer": ["Shanghai"], "origin": ["Shanghai"], "activities": ["exhibition", "trade_promotion"]}),
     ev("trade_mission", False, "a 200-strong delegation from Jiangsu", origin=["Jiangsu"], destinations=["region:europe"],
        when={"start": "--12"}, participants={"people": 200}, transport=["charter_flight"],
        also_ok={"activities": ["order_grabbing"], "when.start": ["2022-12"]}),
     ev("trade_mission", False, "plans to send more than a hundred delegations overseas this year", alt_types=["policy_measure"],
        origin=["Huzhou"], participants={"groups": 100}, also_ok={"when.start": ["2023"]}),
     ev("policy_measure", False, "authorities are introducing financial subsidies for foreign trade companies",
        also_ok={"origin": ["China"]}))

# ---- trade_fair -------------------------------------------------------------------------
gold("e123_harbin-trade-fair-24th-closes", "2013-06-20",
     ev("trade_fair", True, "The 24th China Harbin International Economic and Trade Fair concluded Wednesday in Harbin",
        alt_types=["deal"], when={"end": "2013-06-19", "duration_days": 5},
        participants={"people": 12600, "countries": 75},
        outcomes=[{"kind": "contract", "amount": {"value": 14000000000, "currency": "USD"}},
                  {"kind": "projects", "amount": {"value": 250900000000, "currency": "CNY"},
                   "count": {"value": 587, "unit": "projects"}}],
        also_ok={"when.start": ["2013-06-15"], "destinations": ["Harbin", "Heilongjiang"],
                 "organizer": ["fair's organizing committee"],
                 "outcomes.amount": [{"value": 40900000000, "currency": "USD"}, {"value": 11400000000, "currency": "USD"},
                                     {"value": 640000000, "currency": "USD"}, {"value": 510000000, "currency": "USD"},
                                     {"value": 8690000000, "currency": "USD"}],
                 "outcomes.count": [{"value": 11, "unit": "projects"}],
                 "activities": ["exhibition", "business_negotiation", "investment_promotion", "trade_promotion"]}),
     ev("deal", False, "About $14 billion worth of foreign-related contracts and 587 domestic projects",
        alt_types=["trade_fair"],
        outcomes=[{"kind": "contract", "amount": {"value": 14000000000, "currency": "USD"}},
                  {"kind": "projects", "amount": {"value": 250900000000, "currency": "CNY"},
                   "count": {"value": 587, "unit": "projects"}}],
        also_ok={"outcomes.amount": [{"value": 40900000000, "currency": "USD"}]}),
     ev("deal", False, "Import and export contracts amounted to about $11.4 billion", alt_types=["trade_fair"],
        outcomes=[{"kind": "contract", "amount": {"value": 11400000000, "currency": "USD"}}]),
     ev("deal", False, "11 overseas investment projects were inked, totalling $640 million", alt_types=["trade_fair"],
        outcomes=[{"kind": "investment", "amount": {"value": 640000000, "currency": "USD"},
                   "count": {"value": 11, "unit": "projects"}}],
        also_ok={"outcomes.amount": [{"value": 510000000, "currency": "USD"}]}),
     ev("deal", False, "It signed import and export contracts worth of $8.69 billion", alt_types=["trade_fair"],
        origin=["RU"], outcomes=[{"kind": "contract", "amount": {"value": 8690000000, "currency": "USD"}}],
        also_ok={"origin": ["Russia"]}))

gold("e124_lanzhou-fair-30th-opens-2200-enterprises", "2024-07-07",
     ev("trade_fair", True, "which opened on Saturday in Lanzhou",
        when={"start": "2024-07-06", "end": "2024-07-10", "duration_days": 5},
        participants={"enterprises": 2200, "countries": 23},
        outcomes=[{"kind": "investment", "amount": {"value": 604000000000, "currency": "CNY"},
                   "count": {"value": 1325, "unit": "deals"}}],
        also_ok={"destinations": ["Lanzhou", "Gansu"], "origin": ["Belarus", "Uzbekistan", "Uruguay", "BY", "UZ", "UY"],
                 "participants.people": [40000],
                 "outcomes.amount": [{"value": 84700000000, "currency": "USD"}],
                 "activities": ["exhibition", "investment_promotion", "trade_promotion", "business_negotiation"]}),
     ev("deal", False, "a total of 1,325 investment and cooperation deals have been reached", alt_types=["trade_fair"],
        outcomes=[{"kind": "investment", "amount": {"value": 604000000000, "currency": "CNY"},
                   "count": {"value": 1325, "unit": "deals"}}],
        also_ok={"outcomes.amount": [{"value": 84700000000, "currency": "USD"}]}),
     ev("trade_fair", False, "A total of 1,172 contracts were inked during the five-day fair", alt_types=["deal"],
        when={"start": "2023"}, participants={"enterprises": 1600},
        outcomes=[{"kind": "contract", "count": {"value": 1172, "unit": "contracts"}}],
        also_ok={"destinations": ["Lanzhou"]}))

# ---- negatives --------------------------------------------------------------------------
gold("e125_henan-h1-2021-foreign-trade-growth", "2021-07-19")
gold("e126_yunnan-governor-calls-on-maldives-fm-2019", "2019-12-02")
gold("e127_trump-tariffs-china-export-growth-forecasts", None)
gold("e128_nbs-migrant-workers-2009-statistics", None)

write()
