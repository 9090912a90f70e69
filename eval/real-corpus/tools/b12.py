"""Write gold/e151…e172 (collection of 2026-12-03, branch e/gold-4). Same format as b8.py…b11.py
(tools/goldfile.py: one event per line, ensure_ascii off)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldfile import gold, ev, write

# ---- batch 1 ----------------------------------------------------------------------------
gold("e151_anhui-enterprises-overseas-trips-charter-japan-rok", "2022-12-14",
     ev("trade_mission", True, "119 people from 54 enterprises will make their business trips overseas",
        organizer=["Anhui provincial department of commerce"], origin=["Anhui"],
        when={"start": "2022-12-14", "end": "2022-12"}, participants={"people": 119, "enterprises": 54},
        activities=["customer_visit"],
        also_ok={"origin": ["Hefei"], "activities": ["business_negotiation", "trade_promotion"]}),
     ev("trade_mission", True, "fly a chartered plane to send a business delegation",
        organizer=["Anhui provincial department of commerce"], origin=["Anhui"], destinations=["JP", "KR"],
        when={"start": "2022-12-25"}, participants={"enterprises": 50}, transport=["charter_flight"],
        also_ok={"activities": ["trade_promotion", "business_negotiation", "customer_visit"]}),
     ev("policy_measure", False, "the activities are all under the province's trade promotion campaign",
        origin=["Anhui"], also_ok={"organizer": ["Anhui provincial department of commerce", "Liu Guang"],
                                   "activities": ["trade_promotion"]}),
     ev("trade_mission", False, "Anhui will also hold over 100 investment promotion activities abroad in 2023",
        origin=["Anhui"], when={"start": "2023"}, activities=["investment_promotion"]),
     ev("trade_mission", False, "We will organize special promotion activities in countries and regions including Germany, Britain, and ROK",
        origin=["Anhui"], destinations=["DE", "GB", "KR"],
        also_ok={"organizer": ["Anhui provincial department of commerce"], "activities": ["trade_promotion", "business_negotiation"]}),
     ev("trade_mission", True, "has sent 58 people from 18 enterprises to attend activities",
        organizer=["Anhui's commerce department"], origin=["Anhui"],
        participants={"people": 58, "enterprises": 18, "countries": 19},
        activities=["exhibition", "business_negotiation"],
        also_ok={"organizer": ["Anhui provincial department of commerce"]}))

gold("e152_ccpit-ren-hongbin-delegation-south-africa-2025", "2025-02-22",
     ev("trade_mission", True, "A delegation of Chinese entrepreneurs visited South Africa from Wednesday to Friday",
        organizer=["China Council for the Promotion of International Trade"], origin=["China"],
        destinations=["ZA"], when={"start": "2025-02-19", "end": "2025-02-21"},
        activities=["business_negotiation", "trade_promotion"],
        also_ok={"organizer": ["CCPIT", "Ren Hongbin"], "destinations": ["Johannesburg"],
                 "activities": ["investment_promotion"]}))

gold("e153_lanzhou-fair-28th-concludes-898-deals", "2022-07-12",
     ev("trade_fair", True, "The 28th China Lanzhou Investment and Trade Fair concluded on Monday", alt_types=["deal"],
        when={"end": "2022-07-11"},
        outcomes=[{"kind": "contract", "amount": {"value": 531000000000, "currency": "CNY"},
                   "count": {"value": 898, "unit": "deals"}}],
        also_ok={"destinations": ["Lanzhou", "Gansu"], "organizer": ["organizing committee"],
                 "outcomes.amount": [{"value": 79300000000, "currency": "USD"}],
                 "activities": ["exhibition", "investment_promotion", "trade_promotion"]}),
     ev("deal", False, "A total of 898 deals collectively worth 531 billion yuan", alt_types=["trade_fair"],
        outcomes=[{"kind": "contract", "amount": {"value": 531000000000, "currency": "CNY"},
                   "count": {"value": 898, "unit": "deals"}}],
        also_ok={"outcomes.amount": [{"value": 79300000000, "currency": "USD"}]}),
     ev("trade_fair", False, "First held in 1993, the fair has become a window", when={"start": "1993"},
        also_ok={"destinations": ["Lanzhou", "Gansu"]}))

gold("e154_heilongjiang-h1-2022-foreign-trade", "2022-07-19")

gold("e155_guangdong-special-train-congjiang-workers-2022", None,
     ev("recruitment_drive", True, "took a special high-speed train for an organized return to work",
        origin=["Congjiang"], destinations=["Guangdong"], participants={"people": 600}, transport=["rail"],
        also_ok={"origin": ["Guizhou"], "destinations": ["Guangzhou", "Dongguan", "Pearl River Delta"],
                 "organizer": ["human resources and social security authority"]}),
     ev("recruitment_drive", False, "two more such trains, carrying about 1,200 migrant workers",
        origin=["Guizhou", "Yunnan"], destinations=["Guangdong"], participants={"people": 1200}, transport=["rail"],
        also_ok={"organizer": ["human resources and social security authority"]}),
     ev("recruitment_drive", True, "are organizing job fairs for migrant workers from other regions and provinces",
        destinations=["Guangzhou", "Foshan", "Dongguan", "Jiangmen"], activities=["recruitment"],
        also_ok={"organizer": ["Human resources authorities in Guangzhou, Foshan, Dongguan, Jiangmen"],
                 "destinations": ["Guangdong", "Pearl River Delta"]}))

gold("e156_zhongshan-cppcc-delegation-uae-south-africa-namibia", "2017-12-11",
     ev("trade_mission", True, "including UAE, South Africa and Namibia during November 21 to 30",
        organizer=["Zhongshan Municipal Committee of CPPCC"], origin=["Zhongshan"],
        destinations=["AE", "ZA", "NA"], when={"start": "2017-11-21", "end": "2017-11-30"},
        activities=["investment_promotion", "customer_visit"],
        also_ok={"organizer": ["Qiu Shuhong", "Zhongshan Foreign and Overseas Chinese Affairs Bureau",
                               "Zhongshan Public Diplomacy Association"],
                 "origin": ["Guangdong"], "activities": ["trade_promotion"]}),
     ev("deal", False, "Zhongshan Public Diplomacy Association also signed cooperative agreement", alt_types=["trade_mission"],
        organizer=["Zhongshan Public Diplomacy Association"]))

# ---- batch 2 ----------------------------------------------------------------------------
gold("e157_hunan-delegation-africa-caete-promotion", None,
     ev("trade_mission", True, "the team left on their 12-day journey around Africa",
        organizer=["Hunan Department of Commerce"], origin=["Hunan"], destinations=["MZ", "TZ", "MG"],
        when={"start": "2022-12-10", "duration_days": 12}, activities=["trade_promotion"],
        also_ok={"organizer": ["Lou Liangjin", "Hunan Province", "Hunan provincial Department of Commerce"],
                 "destinations": ["region:africa"], "activities": ["investment_promotion", "exhibition"]}),
     ev("trade_fair", False, "the third edition of the CAETE, which will take place in June this year",
        when={"start": "2023-06"}, also_ok={"destinations": ["Changsha", "Hunan"]}),
     ev("trade_fair", False, "which was held in Changsha, Hunan Province, in June 2019",
        when={"start": "2019-06"}, also_ok={"destinations": ["Changsha", "Hunan"]}))

gold("e158_cgtn-job-fairs-free-rides-migrant-workers-2024", None,
     ev("recruitment_drive", True, "Over 30 offline job fairs are underway in Chongqing's Banan District alone",
        destinations=["Banan District"], when={"start": "--02-20"}, activities=["recruitment"],
        also_ok={"destinations": ["Chongqing"]}),
     ev("recruitment_drive", False, "Similar events in Shandong and other provinces connect workers with employers",
        destinations=["Shandong"], activities=["recruitment"]),
     ev("recruitment_drive", True, "Local officials used WeChat mini-programs for online recruitment",
        destinations=["Xuchang"], activities=["recruitment", "online_exhibition"],
        also_ok={"destinations": ["Henan"], "organizer": ["Wang Bo"]}),
     ev("recruitment_drive", True, "Qianxinan Prefecture chartered flights and buses for workers",
        origin=["Qianxinan Prefecture"], destinations=["Guangzhou"], transport=["charter_flight"],
        also_ok={"origin": ["Guizhou"], "organizer": ["Qianxinan Prefecture"], "destinations": ["Guangdong"]}),
     ev("policy_measure", False, "The campaign runs until April 8", alt_types=["recruitment_drive"],
        when={"end": "--04-08"}))

gold("e159_state-council-office-guideline-stabilize-foreign-trade-2020", "2020-08-18",
     ev("policy_measure", True, "Governments of all provincial-level regions and State Council departments should take steps to stabilize foreign trade",
        organizer=["General Office of the State Council"], when={"start": "2020-08-12"},
        also_ok={"organizer": ["State Council", "Cabinet"], "origin": ["China"]}))

gold("e160_shandong-online-signing-92-foreign-funded-projects", "2020-05-12",
     ev("deal", True, "A total of 92 key projects to be built in the province were signed",
        origin=["Shandong"], when={"start": "2020-05-11"},
        outcomes=[{"kind": "investment", "amount": {"value": 9970000000, "currency": "USD"},
                   "count": {"value": 92, "unit": "projects"}}],
        also_ok={"organizer": ["Liu Jiayi", "Shandong"], "destinations": ["Jinan", "Shandong"],
                 "participants.countries": [18], "activities": ["investment_promotion", "online_exhibition"]}))

gold("e161_zhenjiang-cloud-signing-24-key-projects-2022", "2022-05-23",
     ev("deal", True, "held a “cloud contract signing” for 2022 key industrial projects",
        origin=["Zhenjiang"], when={"start": "2022-02-14"},
        outcomes=[{"kind": "investment", "amount": {"value": 21100000000, "currency": "CNY"},
                   "count": {"value": 24, "unit": "projects"}}],
        also_ok={"organizer": ["Zhenjiang business bureau", "Zhenjiang"], "origin": ["Jiangsu"],
                 "destinations": ["Zhenjiang"], "activities": ["investment_promotion", "online_exhibition"]}),
     ev("deal", False, "The deal also includes six foreign projects with a total investment of $475 million",
        outcomes=[{"kind": "investment", "amount": {"value": 475000000, "currency": "USD"},
                   "count": {"value": 6, "unit": "projects"}}],
        also_ok={"origin": ["Zhenjiang"]}))

gold("e162_kunming-diplomats-visit-enterprises-2021", "2021-12-01")

# ---- batch 3 ----------------------------------------------------------------------------
gold("e163_hainan-delegation-indonesia-ftp-promotion", "2023-02-21",
     ev("trade_mission", True, "conducted economic and cultural exchanges in the Republic of Indonesia",
        origin=["Hainan"], destinations=["ID"],
        when={"start": "2023-02-16", "end": "2023-02-20", "duration_days": 5},
        activities=["investment_promotion", "trade_promotion"],
        also_ok={"organizer": ["Hainan Province", "Hainan International Media Center"],
                 "destinations": ["Jakarta", "Bali"], "activities": ["business_negotiation"]}),
     ev("deal", False, "to sign cooperation agreements covering joint projects", alt_types=["trade_mission"],
        origin=["Hainan"], also_ok={"destinations": ["ID", "Bali"]}))

gold("e164_hubei-jingzhou-chartered-trains-guangdong-2020", None,
     ev("recruitment_drive", True, "carrying Chen and other workers from Jingzhou, arrived in Guangzhou",
        origin=["Jingzhou"], destinations=["Guangzhou"], participants={"people": 551}, transport=["rail"],
        also_ok={"origin": ["Hubei"], "destinations": ["Guangdong", "Dongguan"]}),
     ev("recruitment_drive", True, "another chartered train departed at 3:13 pm on Thursday to Shenzhen",
        origin=["Jingzhou"], destinations=["Shenzhen"], participants={"people": 1080}, transport=["rail"],
        also_ok={"origin": ["Hubei"], "destinations": ["Guangdong"]}),
     ev("recruitment_drive", True, "a chartered train carried 547 migrant workers from Hubei to East China's Zhejiang province",
        origin=["Hubei"], destinations=["Zhejiang"], participants={"people": 547}, transport=["rail"],
        also_ok={"origin": ["Enshi Tujia and Miao autonomous prefecture", "Enshi"], "destinations": ["Shaoxing"]}))

gold("e165_kunming-fair-15th-opens", None,
     ev("trade_fair", True, "The opening ceremonies of the 15th annual Kunming Import and Export Commodities Fair",
        when={"end": "--06-10"}, activities=["exhibition"],
        also_ok={"destinations": ["Kunming", "Yunnan", "Kunming International Convention and Exhibition Center"],
                 "activities": ["investment_promotion", "trade_promotion"]}))

gold("e166_chongqing-delegation-belarus-kazakhstan-exhibition-2023", "2023-07-03",
     ev("trade_mission", True, "the business delegation led by the Chongqing Municipal Commission of Commerce to expand the market in Kazakhstan and Belarus",
        organizer=["Chongqing Municipal Commission of Commerce"], origin=["Chongqing"], destinations=["KZ", "BY"],
        when={"duration_days": 8},
        outcomes=[{"kind": "projects", "amount": {"value": 10000000, "currency": "USD"}}],
        activities=["exhibition", "trade_promotion"],
        also_ok={"destinations": ["Minsk"], "when.start": ["2023-06-27"], "participants.enterprises": [24],
                 "activities": ["business_negotiation"]}),
     ev("trade_fair", True, "were held on June 29 local time in the China-Belarus industrial park in Minsk", alt_types=["trade_mission"],
        origin=["Chongqing"], destinations=["BY"], when={"start": "2023-06-29"}, activities=["exhibition"],
        also_ok={"organizer": ["Chongqing Municipal Commission of Commerce"], "destinations": ["Minsk"],
                 "participants.enterprises": [24]}),
     ev("deal", False, "24 Chongqing enterprises signed with Belarusian enterprises projects", alt_types=["trade_mission", "trade_fair"],
        origin=["Chongqing"], participants={"enterprises": 24},
        outcomes=[{"kind": "projects", "amount": {"value": 10000000, "currency": "USD"}}],
        also_ok={"destinations": ["BY", "Minsk"]}))

gold("e167_wuhan-first-onsite-job-fair-2020", None,
     ev("recruitment_drive", True, "Wuhan City held the first on-site job fair for resumption of production",
        organizer=["Wuhan Municipal Human Resources and Social Security Bureau"], destinations=["Wuhan"],
        when={"start": "2020-04-21"}, participants={"enterprises": 281, "people": 7248},
        activities=["recruitment"], outcomes=[{"kind": "jobs", "count": {"value": 3528, "unit": "people"}}],
        also_ok={"destinations": ["Hubei", "Wuhan Economic and Technological Development Zone",
                                  "East Lake New Technology Development Zone", "Dongxihu District", "Caidian District",
                                  "Jiangxia District", "Huangpi District", "Xinzhou District"],
                 "participants.people": [3528, 3500]}))

gold("e168_cgtn-entry-exit-trips-national-day-2023", None)

# ---- batch 4 ----------------------------------------------------------------------------
gold("e169_acc-trade-investment-group-ho-chi-minh-city-2019", None,
     ev("trade_mission", True, "organized a visiting group missioned for trade and investment promotion",
        organizer=["ASEAN-China Centre"], origin=["Beijing", "Guangdong"], destinations=["VN"],
        when={"start": "2019-07-26", "end": "2019-07-27"}, participants={"people": 20},
        activities=["investment_promotion", "trade_promotion"],
        also_ok={"organizer": ["ACC", "Guo Chuanwei", "Trade and Investment Division"],
                 "origin": ["China"], "destinations": ["Ho Chi Minh City"],
                 "participants.enterprises": [20],
                 "activities": ["customer_visit", "business_negotiation", "factory_inspection"]}))

gold("e170_early-job-fairs-unemployed-migrant-workers-2009", None,
     ev("recruitment_drive", False, "Shanghai, Shenzhen and Beijing held job fairs early",
        destinations=["Shanghai", "Shenzhen", "Beijing"], activities=["recruitment"]),
     ev("recruitment_drive", True, "Beijing's first job fair this year opened on Monday",
        destinations=["Beijing"], activities=["recruitment"],
        also_ok={"organizer": ["Yonghegong Job Market"]}),
     ev("recruitment_drive", False, "a large job fair will be held later this month", destinations=["Beijing"],
        activities=["recruitment"]),
     ev("recruitment_drive", True, "in Wuhu City, east China's Anhui Province, drew more than 30,000 job-seekers",
        destinations=["Wuhu"], participants={"people": 30000}, activities=["recruitment"],
        also_ok={"destinations": ["Anhui"]}),
     ev("recruitment_drive", True, "a government-sponsored fair held after the Spring Festival had 30,000 jobs to fill",
        destinations=["Ganzhou"], activities=["recruitment"], also_ok={"destinations": ["Jiangxi"]}))

gold("e171_harbin-fair-2011-booths-booked", None,
     ev("trade_fair", True, "all 3,000 exhibition booths for this year's China Harbin International Economic and Trade Fair were already booked",
        when={"start": "--06-14"}, activities=["exhibition"],
        also_ok={"destinations": ["Harbin", "Heilongjiang"],
                 "organizer": ["Ministry of Commerce", "National Development and Reform Commission",
                               "China Council for the Promotion of International Trade",
                               "Council for the Promotion of International Trade in Heilongjiang province",
                               "Harbin trade fair office", "provincial governments of Heilongjiang and Zhejiang",
                               "city government of Harbin", "Chen Dianyun"],
                 "activities": ["trade_promotion", "investment_promotion"]}))

gold("e172_listed-companies-annual-profit-growth-securities-daily", None)

if __name__ == "__main__":
    write()
