"""Write gold/e60…e84 (second collection, 2026-12-03). Same format as the existing files:
one event per line, ensure_ascii off."""
from goldfile import gold, ev, write

# ---- trade_mission ----------------------------------------------------------------------
gold("e60_guangdong-charter-flight-dubai-270-reps", None,
     ev("trade_mission", True, "Guangdong provincial government sent 270 foreign trade enterprise representatives to Dubai",
        organizer=["Guangdong provincial government"], origin=["Guangdong"], destinations=["AE"],
        when={"start": "2022-12-17"}, participants={"people": 270}, transport=["charter_flight"],
        activities=["exhibition"],
        also_ok={"destinations": ["Dubai"], "participants.enterprises": [270],
                 "activities": ["trade_promotion", "order_grabbing"]}),
     ev("trade_fair", False, "In Dubai they will attend the 13th China (UAE) Trade Fair", alt_types=["trade_mission"],
        destinations=["AE"]),
     ev("trade_mission", False, "South China Airlines has carried out more than 200 charter flights",
        alt_types=["recruitment_drive", "policy_measure"]))

gold("e61_jilin-delegation-south-korea-trip", "2022-12-26",
     ev("trade_mission", True, "A delegation from northeast China's Jilin Province wrapped up its week-long trip to South Korea",
        origin=["Jilin"], destinations=["KR"], when={"end": "2022-12-24"}, participants={"people": 40},
        also_ok={"organizer": ["department of commerce of Jilin Province"],
                 "origin": ["Yanbian Korean Autonomous Prefecture", "Changchun"],
                 "activities": ["trade_promotion", "investment_promotion", "business_negotiation", "customer_visit"]}))

gold("e62_xinjiang-enterprises-central-asia-trip", "2022-12-14",
     ev("trade_mission", True, "are currently on a trip in Central Asia to seek business opportunities",
        organizer=["Xinjiang regional government"], origin=["Xinjiang"], destinations=["KZ", "TJ", "KG", "UZ"],
        when={"start": "2022-12-12", "duration_days": 10}, activities=["business_negotiation", "exhibition"],
        also_ok={"organizer": ["regional bureau of commerce", "Xinjiang Uygur Autonomous Region", "Xinjiang"],
                 "destinations": ["region:central_asia"],
                 "activities": ["trade_promotion", "customer_visit", "order_grabbing"]}),
     ev("deal", False, "will sign a large export deal for chemical products in Kazakhstan", alt_types=["trade_mission"],
        organizer=["Xinjiang Zhongtai (Group) Co., Ltd."], destinations=["KZ"]))

gold("e63_ningbo-charter-flight-budapest", "2022-07-15",
     ev("trade_mission", True, "carrying a delegation of 36 government officials and business representatives from Ningbo and Shanghai",
        origin=["Ningbo", "Shanghai"], destinations=["HU"], when={"start": "2022-07-10"},
        participants={"people": 36}, transport=["charter_flight"],
        also_ok={"origin": ["Zhejiang"], "destinations": ["Budapest", "FR", "PL", "region:europe"],
                 "organizer": ["Ningbo local government"],
                 "activities": ["customer_visit", "business_negotiation", "order_grabbing"]}),
     ev("deal", False, "will be signing a general agent agreement in person with two beef factories in Hungary",
        alt_types=["trade_mission"], organizer=["Ningbo Lianbang Changyun International Trade Co., Ltd."],
        destinations=["HU"]))

gold("e64_hong-kong-middle-east-mission-john-lee", "2023-02-17",
     ev("trade_mission", True, "embarked on a week-long business mission to the Middle East",
        organizer=["Hong Kong Trade Development Council"], origin=["Hong Kong"], destinations=["SA", "AE"],
        participants={"people": 30},
        outcomes=[{"kind": "contract", "count": {"value": 13, "unit": "MoUs"}}],
        also_ok={"organizer": ["HKTDC", "John Lee", "HKSAR", "Hong Kong Special Administrative Region"],
                 "destinations": ["region:middle_east", "Riyadh", "Abu Dhabi", "Dubai"],
                 "activities": ["business_negotiation", "customer_visit", "trade_promotion", "investment_promotion"]}),
     ev("deal", False, "The signing of 13 Memoranda of Understanding (MoU) during the mission", alt_types=["trade_mission"],
        outcomes=[{"kind": "contract", "count": {"value": 13, "unit": "MoUs"}}]),
     ev("deal", False, "HKTDC and Abu Dhabi Chamber of Commerce and Industry signed an MoUs", alt_types=["trade_mission"],
        destinations=["AE"], when={"start": "2023-02-07"}))

