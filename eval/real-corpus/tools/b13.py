"""Write gold/e195…e216 (collection of 2026-12-03, branch e/gold-6). Same format as b8.py…b12.py
(tools/goldfile.py: one event per line, ensure_ascii off)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldfile import gold, ev, write

# ---- batch 1 ----------------------------------------------------------------------------
gold("e195_hunan-governor-delegation-kenya-caete-cgtn-africa", None,
     ev("trade_mission", True, "a Chinese delegation from Hunan province led by Governor Xu Dazhe",
        organizer=["Hunan province"], origin=["Hunan"], destinations=["KE"], activities=["customer_visit"],
        also_ok={"organizer": ["Xu Dazhe", "Governor Xu Dazhe", "Hunan provincial government"], "destinations": ["Nairobi"],
                 "activities": ["trade_promotion", "investment_promotion", "business_negotiation"]}),
     ev("trade_fair", False, "The Sino-African Trade Expo will be held in China’s city of Changsha",
        destinations=["Changsha"], also_ok={"destinations": ["Hunan"], "when.start": ["--06"]}))

gold("e196_zhejiang-international-trade-nigeria-exhibition-lagos-2025", "2025-11-17",
     ev("trade_fair", True, "Exhibition grandly opened from November 11th to 13th",
        origin=["Zhejiang"], destinations=["NG"], when={"start": "2025-11-11", "end": "2025-11-13"},
        participants={"enterprises": 50}, activities=["exhibition"],
        also_ok={"destinations": ["Lagos", "Tafawa Balewa Square Exhibition Centre"],
                 "origin": ["Jinhua", "Hangzhou", "Wenzhou", "Taizhou", "Shaoxing"],
                 "organizer": ["China Councial for the Promotion of International Trade"],
                 "activities": ["business_negotiation", "trade_promotion"]}))

gold("e197_ordos-hong-kong-investment-conference-8-deals-2024", "2024-01-05",
     ev("deal", True, "A total of eight project agreements were signed", alt_types=["trade_mission", "trade_fair"],
        origin=["Ordos"], destinations=["HK"], when={"start": "2024-01-04"},
        outcomes=[{"kind": "projects", "amount": {"value": 12650000000, "currency": "CNY"},
                   "count": {"value": 8, "unit": "projects"}}],
        also_ok={"organizer": ["Ordos municipal government", "Ordos"], "origin": ["Inner Mongolia"],
                 "outcomes.amount": [{"value": 1730000000, "currency": "USD"}],
                 "participants.people": [120], "activities": ["investment_promotion"]}),
     ev("trade_mission", False, "Investment Promotion Conference, showcasing 10 impressive business proposals",
        alt_types=["deal", "trade_fair"], origin=["Ordos"], destinations=["HK"], when={"start": "2024-01-04"},
        activities=["investment_promotion"],
        also_ok={"organizer": ["Ordos municipal government", "Ordos"], "origin": ["Inner Mongolia"],
                 "participants.people": [120]}),
     ev("deal", False, "signed memorandums of cooperation at the event",
        organizer=["Ordos municipal government"],
        also_ok={"organizer": ["Chinese Manufacturers' Association of Hong Kong", "Chinese General Chamber of Commerce",
                               "Hong Kong Commerce and Industry Associations"],
                 "origin": ["Ordos"], "destinations": ["HK"]}))

gold("e198_xiamen-four-measures-foreign-trade-exhibition-enterprises", None,
     ev("policy_measure", True, "studied and issued the Implementation Plan for Coping with the COVID-19 Outbreak",
        organizer=["Xiamen"], origin=["Xiamen"],
        also_ok={"organizer": ["Xiamen municipal government", "Xiamen Office"], "origin": ["Fujian"],
                 "when.start": ["2020"]}),
     ev("policy_measure", False, "the average rate of credit insurance will be reduced by not less than 50%",
        origin=["Xiamen"], also_ok={"organizer": ["Xiamen", "Xiamen municipal government"]}),
     ev("policy_measure", False, "The Export-Import Bank of China Xiamen Branch increased a credit line of 10 billion yuan",
        organizer=["Export-Import Bank of China Xiamen Branch"], origin=["Xiamen"],
        also_ok={"organizer": ["Xiamen"], "outcomes.amount": [{"value": 10000000000, "currency": "CNY"}]}))

gold("e199_guangdong-30-trains-400-buses-job-fair-guangzhou-dongguan", None,
     ev("recruitment_drive", True, "Human resources authorities chartered more than 30 trains and 400 buses",
        destinations=["Guangdong"], transport=["rail"],
        also_ok={"organizer": ["Human resources authorities", "Guangdong’s Employment Service Department",
                               "Xia Yibing", "Guangdong’s Human Resources and Social Security Department"]}),
     ev("recruitment_drive", True, "a large job fair has been scheduled simultaneously on Sunday in the cities of Guangzhou and Dongguan",
        destinations=["Guangzhou", "Dongguan"], participants={"enterprises": 1100}, activities=["recruitment"],
        also_ok={"destinations": ["Guangdong"], "participants.enterprises": [386],
                 "organizer": ["organizers", "Guangdong’s Human Resources and Social Security Department"]}))

gold("e200_listed-companies-best-annual-performance-2017-global-times", None)

# ---- batch 2 ----------------------------------------------------------------------------
gold("e201_ccpit-ren-hongbin-delegation-italy-serbia-cisce-2025", "2025-03-24",
     ev("trade_mission", True, "led a delegation of Chinese entrepreneurs on a visit to Italy and Serbia",
        organizer=["China Council for the Promotion of International Trade"], origin=["China"],
        destinations=["IT", "RS"], when={"start": "2025-03-17", "end": "2025-03-21"},
        activities=["trade_promotion"],
        also_ok={"organizer": ["CCPIT", "Ren"], "destinations": ["Milan", "Belgrade", "region:europe"],
                 "activities": ["business_negotiation", "investment_promotion"]}),
     ev("trade_fair", False, "European firms are invited to participate in the upcoming Expo",
        also_ok={"organizer": ["CCPIT", "China Council for the Promotion of International Trade"]}))

gold("e202_china-kenya-expo-3rd-nairobi-83-chinese-companies", None,
     ev("trade_fair", True, "the third China-Kenya Industrial Capacity Cooperation Exposition",
        organizer=["China International Exhibition Centre Group Corporation"], destinations=["KE"],
        participants={"enterprises": 83}, activities=["exhibition"],
        also_ok={"organizer": ["CIEC Group", "China Council for the Promotion of International Trade", "CCPIT",
                               "Kenya's Ministry of Industry, Trade and Cooperatives"],
                 "origin": ["China"], "destinations": ["Nairobi"],
                 "activities": ["business_negotiation", "trade_promotion", "supply_docking"]}),
     ev("trade_fair", False, "About 50 enterprises from China attended last year",
        participants={"enterprises": 50}, also_ok={"origin": ["China"], "destinations": ["KE", "Nairobi"]}))

gold("e203_beijing-delegation-ciie-2nd-207-purchase-agreements", None,
     ev("deal", True, "signed 207 purchase agreements with 108 exhibitors", alt_types=["trade_fair", "trade_mission"],
        origin=["Beijing"], participants={"enterprises": 88},
        outcomes=[{"kind": "intended_deals", "count": {"value": 207, "unit": "agreements"}}],
        also_ok={"organizer": ["Beijing Municipal Commerce Bureau", "Beijing delegation"],
                 "destinations": ["Shanghai"], "participants.countries": [32]}),
     ev("deal", False, "Secoo signed a strategic cooperation agreement worth US$200 million",
        organizer=["Secoo"], outcomes=[{"kind": "contract", "amount": {"value": 200000000, "currency": "USD"}}],
        also_ok={"origin": ["Beijing"]}),
     ev("deal", False, "Gome signed a strategic cooperation agreement worth US$710 million",
        organizer=["Gome"], outcomes=[{"kind": "contract", "amount": {"value": 710000000, "currency": "USD"}}],
        also_ok={"origin": ["Beijing"], "organizer": ["Samsung China"]}),
     ev("trade_fair", False, "registered in the Beijing delegation", alt_types=["trade_mission"],
        origin=["Beijing"], also_ok={"participants.enterprises": [3107], "participants.people": [10828],
                                     "organizer": ["Beijing Municipal Commerce Bureau"]}))

gold("e204_hunan-ccpit-subsidy-international-exhibition-smes-2001", None,
     ev("policy_measure", True, "has decided to set aside one million yuan each year to subsidize the international exhibition expenses",
        organizer=["Hunan province"], origin=["Hunan"],
        also_ok={"organizer": ["Hunan branch of the China Council for the Promotion of International Trade", "Li Weiwei",
                               "Hunan provincial government"]}),
     ev("policy_measure", False, "The branch plans to set up a service center for medium and small sized firms",
        organizer=["Hunan branch of the China Council for the Promotion of International Trade"], origin=["Hunan"],
        also_ok={"organizer": ["Li Weiwei"]}))

gold("e205_wuxi-delegation-dubai-chamber-172-b2b-meetings-2023", "2023-08-21",
     ev("trade_mission", True, "the event welcomed a high-level government delegation led by Mr. Du Xiaogang",
        organizer=["Wuxi Municipal Government"], origin=["Wuxi"], destinations=["AE"],
        participants={"enterprises": 13}, activities=["business_negotiation", "investment_promotion"],
        also_ok={"organizer": ["Du Xiaogang", "Wuxi Municipal Committee of the Communist Party",
                               "Wuxi National High-Tech Industrial Development Zone", "Dubai International Chamber"],
                 "origin": ["Jiangsu"], "destinations": ["Dubai"], "when.start": ["2023-08"],
                 "activities": ["trade_promotion"]}))

gold("e206_he-lifeng-meets-richard-haass-2023", "2023-12-05")

# ---- batch 3 ----------------------------------------------------------------------------
gold("e207_peoples-daily-provincial-business-delegations-overseas-2022", "2022-12-14",
     ev("trade_mission", True, "a trade delegation consisting of 59 foreign trade enterprises from southeast China's Fujian province",
        origin=["Fujian"], destinations=["DE"], participants={"enterprises": 59}, activities=["exhibition"],
        outcomes=[{"kind": "intended_deals", "amount": {"value": 300000000, "currency": "USD"}}],
        also_ok={"destinations": ["Munich"], "activities": ["business_negotiation", "order_grabbing"]}),
     ev("trade_mission", True, "chartered planes to send business delegations to Japan",
        organizer=["Suzhou"], origin=["Suzhou"], destinations=["JP"], transport=["charter_flight"],
        also_ok={"origin": ["Jiangsu"], "outcomes.amount": [{"value": 140000000, "currency": "USD"}],
                 "activities": ["business_negotiation", "order_grabbing"]}),
     ev("policy_measure", True, "Zhejiang province launched an action plan to send 10,000 foreign trade enterprises overseas",
        organizer=["Zhejiang province"], origin=["Zhejiang"], when={"start": "2022-12-04"},
        participants={"enterprises": 10000},
        also_ok={"when.end": ["2023", "2023-12"], "activities": ["exhibition", "customer_visit", "order_grabbing"]}),
     ev("deal", False, "reached intended deals of around $43 million", alt_types=["trade_mission", "trade_fair"],
        organizer=["Brilsta"], destinations=["FR"],
        outcomes=[{"kind": "intended_deals", "amount": {"value": 43000000, "currency": "USD"}}],
        also_ok={"origin": ["Zhejiang"], "destinations": ["Paris"], "activities": ["exhibition"]}),
     ev("trade_mission", False, "Chinese provincial governments are sending business delegations overseas",
        alt_types=["policy_measure"], origin=["China"], transport=["charter_flight", "shared_flight"]),
     ev("trade_mission", False, "government-organized charter flights", alt_types=["policy_measure"],
        origin=["Guangdong"], transport=["charter_flight"],
        also_ok={"organizer": ["commerce department of south China's Guangdong province"]}))

gold("e208_eurasia-commodity-trade-expo-2023-273-intent-projects", "2023-08-20",
     ev("trade_fair", True, "Eurasia Commodity and Trade Expo, which opened in northwest China’s Xinjiang",
        when={"start": "2023-08-17", "end": "2023-08-21"},
        outcomes=[{"kind": "intended_deals", "amount": {"value": 493200000000, "currency": "CNY"},
                   "count": {"value": 273, "unit": "projects"}}],
        also_ok={"destinations": ["Xinjiang", "Urumqi"], "organizer": ["organizers"],
                 "outcomes.amount": [{"value": 68490000000, "currency": "USD"}], "activities": ["exhibition"]}))


gold("e209_shenyang-tiexi-day-munich-11-projects-signed-2023", "2023-03-30",
     ev("deal", True, "Contract-signing ceremony was hosted on the same day for 11 projects", alt_types=["trade_mission", "trade_fair"],
        origin=["Shenyang"], destinations=["DE"],
        outcomes=[{"kind": "projects", "count": {"value": 11, "unit": "projects"}}],
        also_ok={"origin": ["Tiexi"], "destinations": ["Munich", "Bavaria"],
                 "organizer": ["Information Office of Shenyang Municipality", "Shenyang"],
                 "when.start": ["2023-03"], "activities": ["investment_promotion"]}),
     ev("trade_mission", False, "Industry Cooperation Exchange Conference was held to great success in Munich",
        alt_types=["trade_fair", "deal"], origin=["Shenyang"], destinations=["DE"], activities=["investment_promotion"],
        also_ok={"origin": ["Tiexi"], "destinations": ["Munich", "Bavaria"], "participants.people": [100],
                 "activities": ["business_negotiation", "trade_promotion"], "when.start": ["2023-03"]}))

gold("e210_mofcom-zhong-shan-steps-stable-foreign-trade-2020-ecns", "2020-05-18",
     ev("policy_measure", True, "the ministry will take a number of key measures to further bolster foreign trade and investment",
        organizer=["Ministry of Commerce"], when={"start": "2020-05-18"},
        also_ok={"organizer": ["Zhong Shan", "MOFCOM", "Commerce Minister Zhong Shan"], "origin": ["China"]}),
     ev("policy_measure", False, "The government will help companies seek new opportunities in emerging overseas markets",
        also_ok={"organizer": ["Ministry of Commerce", "Zhong Shan", "government"], "origin": ["China"],
                 "destinations": ["region:southeast_asia"]}))

gold("e211_hangzhou-chartered-buses-enshi-hubei-workers-2020", None,
     ev("recruitment_drive", True, "Six chartered buses carrying a total of 146 migrant workers from Enshi",
        origin=["Enshi Tujia and Miao autonomous prefecture"], destinations=["Hangzhou"],
        when={"start": "2020-03"}, participants={"people": 146},
        also_ok={"origin": ["Enshi", "Hubei"], "destinations": ["Zhejiang"],
                 "organizer": ["Hangzhou government", "Hangzhou Human Resources and Social Security Department",
                               "Enshi Human Resources and Social Security Department"]}),
     ev("recruitment_drive", False, "A chartered train with nearly 300 workers from Guiyang",
        origin=["Guiyang"], destinations=["Hangzhou"], when={"start": "2020-02-16"}, participants={"people": 300},
        transport=["rail"], also_ok={"origin": ["Guizhou"], "destinations": ["Zhejiang"]}))

gold("e212_shandong-vice-governor-delegation-dubai-chambers-2023", "2023-12-11",
     ev("trade_mission", True, "80 delegates from Shandong led by Song Junji",
        organizer=["Department of Commerce of Shandong Province"], origin=["Shandong"], destinations=["AE"],
        participants={"people": 80}, activities=["investment_promotion", "trade_promotion"],
        also_ok={"organizer": ["Song Junji", "Dubai Chambers", "China Innovation Centre", "Chinese Consulate in Dubai"],
                 "destinations": ["Dubai"], "participants.people": [350], "when.start": ["2023-12"],
                 "activities": ["business_negotiation"]}),
     ev("deal", False, "the signing of deals between Shandong Province and Dubai", alt_types=["trade_mission"],
        origin=["Shandong"], destinations=["AE"], also_ok={"destinations": ["Dubai"]}))

# ---- batch 4 ----------------------------------------------------------------------------
gold("e213_liaoning-urumqi-east-west-trade-fair-32-contracts-2001", None,
     ev("trade_fair", True, "Participants in a domestic trade fair, which was opened here Saturday",
        organizer=["Liaoning Province"], origin=["Liaoning"],
        participants={"enterprises": 1100},
        outcomes=[{"kind": "contract", "amount": {"value": 3560000000, "currency": "CNY"},
                   "count": {"value": 32, "unit": "contracts"}}],
        also_ok={"organizer": ["local governments of northeast China's Liaoning Province", "Liaoning provincial government",
                               "Urumqi municipal government", "Liaoning Office of Economic and Technological Cooperation",
                               "Dong Xiaoshi"],
                 "destinations": ["Xinjiang", "Urumqi"], "outcomes.amount": [{"value": 429000000, "currency": "USD"}],
                 "activities": ["exhibition", "investment_promotion", "business_negotiation"]}),
     ev("deal", False, "more than 1,700 cooperative contracts will be signed", alt_types=["trade_fair"],
        outcomes=[{"kind": "investment", "amount": {"value": 20000000000, "currency": "CNY"},
                   "count": {"value": 1700, "unit": "contracts"}}],
        also_ok={"outcomes.amount": [{"value": 2400000000, "currency": "USD"}], "origin": ["Liaoning"],
                 "organizer": ["Dong Xiaoshi", "Liaoning Office of Economic and Technological Cooperation"]}),
     ev("deal", False, "Enterprises from Liaoning have also reached agreements of intention with some Central Asian nations",
        alt_types=["trade_fair"], origin=["Liaoning"], destinations=["region:central_asia"],
        outcomes=[{"kind": "intended_deals", "amount": {"value": 453000000, "currency": "CNY"}}],
        also_ok={"outcomes.amount": [{"value": 54600000, "currency": "USD"}], "destinations": ["Xinjiang", "Urumqi"]}))

gold("e214_ma-xiuhong-procurement-delegation-us-4-3-billion-2007", None,
     ev("deal", True, "A Chinese business delegation has signed deals worth US$4.3-billion with US enterprises",
        alt_types=["trade_mission"], organizer=["Ma Xiuhong"], origin=["China"], destinations=["US"],
        outcomes=[{"kind": "contract", "amount": {"value": 4300000000, "currency": "USD"},
                   "count": {"value": 27, "unit": "contracts"}}],
        also_ok={"organizer": ["Ministry of Commerce", "Vice-Minister of Commerce Ma Xiuhong"],
                 "destinations": ["San Francisco", "California"],
                 "participants.people": [300], "participants.enterprises": [200],
                 "activities": ["business_negotiation"]}),
     ev("trade_mission", False, "is heading to Atlanta, Chicago and Washington for other procurement agreements",
        organizer=["Ma Xiuhong"], origin=["China"], destinations=["US"],
        participants={"people": 300, "enterprises": 200},
        also_ok={"organizer": ["Ministry of Commerce"], "destinations": ["Atlanta", "Chicago", "Washington", "San Francisco"],
                 "activities": ["business_negotiation"]}),
     ev("deal", False, "The contracts include Lenovo Group's agreement with Microsoft Corp",
        organizer=["Lenovo Group"], outcomes=[{"kind": "contract", "amount": {"value": 1300000000, "currency": "USD"}}],
        also_ok={"organizer": ["Microsoft Corp"], "destinations": ["US"]}),
     ev("deal", False, "signed a deal to buy as much as US$1.86 billion worth of equipment",
        organizer=["Semiconductor Manufacturing International Corp"],
        outcomes=[{"kind": "contract", "amount": {"value": 1860000000, "currency": "USD"}}],
        also_ok={"organizer": ["Applied Materials, Inc"], "destinations": ["US"]}),
     ev("deal", False, "Jiangxi Hongyuan Machinery agreed to pay about US$95 million",
        organizer=["Jiangxi Hongyuan Machinery"],
        outcomes=[{"kind": "investment", "amount": {"value": 95000000, "currency": "USD"}}],
        also_ok={"destinations": ["US"]}))

gold("e215_zhejiang-cities-overseas-exhibition-booth-fee-subsidies-epidemic", None,
     ev("policy_measure", True, "giving 50% subsidy to the booth fee",
        origin=["Xiaoshan District"], also_ok={"origin": ["Hangzhou", "Zhejiang"], "organizer": ["Xiaoshan District"]}),
     ev("policy_measure", True, "100% of the booth fee allowance is granted",
        origin=["Huzhou"], also_ok={"origin": ["Zhejiang"], "organizer": ["Huzhou City"]}),
     ev("policy_measure", True, "giving a subsidy of 80% to the booth fee",
        origin=["Changxing County"], also_ok={"origin": ["Huzhou", "Zhejiang"], "organizer": ["Changxing County"]}),
     ev("policy_measure", True, "were subsidized by the booth fee",
        origin=["Ningbo"], also_ok={"origin": ["Zhejiang"], "organizer": ["Ningbo City"]}),
     ev("policy_measure", False, "Give enterprise booth subsidies",
        origin=["Yinzhou District"], also_ok={"origin": ["Ningbo", "Zhejiang"], "organizer": ["Yinzhou District"]}))

gold("e216_cgtn-china-q1-2023-foreign-trade-customs", None)

if __name__ == "__main__":
    write()
