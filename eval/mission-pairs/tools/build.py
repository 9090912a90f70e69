#!/usr/bin/env python3
"""Builds pairs.tsv and the README pair table from the metadata below.
Article texts in articles/ were saved verbatim from the `pages` store excerpts."""
import os, csv

# id: (url, outlet / original publisher, language)
ART = {
 'm01a': ('http://m.dingqianjf.com/news/show/134/1535018_0.html', 'Zhejiang Online (zjol) text on mirror host', 'zh'),
 'm01b': ('https://globaltimes.cn/page/202212/1281159.shtml', 'Global Times', 'en'),
 'm02a': ('https://m.phb7.com/xinwen/ba/642625.html', 'Jiaohuidian / Xinhua Daily text on mirror host', 'zh'),
 'm02b': ('https://quyu.jschina.com.cn/jrjj/202211/t20221118_7757345.shtml', 'Suzhou Daily via jschina.com.cn', 'zh'),
 'm03a': ('http://www.melegineli.com/news/guonei/2025-05-06/1670185.html', "People's Daily (print) text on mirror host", 'zh'),
 'm03b': ('http://en.people.cn/n3/2025/0506/c90000-20310525.html', "Xinhua via People's Daily Online", 'en'),
 'm04a': ('https://cd.mieevents.com/contents/224/168.html', 'CNR (cnr.cn) text on mirror host', 'zh'),
 'm04b': ('http://www.morfgames.com/yxnb/system/2022/07/15/030369874.shtml', 'Insight Ningbo text on mirror host', 'en'),
 'm05a': ('http://en.people.cn/n3/2025/0425/c90000-20307283.html', "Xinhua via People's Daily Online", 'en'),
 'm05b': ('https://www.newswire.ca/news-releases/137th-canton-fair-successfully-concludes-in-guangzhou-with-record-number-of-overseas-attendance-885255084.html', 'Canton Fair press release via CNW/newswire.ca', 'en'),
 'm06a': ('https://imationlatam.com/news/1670641519174347.shtml', 'Suzhou Daily (Subao) text on mirror host', 'zh'),
 'm06b': ('http://en.people.cn/n3/2022/1210/c90000-10182372.html', "Xinhua via People's Daily Online", 'en'),
 'm07a': ('https://fx168news.com/article/%E4%B8%AD%E5%9B%BD-182730', 'FX168 Financial News', 'zh'),
 'm07b': ('https://globaleasterninvestment.com/archives/8417', 'Xinhua via globaleasterninvestment.com', 'en'),
 'm08a': ('http://m.qebk.com/news/660431.html', 'China News Economics (zhongxinjingwei) text on mirror host', 'zh'),
 'm08b': ('http://m.blue-maple.cn/scxw/2023-01-22/180773.html', 'Sichuan Daily text on mirror host', 'zh'),
 'm09a': ('http://zhtxs.com/e/wap/show.php?classid=24&id=89817', 'Xinhua (Chinese) text on mirror host', 'zh'),
 'm09b': ('https://www.business-standard.com/amp/article/pti-stories/china-s-first-import-expo-results-in-usd-57-83-billion-deals-118111000664_1.html', 'PTI via Business Standard', 'en'),
 'm10a': ('http://m.6baqs.cn/zxjzzsc/2021-02-24/143577.html', 'China News Service (chinanews.com) text on mirror host', 'zh'),
 'm10b': ('http://51si.cn/zttp/2021-02-24/143562.html', 'Sichuan News Network (newssc) text on mirror host', 'zh'),
 'm11a': ('http://china.org.cn/business/news/2008-04/22/content_14996526.htm', 'Xinhua via china.org.cn', 'en'),
 'm11b': ('http://tsdianying02.cn/china/2008-04/30/content_6655410.htm', 'unattributed English wire copy on mirror host', 'en'),
 'm12a': ('http://qdnwm.gov.cn/jujiaoqdn/11142.html', 'Qiandongnan prefecture media centre', 'zh'),
 'm12b': ('http://big5.news.cn/gate/big5/gz.news.cn/20250208/a72262a7b4834b4d939494c5f3c9da0c/c.html', 'Xinhua Guizhou (news.cn)', 'zh'),
 'm13a': ('http://sxcfcp.com/show-2-14041-1.html', 'Xinhuanet (Chinese) text on mirror host', 'zh'),
 'm13b': ('http://en.people.cn/n3/2023/0918/c90000-20072914.html', "Xinhua (English) via People's Daily Online", 'en'),
 'm14a': ('http://yzaobao.com/mon/dapan/20230423/137532.html', 'Lianhe Zaobao text on yzaobao.com', 'zh'),
 'm14b': ('https://cbnbsupplier.com/news/chinas-ministry-of-commerce-complex-and-severe-foreign-trade-situation-persists-new-measures-to-be-implemented-soon', 'CBNB supplier news', 'en'),
 'm15a': ('https://finance.caixin.com/m/2019-11-11/101481695.html', 'Caixin', 'zh'),
 'm15b': ('http://www.yqele.org/content/?423422.html', 'Xinhua (Chinese) reposted on a company site', 'zh'),
 'm16a': ('http://m.vcd68.com/a/20240731/20240731kxuj.html', 'CCPIT liaison department release on mirror host', 'zh'),
 'm16b': ('https://www.pakistantoday.com.pk/2025/11/27/chinese-business-delegation-to-visit-u-s-for-bilateral-exchanges-cooperation/', 'Pakistan Today', 'en'),
 'm17a': ('http://8.210.172.137/realtime/china/story20240726-4371633', 'Lianhe Zaobao (realtime) on IP-address host', 'zh'),
 'm17b': ('https://www.prnewswire.com/news-releases/chinese-business-delegation-visits-us-both-sides-agree-to-boost-cooperation-302214120.html', 'China.org.cn report via PR Newswire', 'en'),
 'm18a': ('https://hk.crntt.com/doc/1071/3/8/1/107138190.html?coluid=7&kindid=0&docid=107138190&mdate=1105143332', 'China Review News Agency (CRNTT), citing Xinhua', 'zh'),
 'm18b': ('https://macaonews.org/news/greater-bay-area/138th-canton-fair-attendance/', 'Macao News', 'en'),
 'm19a': ('https://news.cgtn.com/news/2020-11-10/Third-CIIE-concludes-with-tentative-deals-worth-72-62-bln-ViYFnPosjC/share_amp.html', 'CGTN', 'en'),
 'm19b': ('https://www.reuters.com/world/china/china-import-fair-sees-7072-bln-worth-intentional-deals-signed-2021-11-10/', 'Reuters', 'en'),
 'm20a': ('https://globaltimes.cn/page/202211/1279206.shtml', 'Global Times', 'en'),
 'm20b': ('https://www-scmp-com.libproxy1.nus.edu.sg/business/china-business/article/3199168/chinese-companies-sign-us735-billion-deals-ciie-despite-fewer-foreign-exhibitors-and-visitors', 'South China Morning Post (via library proxy host)', 'en'),
 'm21a': ('https://www.breakinglatest.news/news/record-breaking-investment-20th-china-asean-expo-sees-over-480-billion-yuan-in-signed-projects/', 'Breaking Latest News', 'en'),
 'm21b': ('http://m.gxcounty.com/show-7-184050-0.html', 'gxcounty.com (Guangxi county economy site)', 'zh'),
 'm22a': ('http://www.zzchangsheng.com/news/2024/09/24/qianyue-duoge-xiangmu-xianchang-21jie-zhongguo-dongmeng-bolanhui.html', 'Nanguo Zaobao text on mirror host', 'zh'),
 'm22b': ('http://119.23.250.19:2008/api/articlese.php?uh=NAyb.html', "Xinhua via people.cn, on IP-address host", 'zh'),
 'm23a': ('https://www.worldjournal.com/wj/story/121339/9168937', 'World Journal (citing The Paper)', 'zh'),
 'm23b': ('https://www.pakistantoday.com.pk/2025/11/27/chinese-business-delegation-to-visit-u-s-for-bilateral-exchanges-cooperation/', 'Pakistan Today', 'en'),
 'm24a': ('http://satrik.com/cj/jjgc/2023-11-11/1427153.html', 'Xinhua (Chinese) text on mirror host', 'zh'),
 'm24b': ('https://thediplomaticinsight.com/ciie-breaks-records-with-78-41-billion-tentative-deals/', 'The Diplomatic Insight', 'en'),
 'm25a': ('https://wttimes.com/2021/05/10/guangdong-issues-plan-for-promoting-high-quality-development-of-trade/', 'wttimes.com', 'en'),
 'm25b': ('https://globaleasterninvestment.com/archives/10057', 'globaleasterninvestment.com', 'en'),
 'm26a': ('https://news.qq.com/rain/a/20241110A06MXG00', "People's Daily Online via Tencent News", 'zh'),
 'm26b': ('https://wanbiaoku.com/new/36a108877df6447096afa735e3092c59', 'wanbiaoku.com (rewrite citing Tianyancha)', 'zh'),
 'm27a': ('https://bastillepost.com/global/article/4350069-new-measures-aim-to-help-foreign-trade-companies-keep-orders-stable-expand-markets-official', 'Bastille Post', 'en'),
 'm27b': ('https://gold-forging.com/amp/China-s-Foreign-Trade-Maintains-Stable-Growth-Amid-New-Policy-Measures-id45181846.html', 'company news page (gold-forging.com)', 'en'),
 'm28a': ('https://ansufa.com/shehui/25791.html', 'China News Service (Guangzhou) text on mirror host', 'zh'),
 'm28b': ('https://yaliqi.com/new/666551186851109888', 'China News Service (Guizhou) text on mirror host', 'zh'),
 'm29a': ('http://www.bbrtv.com/2020/1201/606971.html', 'China Daily via BBR (bbrtv.com)', 'en'),
 'm29b': ('http://en.people.cn/n3/2020/1201/c90000-9794432.html', "Xinhua via People's Daily Online", 'en'),
 'm30a': ('http://www.sichuguancha.com/society/202302/2023020332252.html', 'China Youth Daily text on sichuguancha.com', 'zh'),
 'm30b': ('https://epaper.hyqss.cn/html/2017-02/08/content_3_1.htm', 'Hengyang Daily e-paper', 'zh'),
 'm31a': ('http://english.china.org.cn/government/central_government/2009-05/28/content_17848442.htm', 'Xinhua via china.org.cn', 'en'),
 'm31b': ('https://seaisi-dev.staging.ws/details/5354?type=news-rooms', 'SEAISI news room (wire copy citing CCTV)', 'en'),
 'm32a': ('https://www.globaltimes.cn/page/202304/1289169.shtml', 'Global Times', 'en'),
 'm32b': ('https://www.wect.com/prnewswire/2023/04/16/133rd-china-import-export-fair-kicks-off-today/', 'Canton Fair press release via PR Newswire (WECT)', 'en'),
 'm33a': ('http://en.people.cn/n3/2025/0918/c90000-20367890.html', "People's Daily Online", 'en'),
 'm33b': ('https://khabarasia.com/uncategorized/20250917-china-asean-expo-2024-digital-innovation-fuels-regional-growth', 'Khabar Asia (citing CGTN)', 'en'),
 'm34a': ('http://en.people.cn/n3/2022/1221/c90000-10186617.html', "People's Daily Online", 'en'),
 'm34b': ('https://peoplesdaily.pdnews.cn/china/er/30001372385', "People's Daily app (pdnews)", 'en'),
 'm35a': ('https://news.devevil.com/canton-fair-deals-only-up-by-1-despite-record-number-of-overseas-buyers-504392.html', 'SCMP-style report on devevil.com', 'en'),
 'm35b': ('https://www.prnewswire.com/news-releases/the-136th-canton-fair-advances-high-quality-development-of-international-trade-with-overseas-buyers-attendance-hitting-record-numbers-302297350.html', 'Canton Fair press release via PR Newswire', 'en'),
 'm36a': ('https://www.urdupoint.com/en/world/export-deals-totaling-over-12-bln-usd-inked-i-1761387.html', 'UrduPoint (APP)', 'en'),
 'm36b': ('http://en.people.cn/n3/2023/0420/c90000-20008736.html', "Xinhua via People's Daily Online", 'en'),
 'm37a': ('https://www.ecbnnews.com/2024/05/10/guangdong-focus-on-building-a-batch-of-trillion-yuan-and-hundred-billion-yuan-export-industry-clusters-including-electronic-information-and-new-1650/', 'ECBN news', 'en'),
 'm37b': ('https://globaleasterninvestment.com/archives/10057', 'globaleasterninvestment.com', 'en'),
 'm38a': ('http://snjygy.com/xingye/20210223/0228716.html', 'unattributed report (CCTV-style) on snjygy.com', 'zh'),
 'm38b': ('http://www.thecover.cn/news/7008661', 'Xinhua client via The Cover (thecover.cn)', 'zh'),
 'm39a': ('http://thewayofeft.com/html/xw/dzyw/68597.html', 'Sichuan Daily via Kangba media site (mirror host)', 'zh'),
 'm39b': ('https://www.yybnet.net/sichuan/news/202102/11250590.html', 'Xinhua via Mianyang Daily (yybnet.net)', 'zh'),
}