# ---- trade_fair -------------------------------------------------------------------------
gold("e65_china-eurasia-expo-5th-closes-18-bln", "2016-09-26",
     ev("trade_fair", True, "worth of contracts were signed during the fifth China-Eurasia Expo", alt_types=["deal"],
        when={"start": "2016-09-20", "end": "2016-09-25"},
        participants={"countries": 57, "enterprises": 2192},
        outcomes=[{"kind": "contract", "amount": {"value": 18000000000, "currency": "USD"}}],
        also_ok={"destinations": ["Urumqi", "Xinjiang"], "organizer": ["expo's secretariat"],
                 "participants.people": [3500], "participants.enterprises": [418],
                 "activities": ["exhibition", "business_negotiation", "trade_promotion", "investment_promotion"]}),
     ev("deal", False, "A total of 16 corporate finance cooperation projects were signed", alt_types=["trade_fair"],
        outcomes=[{"kind": "projects", "count": {"value": 16, "unit": "projects"}}]),
     ev("trade_fair", False, "The previous expo saw 6 billion U.S. dollars worth of foreign trade contracts", alt_types=["deal"],
        outcomes=[{"kind": "contract", "amount": {"value": 6000000000, "currency": "USD"}}]))

gold("e66_china-northeast-asia-expo-14th-opens", "2023-08-24",
     ev("trade_fair", True, "The 14th China-Northeast Asia Expo opened Wednesday in Changchun",
        when={"start": "2023-08-23", "duration_days": 5}, participants={"enterprises": 1000},
        also_ok={"destinations": ["Changchun", "Jilin"],
                 "activities": ["exhibition", "online_exhibition", "business_negotiation", "trade_promotion"]}),
     ev("deal", False, "More than 2,900 cooperative projects have been signed", alt_types=["trade_fair"],
        outcomes=[{"kind": "investment", "amount": {"value": 1970000000000, "currency": "CNY"},
                   "count": {"value": 2900, "unit": "projects"}}]))

gold("e67_consumer-products-expo-1st-opens-hainan", "2021-05-07",
     ev("trade_fair", True, "The first China International Consumer Products Expo kicked off on Thursday in Haikou",
        organizer=["Ministry of Commerce", "Hainan provincial government"],
        when={"start": "2021-05-07", "end": "2021-05-10"},
        participants={"countries": 69, "enterprises": 1500},
        also_ok={"when.start": ["2021-05-06"], "destinations": ["Haikou", "Hainan"],
                 "participants.enterprises": [648, 857, 2113], "participants.countries": [70],
                 "participants.people": [200000],
                 "activities": ["exhibition", "trade_promotion"]}))

gold("e68_china-arab-states-expo-6th-achievements", "2023-09-26",
     ev("trade_fair", True, "6th China-Arab States Expo held in Yinchuan", alt_types=["deal"],
        when={"duration_days": 4}, participants={"people": 11200},
        outcomes=[{"kind": "projects", "amount": {"value": 170970000000, "currency": "CNY"},
                   "count": {"value": 403, "unit": "projects"}}],
        also_ok={"destinations": ["Yinchuan", "Ningxia"], "participants.enterprises": [1000],
                 "outcomes.amount": [{"value": 157100000000, "currency": "CNY"}, {"value": 13870000000, "currency": "CNY"}],
                 "outcomes.count": [{"value": 218, "unit": "projects"}, {"value": 135, "unit": "projects"}],
                 "activities": ["exhibition", "investment_promotion", "trade_promotion"]}),
     ev("deal", False, "218 investment projects, with an amount of 157.1 billion yuan", alt_types=["trade_fair"],
        outcomes=[{"kind": "investment", "amount": {"value": 157100000000, "currency": "CNY"},
                   "count": {"value": 218, "unit": "projects"}}]),
     ev("deal", False, "135 trade projects in all with a total amount of 13.87 billion yuan was signed", alt_types=["trade_fair"],
        outcomes=[{"kind": "contract", "amount": {"value": 13870000000, "currency": "CNY"},
                   "count": {"value": 135, "unit": "projects"}}]),
     ev("trade_mission", False, "Saudi Arabia sent a delegation of more than 150 economic and trade representatives",
        alt_types=["deal"], origin=["SA"], participants={"people": 150},
        outcomes=[{"kind": "projects", "amount": {"value": 12400000000, "currency": "CNY"},
                   "count": {"value": 15, "unit": "projects"}}],
        also_ok={"origin": ["Saudi Arabia"], "destinations": ["Yinchuan", "Ningxia", "CN"]}))

