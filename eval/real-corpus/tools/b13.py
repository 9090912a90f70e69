"""Write gold/e195…e216 (collection of 2026-12-03, branch e/gold-6). Same format as b8.py…b12.py
(tools/goldfile.py: one event per line, ensure_ascii off)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldfile import gold, ev, write

# ---- batch 1 ----------------------------------------------------------------------------
gold("e195_hunan-governor-delegation-kenya-caete-cgtn-africa", None,
     ev("trade_mission", True, "a Chinese delegation from Hunan province led by Governor Xu Dazhe",
        organizer=["Xu Dazhe"], origin=["Hunan"], destinations=["KE"], activities=["customer_visit"],
        also_ok={"organizer": ["Hunan province", "Hunan provincial government"], "destinations": ["Nairobi"],
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

if __name__ == "__main__":
    write()