# pair: (label, event_type, reason)
PAIRS = [
 ('m01','same','trade_mission','Both report Zhejiang commerce-department delegation leaving 4 Dec 2022 for a six-day Germany/France trip plus the same-day 96-person Jiaxing charter to Japan (AFF Tokyo).'),
 ('m02','different','trade_mission','Two different Suzhou commerce-bureau charter trips: Europe (France/Germany) departing 9 Dec 2022 vs Japan (Tokyo) departing 17 Nov 2022.'),
 ('m03','same','trade_fair','Both report the close of the 137th Canton Fair on 5 May 2025 with 288,938 overseas buyers (+17.3%).'),
 ('m04','same','trade_mission','Both report the Ningbo government-backed charter flight to Budapest that left Lishe airport on 10 July 2022 with exporters aboard.'),
 ('m05','different','trade_fair','Same 137th Canton Fair but different phases: phase 2 opening/mid-session buyer count on 23-24 April 2025 vs the session close on 5 May 2025.'),
 ('m06','same','trade_mission','Both report the 200+ person Suzhou commerce-bureau charter (flight MU7149) leaving Nanjing around 1 a.m. on 9 Dec 2022 for France and Germany.'),
 ('m07','same','policy_measure','Both report the State Council executive meeting chaired by Li Qiang on Friday 7 April 2023 on stabilising the scale and optimising the structure of foreign trade.'),
 ('m08','different','trade_mission','Two different Sichuan commerce-department trips: 31-firm charter to France/Germany/Italy from 5 Dec 2022 vs 8-firm mission to the Garda shoe fair in Italy from 10 Jan 2023.'),
 ('m09','same','trade_fair','Both report the close of the first CIIE in Shanghai on 10 Nov 2018 with USD 57.83 billion of intended one-year deals.'),
 ('m10','same','recruitment_drive','Both report the first Sichuan Airlines return-to-work charter (Chengdu to Guangzhou, 23 Feb 2021) opening the 20-flight Sichuan migrant-worker airlift.'),
 ('m11','different','trade_fair','Same 103rd Canton Fair (spring 2008) but different phases: end of phase 1 (20 April, USD 25.43 bn) vs close of the whole session (30 April, USD 38.23 bn).'),
 ('m12','different','recruitment_drive','Qiandongnan free return-to-work trains in different years: G2334 to Hangzhou on 22 Feb 2026 vs D1857 from Congjiang to Guangzhou/Foshan on 5 Feb 2025.'),
 ('m13','same','deal','Both report the 20th China-ASEAN Expo signing ceremony in Nanning on 17 Sept 2023: 470 projects, 487.3 billion yuan.'),
 ('m14','same','policy_measure','Both report Wang Shouwen at the State Council policy briefing on 23 April 2023 announcing measures for a complex and severe foreign-trade situation.'),
 ('m15','same','trade_fair','Both report the close of the second CIIE on 10 Nov 2019 with USD 71.13 billion of intended deals (+23%).'),
 ('m16','different','trade_mission','Different CCPIT US trips: Ren Hongbin meeting a US Commerce deputy secretary in Washington on 30 July 2024 vs the December 2025 delegation announced on 27 Nov 2025.'),
 ('m17','same','trade_mission','Both concern the CCPIT delegation led by Ren Hongbin to the US at the invitation of the US Chamber and USCBC in summer 2024, the first after the Third Plenum (announcement 26 July; trip report 5 Aug).'),
 ('m18','same','trade_fair','Both report the close of the 138th Canton Fair on 4 Nov 2025 with over 310,000 buyers from 223 countries and USD 25.65 billion of intended deals.'),
 ('m19','different','trade_fair','Different CIIE sessions: the third CIIE closing in Nov 2020 (USD 72.62 bn) vs the fourth CIIE closing on 10 Nov 2021 (USD 70.72 bn).'),
 ('m20','same','trade_fair','Both report the fifth CIIE ending in Shanghai on Thursday 10 Nov 2022 with USD 73.5 billion of deals (+3.9%).'),
 ('m21','different','deal','Different China-ASEAN Expo sessions: 20th CAEXPO signing (Sept 2023, 470 projects) vs 22nd CAEXPO signing ceremony on 18 Sept 2025 (155 on-site projects).'),
 ('m22','same','deal','Both report the 21st China-ASEAN Expo signing ceremony in Nanning on 24 Sept 2024 with 109 projects, 16 of them international.'),
 ('m23','same','trade_mission','Both report the CCPIT announcement of 27 Nov 2025 that it will lead a Chinese business delegation to the US in early December at the US Chamber of Commerce invitation.'),
 ('m24','same','trade_fair','Both report the close of the sixth CIIE (5-10 Nov 2023) with a record USD 78.41 billion of intended deals (+6.7%).'),
 ('m25','different','policy_measure','Two different Guangdong trade policies: the May 2021 action plan for high-quality trade development (ten projects) vs the 2024 opinion with 24 measures on five foreign-related fields.'),
 ('m26','same','trade_fair','Both report the close of the seventh CIIE on 10 Nov 2024 with USD 80.01 billion of intended deals (+2.0%).'),
 ('m27','same','policy_measure','Both report the Ministry of Commerce nine-point policy measures to promote stable growth of foreign trade (Nov 2024, presented by Wang Shouwen).'),
 ('m28','different','recruitment_drive','Same Guangzhou HR-bureau programme but different free trains: G2264 to Qiannan on 22 Jan 2025 vs D1808 to Bijie arriving 25 Jan 2025.'),
 ('m29','same','trade_fair','Both report the close of the 17th China-ASEAN Expo in Nanning on Monday 30 Nov 2020 with 86 projects worth 263.87 billion yuan.'),
 ('m30','different','recruitment_drive','Hengyang Spring Breeze job fairs in different years and places: 31 Jan 2023 in Hengshan county (88 firms) vs 5 Feb 2017 launch at the city HR market (115 employers).'),
 ('m31','same','policy_measure','Both report the State Council executive meeting under Wen Jiabao on 27 May 2009 expanding export credit insurance and keeping the yuan basically stable.'),
 ('m32','same','trade_fair','Both report the opening of the 133rd Canton Fair in mid-April 2023 with Vice Premier He Lifeng speaking by video at the opening ceremony.'),
 ('m33','same','trade_fair','Both report the opening of the 22nd China-ASEAN Expo in Nanning on 17 Sept 2025.'),
 ('m34','different','trade_mission','Different provincial trips: Zhejiang commerce-department delegation to Germany/France on 4-11 Dec 2022 vs Guangdong 270-person charter to Dubai on 17 Dec 2022.'),
 ('m35','same','trade_fair','Both report the close of the 136th Canton Fair (autumn 2024) with 253,000 overseas buyers and USD 24.95 billion of intended deals.'),
 ('m36','different','trade_fair','Phase 1 of different Canton Fair sessions: 134th (ended 19 Oct 2023, USD 12.33 bn) vs 133rd (ended 19 April 2023).'),
 ('m37','same','policy_measure','Both report Guangdong\'s 2024 opinion on the "five external linkages" with 24 measures (stable foreign trade, 20 cross-border e-commerce parks).'),
 ('m38','different','recruitment_drive','Different Sichuan county return-to-work buses in Feb 2021: Xuanhan to the Pearl River Delta on 21 Feb vs Huaying to Guangzhou on 19 Feb.'),
 ('m39','same','recruitment_drive','Both report the Sichuan HR department\'s free Sichuan Airlines airlift of about 2,000 migrant workers on 20 flights between 23 and 28 Feb 2021 (one announcing it, one reporting it run).'),
]