gold("e69_china-pavilion-dubai-world-expo-to-open", "2021-09-17",
     ev("trade_fair", True, "The China Pavilion, one of the largest pavilions at the Expo 2020 Dubai, will open on Oct. 1",
        destinations=["AE"], when={"start": "2021-10-01"}, participants={"enterprises": 40},
        activities=["exhibition"],
        also_ok={"organizer": ["China Council for the Promotion of International Trade", "CCPIT", "Zhang Shenfeng"],
                 "destinations": ["Dubai"], "origin": ["China"], "when.end": ["2022-03-31"],
                 "participants.groups": [26], "activities": ["online_exhibition", "trade_promotion"]}),
     ev("trade_fair", False, "the Expo 2020 is slated to be held from Oct. 1, 2021, to March 31, 2022",
        destinations=["AE"], when={"start": "2021-10-01", "end": "2022-03-31"}))

# ---- deal -------------------------------------------------------------------------------
gold("e70_hechi-gba-enterprises-five-projects", None,
     ev("deal", True, "Hechi signed five contracted projects, with a total investment of 9.88 billion yuan",
        alt_types=["trade_mission"], origin=["Hechi"], when={"start": "2020-09-24"},
        outcomes=[{"kind": "investment", "amount": {"value": 9880000000, "currency": "CNY"},
                   "count": {"value": 5, "unit": "projects"}}],
        also_ok={"organizer": ["Hechi"], "origin": ["Guangxi"], "destinations": ["Shenzhen", "Hechi", "Guangdong"],
                 "outcomes.amount": [{"value": 1450000000, "currency": "USD"}],
                 "activities": ["investment_promotion"]}),
     ev("trade_mission", True, "was held by the CPC Guangxi Zhuang Autonomous Regional Committee and Guangxi government in Shenzhen",
        alt_types=["trade_fair"], organizer=["CPC Guangxi Zhuang Autonomous Regional Committee", "Guangxi government"],
        origin=["Guangxi"], destinations=["Shenzhen"], when={"start": "2020-09-24"},
        activities=["investment_promotion"],
        also_ok={"destinations": ["Guangdong", "Guangdong-Hong Kong-Macao Greater Bay Area"],
                 "organizer": ["Guangxi Zhuang Autonomous Region"]}),
     ev("deal", False, "one was signed at the main venue of Shenzhen",
        outcomes=[{"kind": "investment", "amount": {"value": 5000000000, "currency": "CNY"},
                   "count": {"value": 1, "unit": "projects"}}]),
     ev("deal", False, "The other four projects were signed online, with a total investment of 4.88 billion yuan",
        outcomes=[{"kind": "investment", "amount": {"value": 4880000000, "currency": "CNY"},
                   "count": {"value": 4, "unit": "projects"}}]))

