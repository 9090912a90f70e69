"""Write gold/e173…e194 (collection of 2026-12-03, branch e/gold-5). Same format as b8.py…b12.py
(tools/goldfile.py: one event per line, ensure_ascii off)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldfile import gold, ev, write

# ---- batch 1 ----------------------------------------------------------------------------
gold("e173_zhejiang-charter-flight-france-germany-jiaxing-japan-gt", None,
     ev("trade_mission", True, "departed for a six-day trip to France and Germany on a charter flight",
        origin=["Zhejiang"], destinations=["FR", "DE"], when={"duration_days": 6}, transport=["charter_flight"],
        activities=["customer_visit", "exhibition"],
        also_ok={"destinations": ["region:europe"], "activities": ["business_negotiation", "trade_promotion", "order_grabbing"]}),
     ev("trade_mission", True, "a charter flight headed to Japan from Zhejiang",
        origin=["Jiaxing"], destinations=["JP"], participants={"people": 96}, transport=["charter_flight"],
        activities=["exhibition"],
        also_ok={"origin": ["Zhejiang"], "destinations": ["ID", "AE", "Tokyo"],
                 "activities": ["customer_visit", "business_negotiation", "trade_promotion", "order_grabbing"]}),
     ev("trade_mission", False, "The charter flight to Japan will then fly to Indonesia and the United Arab Emirates",
        destinations=["ID", "AE"], transport=["charter_flight"],
        also_ok={"origin": ["Jiaxing", "Zhejiang"], "destinations": ["JP"]}),
     ev("trade_fair", False, "They will attend the Asia Fashion Fair 2022 Tokyo", alt_types=["trade_mission"],
        destinations=["JP"], when={"start": "2022"},
        also_ok={"origin": ["Jiaxing", "Zhejiang"], "destinations": ["Tokyo"], "activities": ["exhibition"]}))

gold("e174_china-eurasia-expo-6th-closes-39-bln-contracts-2018", "2018-09-02",
     ev("trade_fair", True, "worth of contracts were signed during the sixth China-Eurasia Expo", alt_types=["deal"],
        when={"start": "2018-08-30", "end": "2018-09-01"},
        participants={"enterprises": 704, "countries": 35},
        outcomes=[{"kind": "contract", "amount": {"value": 270940000000, "currency": "CNY"}}],
        also_ok={"destinations": ["Urumqi", "Xinjiang"], "participants.people": [4827],
                 "outcomes.amount": [{"value": 39660000000, "currency": "USD"}],
                 "organizer": ["regional government of Xinjiang", "Haderbek Hamza"],
                 "activities": ["exhibition", "trade_promotion", "investment_promotion"]}),
     ev("deal", False, "A total of 51.94 billion yuan worth of contracts were signed", alt_types=["trade_fair"],
        outcomes=[{"kind": "contract", "amount": {"value": 51940000000, "currency": "CNY"}}]),
     ev("deal", False, "25 major companies from Xinjiang have signed 29 agreements", alt_types=["trade_fair"],
        origin=["Xinjiang"], participants={"enterprises": 25, "countries": 13},
        outcomes=[{"kind": "contract", "amount": {"value": 10480000000, "currency": "CNY"}, "count": {"value": 29, "unit": "agreements"}}]),
     ev("trade_fair", False, "The previous expo saw 18 billion U.S. dollars worth of foreign trade contracts", alt_types=["deal"],
        outcomes=[{"kind": "contract", "amount": {"value": 18000000000, "currency": "USD"}}]))

gold("e175_dalian-summer-davos-2019-key-projects-signing", None,
     ev("deal", True, "Sixteen projects that are expected to be settled in the near future have been collectively signed",
        origin=["Dalian"], when={"start": "2019"},
        outcomes=[{"kind": "projects", "count": {"value": 16, "unit": "projects"}}],
        also_ok={"organizer": ["Dalian", "Dalian municipal government", "Jin Guowei", "Dalian Municipal Department of Commerce"],
                 "origin": ["Liaoning"], "destinations": ["Dalian", "Liaoning"],
                 "activities": ["investment_promotion"]}))

gold("e176_shenzhen-unified-export-credit-insurance-smes", "2022-05-11",
     ev("policy_measure", True, "the Shenzhen Municipal Bureau of Commerce has formulated a unified insurance policy",
        organizer=["Shenzhen Municipal Bureau of Commerce"], origin=["Shenzhen"],
        when={"start": "2020-01", "end": "2020-12"}, participants={"enterprises": 25000},
        also_ok={"organizer": ["Shenzhen Branch of China export credit insurance corporation", "China SINOSURE Shenzhen Branch"],
                 "origin": ["Guangdong"]}))

gold("e177_guangdong-40-enterprises-china-russia-expo-yekaterinburg", "2023-07-08",
     ev("trade_mission", True, "A total of 40 enterprises and associations from south China",
        origin=["Guangdong"], destinations=["RU"], when={"start": "2023-07-10", "end": "2023-07-13"},
        participants={"enterprises": 40}, activities=["exhibition"],
        also_ok={"organizer": ["provincial department of commerce", "Guangdong provincial department of commerce", "local authorities"],
                 "destinations": ["Yekaterinburg"], "activities": ["trade_promotion", "business_negotiation"]}),
     ev("trade_fair", False, "7th China-Russia Expo to be held in the Russian city of Yekaterinburg", alt_types=["trade_mission"],
        destinations=["RU"], when={"start": "2023-07-10", "end": "2023-07-13"},
        also_ok={"destinations": ["Yekaterinburg"], "origin": ["Guangdong"], "participants.enterprises": [40],
                 "activities": ["exhibition"]}))

gold("e178_jiangxi-q1-2022-foreign-trade-dbw", "2022-04-19")

# ---- batch 2 ----------------------------------------------------------------------------
gold("e179_hohhot-agricultural-expo-30th-593-projects", None,
     ev("trade_fair", True, "593 projects were signed at the 30th Inner Mongolia International Agricultural Expo", alt_types=["deal"],
        when={"end": "--08-15", "duration_days": 3}, participants={"enterprises": 500},
        outcomes=[{"kind": "projects", "count": {"value": 593, "unit": "projects"}},
                  {"kind": "intended_deals", "amount": {"value": 860000000, "currency": "CNY"}},
                  {"kind": "orders", "amount": {"value": 267000000, "currency": "CNY"}}],
        also_ok={"destinations": ["Hohhot", "Inner Mongolia"], "participants.people": [25000],
                 "outcomes.amount": [{"value": 127000000, "currency": "USD"}], "activities": ["exhibition"]}),
     ev("deal", False, "Letters of intent and provisional sales topped 860 million yuan", alt_types=["trade_fair"],
        outcomes=[{"kind": "intended_deals", "amount": {"value": 860000000, "currency": "CNY"}}],
        also_ok={"outcomes.amount": [{"value": 127000000, "currency": "USD"}, {"value": 267000000, "currency": "CNY"}]}))

gold("e180_zhejiang-ciie-6th-procurement-contracts-24-projects", "2023-11-16",
     ev("deal", True, "the initial batch of procurement contracts amounted to 2.65 billion yuan",
        origin=["Zhejiang"], outcomes=[{"kind": "contract", "amount": {"value": 2650000000, "currency": "CNY"}}],
        also_ok={"destinations": ["Shanghai"], "outcomes.amount": [{"value": 363310000, "currency": "USD"}],
                 "organizer": ["Zhejiang trade delegation"], "when.end": ["2023-11-10"]}),
     ev("deal", True, "successfully reached intended transactions totaling 15.42 billion yuan",
        origin=["Zhejiang"],
        outcomes=[{"kind": "intended_deals", "amount": {"value": 15420000000, "currency": "CNY"}}],
        also_ok={"organizer": ["Zhejiang trade delegation"], "destinations": ["Shanghai"], "when.end": ["2023-11-10"]}),
     ev("deal", True, "Zhejiang signed contracts for 24 major projects",
        origin=["Zhejiang"], outcomes=[{"kind": "projects", "count": {"value": 24, "unit": "projects"}}],
        also_ok={"outcomes.amount": [{"value": 25310000000, "currency": "CNY"}],
                 "outcomes.count": [{"value": 20, "unit": "projects"}], "destinations": ["Shanghai"],
                 "when.end": ["2023-11-10"]}),
     ev("trade_fair", False, "which concluded in Shanghai on Nov 10", when={"end": "2023-11-10"},
        also_ok={"destinations": ["Shanghai"], "origin": ["Zhejiang"], "participants.people": [42000, 15000]}),
     ev("trade_mission", False, "the Zhejiang delegation showcased a special area", alt_types=["trade_fair"],
        origin=["Zhejiang"], participants={"enterprises": 67}, activities=["exhibition"],
        also_ok={"destinations": ["Shanghai"], "organizer": ["Zhejiang delegation"]}))

gold("e181_ccpit-ren-hongbin-delegation-malaysia-singapore-japan-2024", "2024-02-25",
     ev("trade_mission", True, "a delegation of Chinese entrepreneurs headed by Ren Hongbin",
        organizer=["China Council for the Promotion of International Trade"], origin=["China"],
        destinations=["MY", "SG", "JP"], when={"start": "2024-01-28", "end": "2024-02-06"},
        participants={"people": 180}, activities=["business_negotiation", "trade_promotion"],
        outcomes=[{"kind": "contract", "count": {"value": 50, "unit": "memorandums and agreements"}}],
        also_ok={"organizer": ["CCPIT", "Ren Hongbin", "China Chamber of International Commerce", "CCOIC"],
                 "destinations": ["region:southeast_asia", "region:asia"],
                 "activities": ["investment_promotion", "exhibition"]}),
     ev("policy_measure", False, "The CCPIT will establish a working mechanism for mutual visits",
        organizer=["CCPIT"], also_ok={"organizer": ["China Council for the Promotion of International Trade"],
                                     "origin": ["China"], "destinations": ["MY", "SG", "JP"]}),
     ev("deal", False, "signed letters of intent for participation with relevant enterprises", alt_types=["trade_fair"],
        organizer=["China International Exhibition Center Group Limited"],
        also_ok={"origin": ["China"], "destinations": ["MY", "SG", "JP"]}),
     ev("trade_fair", False, "highlighted the second China International Supply Chain Expo", alt_types=["trade_mission"],
        also_ok={"organizer": ["China International Exhibition Center Group Limited", "CCPIT"],
                 "destinations": ["MY", "SG", "JP", "Beijing"], "activities": ["trade_promotion"]}))

gold("e182_sinosure-export-credit-insurance-stabilize-foreign-trade-2022", "2022-06-10",
     ev("policy_measure", True, "a guideline was released by the country's cabinet earlier this week",
        organizer=["cabinet"], origin=["China"], when={"start": "2022-06"},
        also_ok={"organizer": ["State Council", "SINOSURE"]}),
     ev("policy_measure", False, "calling on financial institutions to expand the coverage of export credit insurance",
        origin=["China"], also_ok={"organizer": ["cabinet", "State Council", "SINOSURE"]}))

gold("e183_lianyuan-special-train-966-migrant-workers-2021", "2021-02-22",
     ev("recruitment_drive", True, "special train for migrant workers to Guangzhou, Dongguan, Shenzhen",
        origin=["Lianyuan"], destinations=["Guangzhou", "Dongguan", "Shenzhen"], when={"start": "2021-02-19"},
        participants={"people": 966}, transport=["rail"],
        also_ok={"organizer": ["Lianyuan", "Hunan Provincial Government"], "origin": ["Hunan"],
                 "destinations": ["Guangdong"]}))

gold("e184_wang-yang-meets-us-chamber-of-commerce-2018-ecns", "2018-01-09")

# ---- batch 3 ----------------------------------------------------------------------------
gold("e185_wudang-delegation-shenzhen-guangzhou-investment-2021", None,
     ev("trade_mission", True, "paid a visit on Nov 21 to the cities of Shenzhen and Guangzhou",
        organizer=["Wudang district"], origin=["Wudang"], destinations=["Shenzhen", "Guangzhou"],
        when={"start": "--11-21"}, activities=["investment_promotion"],
        also_ok={"organizer": ["Ai Jiang", "Wudang district government"], "origin": ["Guiyang", "Guizhou"],
                 "destinations": ["Guangdong"],
                 "activities": ["customer_visit", "factory_inspection", "business_negotiation"]}))

gold("e186_hainan-consumer-products-expo-2nd-opens-tass", "2022-07-25",
     ev("trade_fair", True, "The opening ceremony of the 2nd China International Consumer Goods Exhibition was held on Monday",
        when={"start": "2022-07-25", "end": "2022-07-30"}, participants={"countries": 60},
        also_ok={"destinations": ["Haikou", "Hainan"], "participants.people": [40000],
                 "organizer": ["Liang Zhenying"], "activities": ["exhibition"]}),
     ev("trade_fair", False, "The second China International Consumer Goods Exhibition will be held from July 25 to July 30",
        when={"start": "2022-07-25", "end": "2022-07-30"}, participants={"countries": 60},
        also_ok={"destinations": ["Haikou", "Hainan"], "participants.people": [40000], "activities": ["exhibition"]}))

gold("e187_western-china-fair-3rd-359-deals-chongqing-2021", "2021-05-24",
     ev("trade_fair", True, "were signed at the third Western China International Fair for Investment and Trade", alt_types=["deal"],
        when={"end": "2021-05-23"}, participants={"enterprises": 4100, "countries": 40},
        outcomes=[{"kind": "contract", "amount": {"value": 357800000000, "currency": "CNY"}, "count": {"value": 359, "unit": "deals"}}],
        also_ok={"destinations": ["Chongqing"], "organizer": ["organizing committee", "Zhang Zhikui"],
                 "outcomes.amount": [{"value": 55600000000, "currency": "USD"}],
                 "activities": ["exhibition", "investment_promotion"]}),
     ev("deal", False, "Seventeen contracts worth over 5 billion yuan each were signed at the fair", alt_types=["trade_fair"],
        outcomes=[{"kind": "contract", "count": {"value": 17, "unit": "contracts"}}],
        also_ok={"destinations": ["Chongqing"], "outcomes.amount": [{"value": 5000000000, "currency": "CNY"}]}),
     ev("deal", False, "11 deals related to clean energy worth 34.4 billion yuan were signed", alt_types=["trade_fair"],
        outcomes=[{"kind": "contract", "amount": {"value": 34400000000, "currency": "CNY"}, "count": {"value": 11, "unit": "deals"}}],
        also_ok={"destinations": ["Chongqing"]}))

gold("e188_midea-h1-2019-net-profit-xinhua", None)

gold("e189_beijing-sinosure-export-credit-insurance-agreement-2009", "2009-07-01",
     ev("policy_measure", True, "Beijing municipal government has signed a strategic cooperative agreement", alt_types=["deal"],
        organizer=["Beijing municipal government", "China Export and Credit Insurance Corporation"], origin=["Beijing"],
        when={"start": "2009-07-01"},
        also_ok={"organizer": ["Beijing Commerce Commission", "China Export & Credit Insurance Co.", "Sinosure"]}),
     ev("policy_measure", False, "the State Council released a series of preferential policies to expand",
        organizer=["State Council"], origin=["China"], when={"start": "2009-05"}))

gold("e190_fujian-investment-conference-92-projects-xiamen-19", None,
     ev("deal", True, "Fujian has signed a total of 92 international investment projects",
        origin=["Fujian"], when={"start": "--07-14"},
        outcomes=[{"kind": "investment", "amount": {"value": 105700000000, "currency": "CNY"}, "count": {"value": 92, "unit": "projects"}}],
        also_ok={"destinations": ["Fuzhou", "Fujian"], "activities": ["investment_promotion"],
                 "outcomes.amount": [{"value": 75100000000, "currency": "CNY"}, {"value": 30600000000, "currency": "CNY"}],
                 "outcomes.count": [{"value": 69, "unit": "projects"}, {"value": 23, "unit": "projects"}]}),
     ev("deal", True, "There were 19 project outcomes in utilizing foreign capital in Xiamen",
        origin=["Xiamen"],
        outcomes=[{"kind": "investment", "amount": {"value": 20570000000, "currency": "CNY"}, "count": {"value": 19, "unit": "projects"}}],
        also_ok={"origin": ["Fujian"], "destinations": ["Fuzhou"], "when.start": ["--07-14"],
                 "outcomes.amount": [{"value": 7810000000, "currency": "CNY"}],
                 "outcomes.count": [{"value": 4, "unit": "projects"}]}),
     ev("deal", False, "4 projects were signed on-site with a total investment of 7.81 billion yuan",
        origin=["Xiamen"],
        outcomes=[{"kind": "investment", "amount": {"value": 7810000000, "currency": "CNY"}, "count": {"value": 4, "unit": "projects"}}],
        also_ok={"origin": ["Fujian"], "when.start": ["--07-14"]}),
     ev("trade_fair", False, "Fujian International Investment Promotion Conference with the theme", alt_types=["deal"],
        when={"start": "--07-14"},
        also_ok={"destinations": ["Fuzhou", "Fujian"], "origin": ["Fujian"], "activities": ["investment_promotion"]}))

# ---- batch 4 ----------------------------------------------------------------------------
gold("e191_zhejiang-international-trade-dominican-exhibition-2019", "2019-03-26",
     ev("trade_mission", True, "exhibition hosted by Zhejiang Provincial Department of Commerce", alt_types=["trade_fair"],
        organizer=["Zhejiang Provincial Department of Commerce", "Zhejiang Grand International Exhibition Co., Ltd."],
        origin=["Zhejiang"], destinations=["DO"], when={"start": "2019-03-22", "end": "2019-03-23"},
        participants={"enterprises": 33}, activities=["exhibition"],
        outcomes=[{"kind": "intended_deals", "amount": {"value": 15000000, "currency": "USD"}}],
        also_ok={"destinations": ["DM", "Santo Domingo", "region:latin_america"],
                 "origin": ["Hangzhou", "Jinhua", "Ningbo", "Shaoxing", "Huzhou", "Wenzhou", "Taizhou", "Yiwu", "Lishui"],
                 "organizer": ["Han Jie"], "when.duration_days": [2],
                 "activities": ["trade_promotion", "business_negotiation"]}),
     ev("trade_mission", False, "established the first large-scale economic and trade delegation to Dominica",
        origin=["Zhejiang"], destinations=["DO"],
        also_ok={"destinations": ["DM"], "activities": ["exhibition", "business_negotiation", "trade_promotion"]}))

gold("e192_hubei-spring-breeze-job-fairs-ezhou-2023", None,
     ev("recruitment_drive", True, "Hubei will hold nearly 2,500 job fairs from January to March",
        destinations=["Hubei"], when={"start": "--01", "end": "--03"}, participants={"enterprises": 20000},
        activities=["recruitment"],
        also_ok={"organizer": ["provincial human resources and social security department", "Liu Yanhong", "Hubei"],
                 "origin": ["Hubei"]}),
     ev("recruitment_drive", False, "event since early January, which aims to offer people employment opportunities",
        destinations=["Hubei"], when={"start": "--01"}, activities=["recruitment"],
        also_ok={"organizer": ["provincial human resources and social security department", "Liu Yanhong", "Hubei"]}),
     ev("recruitment_drive", True, "At the job fair in Huarong District, 8,000 jobs offered by companies",
        destinations=["Huarong District"], activities=["recruitment"],
        also_ok={"destinations": ["Ezhou", "Hubei"]}),
     ev("recruitment_drive", False, "hurried to a nearby job fair in Huarong District of Ezhou City",
        destinations=["Huarong District"], activities=["recruitment"],
        also_ok={"destinations": ["Ezhou", "Hubei"]}),
     ev("recruitment_drive", True, "another job fair held in Hubei",
        destinations=["Tianmen"], activities=["recruitment"], also_ok={"destinations": ["Hubei"]}))

gold("e193_central-soes-guizhou-47-contracts-2010", None,
     ev("deal", True, "signed 47 contracts worth 292.9 billion yuan",
        origin=["Guizhou"],
        outcomes=[{"kind": "contract", "amount": {"value": 292900000000, "currency": "CNY"}, "count": {"value": 47, "unit": "contracts"}}],
        also_ok={"destinations": ["Guizhou"],
                 "organizer": ["State-Owned Assets Supervision and Administration Commission of the State Council", "Wang Yong",
                               "authorities of southwest China's Guizhou Province"],
                 "outcomes.amount": [{"value": 44380000000, "currency": "USD"}, {"value": 237600000000, "currency": "CNY"}],
                 "outcomes.count": [{"value": 33, "unit": "projects"}, {"value": 14, "unit": "projects"}],
                 "activities": ["investment_promotion"]}))

gold("e194_guangdong-action-plan-high-quality-trade-2021", None,
     ev("policy_measure", True, "an action plan for promoting high-quality development of trade was published recently",
        origin=["Guangdong"], also_ok={"organizer": ["Guangdong", "Guangdong provincial government"],
                                       "when.start": ["--05", "--05-08"]}),
     ev("policy_measure", False, "Guangdong will launch ten key projects for high-quality trade development",
        origin=["Guangdong"], also_ok={"organizer": ["Guangdong", "Guangdong provincial government"],
                                       "activities": ["exhibition", "trade_promotion", "investment_promotion"]}))

if __name__ == "__main__":
    write()