def lang(p):
    a, b = ART[p+'a'][2], ART[p+'b'][2]
    return a if a == b else 'mixed'

rows = []
for i, (pid, label, et, reason) in enumerate(PAIRS, 1):
    assert pid == 'm%02d' % i
    split = 'test' if i % 3 == 0 else 'dev'
    a, b = pid+'a', pid+'b'
    for x in (a, b):
        assert os.path.exists('articles/%s.txt' % x), x
    rows.append([pid, a, b, label, et, reason, ART[a][0], ART[b][0], split])

with open('pairs.tsv', 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, delimiter='\t', lineterminator='\n', quoting=csv.QUOTE_MINIMAL)
    w.writerow(['pair_id','article_a','article_b','label','event_type','reason','url_a','url_b','split'])
    w.writerows(rows)

# README table
lines = ['| pair | label | type | lang | split | outlet A | outlet B | URL A | URL B |',
         '|---|---|---|---|---|---|---|---|---|']
for (pid, label, et, reason), r in zip(PAIRS, rows):
    a, b = pid+'a', pid+'b'
    lines.append('| %s | %s | %s | %s | %s | %s | %s | <%s> | <%s> |' % (
        pid, label, et, lang(pid), r[8], ART[a][1], ART[b][1], ART[a][0], ART[b][0]))
open('tools/table.md','w',encoding='utf-8').write('\n'.join(lines)+'\n')

from collections import Counter
print(Counter(r[3] for r in rows))
print(Counter((r[3], lang(r[0])) for r in rows))
print(Counter((r[3], r[4]) for r in rows))
print(Counter((r[3], r[8]) for r in rows))