gold("e71_zhangjiagang-66-projects-signed", "2019-11-04",
     ev("deal", True, "66 projects receiving 32.9 billion yuan ($4.7 billion) in investment were signed",
        alt_types=["trade_fair"], origin=["Zhangjiagang"], when={"start": "2019-11-02"},
        outcomes=[{"kind": "investment", "amount": {"value": 32900000000, "currency": "CNY"},
                   "count": {"value": 66, "unit": "projects"}}],
        also_ok={"organizer": ["Zhangjiagang", "Zhangjiagang Municipal Government", "Shen Guofang"],
                 "destinations": ["Zhangjiagang", "Jiangsu"], "origin": ["Jiangsu"],
                 "outcomes.amount": [{"value": 4700000000, "currency": "USD"}],
                 "activities": ["investment_promotion"]}),
     ev("trade_fair", False, "Gold Autumn Economic and Trade Week", when={"start": "2019-11-02"}),
     ev("deal", False, "More than 24.3 billion yuan in projects were signed at a promotional activity in Shanghai",
        alt_types=["trade_mission"], destinations=["Shanghai"],
        outcomes=[{"kind": "investment", "amount": {"value": 24300000000, "currency": "CNY"}}]),
     ev("deal", False, "a Beijing event yielded 10 billion yuan in investment", alt_types=["trade_mission"],
        destinations=["Beijing"],
        outcomes=[{"kind": "investment", "amount": {"value": 10000000000, "currency": "CNY"}}]),
     ev("deal", False, "Completion and commencement ceremonies were held for projects"))

gold("e72_chongqing-western-fair-84-projects", None,
     ev("deal", True, "A total of 84 projects were signed at the signing event", alt_types=["trade_fair"],
        when={"start": "--05-18"},
        outcomes=[{"kind": "investment", "amount": {"value": 285415000000, "currency": "CNY"},
                   "count": {"value": 84, "unit": "projects"}}],
        also_ok={"organizer": ["Chongqing Municipal People's Government", "Chongqing"],
                 "origin": ["Chongqing"], "destinations": ["Chongqing"],
                 "outcomes.amount": [{"value": 5320000000, "currency": "CNY"}],
                 "outcomes.count": [{"value": 4, "unit": "projects"}],
                 "activities": ["investment_promotion"]}),
     ev("trade_fair", True, "was held at the Chongqing Yuelai International Conference Center", alt_types=["deal"],
        when={"start": "--05-18"},
        also_ok={"destinations": ["Chongqing"], "organizer": ["Chongqing Municipal People's Government"],
                 "activities": ["investment_promotion", "exhibition", "trade_promotion"]}),
     ev("deal", False, "also had 4 projects signed on the spot of the 5th West-West Trade Fair",
        origin=["Sichuan", "Hunan"],
        outcomes=[{"kind": "investment", "amount": {"value": 5320000000, "currency": "CNY"},
                   "count": {"value": 4, "unit": "projects"}}]),
     ev("deal", False, "4 central enterprises signed a strategic cooperation agreement",
        organizer=["Chongqing Municipal People's Government"]))

# ---- policy_measure ---------------------------------------------------------------------
gold("e73_mofcom-nine-measures-stable-orders", None,
     ev("policy_measure", True, "a total of nine measures will be implemented to promote the steady growth of foreign trade",
        organizer=["Ministry of Commerce"],
        also_ok={"organizer": ["China's Ministry of Commerce", "Wang Shouwen"], "origin": ["China"]}))

gold("e74_state-council-guideline-foreign-trade-innovation-2020", None,
     ev("policy_measure", True, "The measures were laid out in a guideline issued by the General Office of the State Council",
        organizer=["General Office of the State Council"], when={"start": "--11-09"},
        also_ok={"organizer": ["State Council", "central government", "Cabinet"], "origin": ["China"],
                 "activities": ["online_exhibition", "trade_promotion"]}),
     ev("policy_measure", False, "the government will launch an initiative to help the growth of SMEs"))

gold("e75_fujian-foreign-trade-firms-resume-measures", "2020-02-28",
     ev("policy_measure", True, "introduces an array of measures to stabilize foreign trade and boost foreign investment",
        organizer=["Fujian government"], origin=["Fujian"],
        also_ok={"organizer": ["Fujian Department of Commerce", "Fujian", "Fujian province", "Zhong Muda",
                               "provincial commerce department"]}),
     ev("policy_measure", False, "Matchmaking meetings for governments, enterprises and banks were also held",
        alt_types=["trade_fair"], origin=["Fujian"], participants={"enterprises": 40},
        also_ok={"activities": ["supply_docking"], "participants.groups": [20]}),
     ev("policy_measure", False, "the provincial commerce department will prioritize the stability of industrial chains",
        organizer=["Fujian Department of Commerce"]))

