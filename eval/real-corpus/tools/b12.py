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

if __name__ == "__main__":
    write()