# ---- recruitment_drive ------------------------------------------------------------------
gold("e76_yongkang-charter-buses-zhenxiong-workers", "2020-02-19",
     ev("recruitment_drive", True, "More than 1,000 migrant workers from Zhenxiong County",
        organizer=["Yongkang government"], origin=["Zhenxiong County"], destinations=["Yongkang"],
        when={"start": "2020-02-17"}, participants={"people": 1000},
        also_ok={"organizer": ["Yongkang city government", "city's human resources and social security bureau"],
                 "origin": ["Yunnan"], "destinations": ["Zhejiang"], "when.start": ["2020-02-16"],
                 "participants.people": [50], "activities": ["recruitment"]}),
     ev("recruitment_drive", False, "Zhejiang is sending charter trains and buses to ferry back migrant workers",
        alt_types=["policy_measure"], organizer=["Zhejiang"], destinations=["Zhejiang"], transport=["rail"]),
     ev("recruitment_drive", False, "the government is planning to send high-speed", destinations=["Yongkang"]))

gold("e77_chenzhou-spring-breeze-job-fair-2023", "2023-01-31",
     ev("recruitment_drive", True, "Job Fair for Aiding Enterprises to Stabilize Jobs and Return to Work was held in Chenzhou Employment Supermarket",
        destinations=["Chenzhou"], when={"start": "2023-01-30"}, participants={"enterprises": 120},
        activities=["recruitment"],
        also_ok={"organizer": ["Chenzhou", "Chenzhou City"], "origin": ["Chenzhou", "Hunan"], "destinations": ["Hunan"],
                 "participants.people": [309000], "activities": ["online_exhibition"]}),
     ev("recruitment_drive", False, "lasts for 3 months", alt_types=["policy_measure"], destinations=["Chenzhou"]),
     ev("recruitment_drive", False, "\"free through train\" was opened", destinations=["Chenzhou"]))

gold("e78_guangxi-special-trains-yibin-charter-flight", None,
     ev("recruitment_drive", True, "Guangxi launched free special trains for migrant workers in Guilin, Gongcheng, Sanjiang, Baise",
        organizer=["Guangxi"], origin=["Guilin", "Gongcheng", "Sanjiang", "Baise"], destinations=["Guangdong"],
        when={"start": "--01-29"}, participants={"people": 2700}, transport=["rail"],
        also_ok={"origin": ["Guangxi", "Gongcheng Yao Autonomous County"],
                 "destinations": ["Guangzhou", "Guangzhou South Railway Station"]}),
     ev("recruitment_drive", False, "more than 2,000 migrant workers took a special train bound for Guangzhou",
        origin=["Baise", "Qianxinan"], destinations=["Guangzhou"], when={"start": "--01-29"},
        participants={"people": 2000}, transport=["rail"],
        also_ok={"origin": ["Guangxi", "Guizhou", "Tianyang", "Tianbei", "Xingyi"], "destinations": ["Guangdong"]}),
     ev("recruitment_drive", False, "open trips to Pingguo, Liuzhou, Gongcheng, Nanning",
        organizer=["Guangxi"], destinations=["Guangdong"], when={"start": "--01-30", "end": "--02-06"},
        transport=["rail"]),
     ev("recruitment_drive", False, "The first charter flight for migrant workers to return to work",
        origin=["Yibin"], transport=["charter_flight"], also_ok={"origin": ["Sichuan"]}),
     ev("recruitment_drive", False, "special charter flights for returning migrant workers have been launched in many places",
        transport=["charter_flight"]))

# ---- negatives --------------------------------------------------------------------------
gold("e79_zte-q1-net-profits-surge-2013", "2013-04-27")
gold("e80_china-q1-industrial-profit-2013-ians", None)
gold("e81_hong-kong-shares-china-trade-data-2020", "2020-04-14")
gold("e82_reuters-poll-china-sept-exports-2022", "2022-10-12")
gold("e83_vice-premier-he-lifeng-meets-vietnam-minister", "2024-10-01")
gold("e84_diplomatic-envoys-visit-chongqing-2023", "2023-03-22")

write()
