import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import MissionExtract

/// UTF-8 → GB18030 by iconv: the GBK bytes a portal would serve.
private func gb18030(_ text: String) -> [UInt8]? {
    let cd = iconv_open("GB18030", "UTF-8")
    guard cd != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(cd) }
    var input = Array(text.utf8), out = [UInt8](repeating: 0, count: input.count * 2 + 8)
    let n: Int? = input.withUnsafeMutableBytes { i in
        out.withUnsafeMutableBytes { o in
            var ip = i.baseAddress?.assumingMemoryBound(to: CChar.self), il = i.count
            var op = o.baseAddress?.assumingMemoryBound(to: CChar.self), ol = o.count
            return iconv(cd, &ip, &il, &op, &ol) == -1 ? nil : o.count - ol
        }
    }
    return n.map { Array(out[0..<$0]) }
}

/// Chinese articles through the same stages: characters as tokens, Chinese sentence ends, numerals,
/// dates, counts and amounts, and events from families of phrasings (each with paraphrases).
final class ChineseTests: XCTestCase {
    func testEachChineseCharacterIsATokenAndLatinRunsStayWords() {
        let tokens = Tokenizer.tokenize(Array("嘉兴市商务局赴AFF亚洲展".utf8))
        XCTAssertEqual(tokens.count, 11)                        // 7 characters, "AFF", 3 characters
        XCTAssertTrue(tokens[0].isIdeograph)
        XCTAssertFalse(tokens[7].isIdeograph)
        XCTAssertEqual(tokens[7].end - tokens[7].start, 3)
        // full-width marks fold to the ASCII ones the stages test: ，、 → ","
        let marks = Tokenizer.tokenize(Array("日本，韩国、泰国".utf8))
        XCTAssertEqual(marks[2].key, TokenKey.of(","))
        XCTAssertEqual(marks[5].key, TokenKey.of(","))
    }

    func testSentencesEndAtChineseTerminalsWithoutSpaces() throws {
        let doc = try runStages("浙江启动行动。企业赴日本参展！订单多吗？措施已出台；效果明显。", through: "sentences")
        XCTAssertEqual(doc.sentenceTexts, ["浙江启动行动。", "企业赴日本参展！", "订单多吗？", "措施已出台；", "效果明显。"])
    }

    func testLanguageIsFoundFromTheText() throws {
        XCTAssertEqual(try runStages("嘉兴市商务局组织企业赴东京参加AFF展会。", through: "metadata").language, "zh")
        XCTAssertEqual(try runStages("Jiaxing (嘉兴) sent 50 firms to the AFF fair in Tokyo.", through: "metadata").language, "en")
        let doc = try extract("嘉兴市商务局组织50家企业赴日本东京参展。", published: "2022-12-01")
        XCTAssertTrue(doc.articleJSON().contains(#""language":"zh""#))
    }

    func testChineseNumerals() {
        for (text, value) in [("一百", 100.0), ("两千", 2000), ("三十五", 35), ("十四", 14), ("一千二百", 1200), ("三万", 30000), ("二十八", 28)] {
            let tokens = Tokenizer.tokenize(Array((text + "人").utf8))
            let r = tokens.withUnsafeBufferPointer { ChineseNumerals.shared.read($0, at: 0, limit: $0.count) }
            XCTAssertEqual(r?.value, value, text)
            XCTAssertEqual(r?.end, tokens.count - 1, text)
        }
    }

    private func dates(_ text: String, published: String?) throws -> [(String?, String?)] {
        try runStages(text, through: "entities", published: published).entities.compactMap {
            if case .date(let s, let e) = $0.value { return (s, e) } else { return nil }
        }
    }

    func testDatesResolvedAgainstThePublicationDate() throws {
        let cases: [(String, String?, String?)] = [
            ("代表团于12月4日出发。", "2022-12-04", nil),
            ("展会12月9日至18日举行。", "2022-12-09", "2022-12-18"),
            ("展会将于12月28日至1月3日举行。", "2022-12-28", "2023-01-03"),
            ("企业将于明年1月中旬出发。", "2023-01", nil),
            ("今年6月企业赴迪拜参展。", "2022-06", nil),
            ("2023年贸易促进计划已制定。", "2023", nil),
            ("义乌决定六月十四日至十六日举办展会。", "2022-06-14", "2022-06-16"),
            ("展会于2022年12月5日开幕。", "2022-12-05", nil),
            ("广交会5日落下帷幕。", "2022-12-05", nil),
        ]
        for (text, start, end) in cases {
            let found = try dates(text, published: "2022-12-28")
            XCTAssertEqual(found.first?.0, start, text)
            XCTAssertEqual(found.first?.1, end, text)
        }
        // without a publication date the year stays unknown
        XCTAssertEqual(try dates("代表团于12月4日出发。", published: nil).first?.0, "--12-04")
    }

    func testCountsAndAmountsWithChineseQualifiersAndMagnitudes() throws {
        let doc = try runStages("消息一出,50多家企业近百人报名,160余名代表参加,签约金额3.93亿元,意向订单1.2亿美元。", through: "entities")
        var counts: [String: (Double, Qualifier)] = [:], money: [(Double, String)] = []
        for e in doc.entities {
            if case .count(let v, let q, let u?) = e.value, counts[u] == nil { counts[u] = (v, q) }
            if case .money(let a) = e.value { money.append((a.value, a.currency)) }
        }
        XCTAssertEqual(counts["enterprises"]?.0, 50); XCTAssertEqual(counts["enterprises"]?.1, .moreThan)
        XCTAssertEqual(counts["people"]?.0, 100); XCTAssertEqual(counts["people"]?.1, .about)
        XCTAssertEqual(money.map(\.0), [393_000_000, 120_000_000])
        XCTAssertEqual(money.map(\.1), ["CNY", "USD"])
    }

    func testTheNounMayComeBeforeTheCountAndALoneYiCountsNothing() throws {
        for text in ["现场还签约投资项目32个。", "现场共签约项目32个。", "大会现场签约32个项目。"] {
            let units = try runStages(text, through: "entities").entities.compactMap { e -> String? in
                if case .count(32, _, let u) = e.value { return u } else { return nil }
            }
            XCTAssertEqual(units, ["projects"], text)
        }
        let counts = try runStages("李卫东一行来港考察,签订一项协议。", through: "entities").entities.filter {
            if case .count = $0.value { return true } else { return false }
        }
        XCTAssertEqual(counts.count, 0)
    }

    /// One trip, however it is phrased: the type, the origin under its English name, the destination's code.
    func testTradeMissionFamily() throws {
        let sentences = [
            "嘉兴市商务局组织30家企业赴日本东京参展。",
            "嘉兴市贸促会率20家外贸企业赴日本参加纺织展。",
            "嘉兴市商务局包机送40家企业前往日本大阪拜访客户。",
            "12月4日,嘉兴组团带企业出国参展,首站日本东京。",
        ]
        for s in sentences {
            let doc = try extract(s, published: "2022-12-01")
            XCTAssertEqual(doc.events.map(\.type), [.tradeMission], s)
            XCTAssertEqual(doc.events.first?.origin.map(\.name), ["Jiaxing"], s)
            XCTAssertEqual(doc.events.first?.destinations.map(\.code), ["JP"], s)
        }
    }

    /// A body sending firms abroad is a mission even when no country, date or count is named.
    func testABodySendingFirmsAbroadWithoutACountry() throws {
        try assertEventTypes(["福建省商务厅组织企业赴境外参展。", "泉州市商务局组织外贸企业出海抢订单。"], published: "2022-12-20", are: [.tradeMission])
        // (without a body that sends them, firms' wish to go is no action)
        XCTAssertEqual(try extract("企业赴境外参展的意愿明显增强。", published: "2022-12-20").events.map(\.type), [])
    }

    func testOrganizerNamesStayAsWritten() throws {
        let doc = try extract("嘉兴市商务局组织30家企业赴日本东京参展。", published: "2022-12-01")
        XCTAssertEqual(doc.events.first?.organizer.map(\.name), ["嘉兴市商务局"])
        // a place acting is its government, named in Chinese
        let place = try extract("12月4日,嘉兴组团带企业出国参展,首站日本东京。", published: "2022-12-01")
        XCTAssertEqual(place.events.first?.organizer.map(\.name), ["嘉兴市政府"])
    }

    /// A city's head leads for its government: named with the city, or alone in an article about it.
    func testAHeadLeadsForTheGovernment() throws {
        let alone = try extract("徐州市经贸代表团访问俄罗斯\n\n市长曹新平于6月4日至5日率经贸代表团对俄罗斯梁赞市进行了友好访问,洽谈合作项目。", published: "2010-06-08")
        XCTAssertEqual(alone.events.map(\.type), [.tradeMission])
        XCTAssertEqual(alone.events.first?.organizer.map(\.name), ["徐州市政府"])
        XCTAssertEqual(alone.events.first?.destinations.map(\.code), ["RU"])
        let named = try extract("嘉兴市副市长王某率20家企业赴日本参展。", published: "2022-12-01")
        XCTAssertEqual(named.events.first?.organizer.map(\.name), ["嘉兴市政府"])
    }

    func testTradeFairFamily() throws {
        try assertEventTypes([
            "第134届广交会15日在广州开幕。",
            "第二十届中国-东盟博览会在南宁闭幕。",
            "第二届中国—非洲经贸博览会9月26日在长沙举行。",
        ], published: "2023-10-20", are: [.tradeFair])
        let close = try extract("广交会5日落下帷幕。", published: "2023-05-07")
        XCTAssertEqual(close.events.first?.when.end, "2023-05-05")
    }

    func testDealFamily() throws {
        let sentences = [
            "当天,海南现场共签约投资项目32个,协议总金额达436.97亿元。",
            "推介会上,珠海市与香港企业签署合作协议,总投资18.5亿元。",
            "洽谈会期间,甘肃企业达成意向成交额25.8亿元。",
        ]
        for s in sentences {
            let doc = try extract(s, published: "2023-10-20")
            XCTAssertEqual(doc.events.map(\.type), [.deal], s)
            XCTAssertEqual(doc.events.first?.outcomes.first?.amount?.currency, "CNY", s)
        }
        // two named parties and their agreement, no date or amount
        let parties = try extract("此外,益阳市湖南天下洞庭粮油实业有限公司与湖南省海外经贸发展集团有限责任公司签订战略合作框架协议。", published: "2021-09-30")
        XCTAssertEqual(parties.events.map(\.type), [.deal])
    }

    func testPolicyMeasureFamily() throws {
        try assertEventTypes([
            "镇江市商务局印发《关于当前稳外贸重点举措的通知》,支持企业参加境外展会。",
            "浙江省商务厅出台稳外贸若干措施,对企业赴境外参展给予补贴。",
            "深圳市商务局发布2025年度境外展会资金申报指南,支持企业开拓市场。",
        ], published: "2024-11-20", are: [.policyMeasure])
    }

    /// "受商务部委托" names who asked, not who organised; "受…预算控制" is subject to a budget.
    func testShouIsNoPassiveAgent() throws {
        let doc = try extract("新闻\n\n3月2日,受商务部委托,浙江省贸促会组织30家企业赴德国参展。", published: "2024-03-05")
        XCTAssertEqual(doc.events.map(\.type), [.tradeMission])
        XCTAssertEqual(doc.events.first?.organizer.map(\.name), ["浙江省贸促会"])
    }

    func testNoticesAndDelegationsNamedAsSuch() throws {
        try assertEventTypes(["衢州市商务局印发《关于做好2007年中国食品博览会组展工作的通知》。", "浙江省商务厅下发关于进一步支持企业开拓国际市场的若干措施。"],
                             published: "2007-03-01", are: [.policyMeasure])
        for s in ["苏州市工商联企业家代表团一行十人赴日本考察。", "南宁市政府经贸代表团赴冈比亚访问,推介投资项目。"] {
            let doc = try extract(s, published: "2019-05-01")
            XCTAssertEqual(doc.events.map(\.type), [.tradeMission], s)
            XCTAssertFalse(doc.events.first?.destinations.isEmpty ?? true, s)
        }
        // a line ending in a full-width colon introduces what follows: no heading
        let intro = try runStages("标题\n\n商务部发言人指出,这次出台的出口信用保险政策,主要是：\n\n第一,扩大承保规模。", through: "sentences")
        XCTAssertEqual(intro.sentences.map(\.isHeading), [true, false, false])
        let ascii = try runStages("标题\n\n商务部发言人指出,这次出台的政策,主要是:\n\n第一,扩大规模。", through: "sentences")
        XCTAssertEqual(ascii.sentences.map(\.isHeading), [true, false, false])
        // ASCII ! ? ; between Chinese characters end sentences as 。 does
        XCTAssertEqual(try runStages("企业赴日本参展!订单多吗?措施已出台;效果明显。", through: "sentences").sentenceTexts,
                       ["企业赴日本参展!", "订单多吗?", "措施已出台;", "效果明显。"])
    }

    func testRecruitmentDriveFamily() throws {
        try assertEventTypes([
            "2月21日,宣汉县开行农民工返岗专车,将52名农民工送往广东。",
            "合江县首批100名农民工搭乘返岗专车前往东莞复工。",
            "石家庄市举办春季大型招聘会,800余家企业提供1.5万个岗位。",
        ], published: "2022-02-22", are: [.recruitmentDrive])
    }

    /// "广东东莞", "四川省遂宁市船山区": a place written after the one it lies in is the innermost.
    func testAPlaceAfterTheOneItLiesInIsTheInnermost() throws {
        let cases = [("农民工搭乘专车开往广东东莞。", "Dongguan"), ("来自四川省遂宁市船山区的务工人员。", "Chuanshan District"),
                     ("企业分别前往福建泉州。", "Quanzhou"), ("四川宣汉县开行专车。", "Xuanhan County")]
        for (text, name) in cases {
            let places = try runStages(text, through: "entities").entities.compactMap { e -> String? in
                if case .place(let p, _) = e.value { return TestRules.rules.store.places[Int(p)].name } else { return nil }
            }
            XCTAssertEqual(places, [name], text)
        }
    }

    /// A campaign a province launches is a measure of its government.
    func testACampaignLaunchIsAPolicyMeasure() throws {
        for s in ["不久前,浙江在全国率先启动“千团万企拓市场抢订单行动”。", "江苏省日前启动“百展万企”外贸专项行动。"] {
            let doc = try extract(s, published: "2022-12-18")
            XCTAssertEqual(doc.events.map(\.type), [.policyMeasure], s)
            XCTAssertEqual(doc.events.first?.origin.first?.name, s.contains("浙江") ? "Zhejiang" : "Jiangsu", s)
        }
    }

    /// A notice's author heads its title, often as "…人民政府办公室": the body is the measure's organizer.
    func testANoticeTitleNamesItsAuthor() throws {
        let cases = [
            ("衢州市人民政府办公室关于做好2007年中国食品博览会组展工作的通知\n\n各县(市、区)人民政府：现将有关事项通知如下。", "2007-03-01", "衢州市人民政府办公室"),
            ("嘉兴市商务局关于印发2023年外贸企业参展补助办法的通知\n\n各县(市、区)商务主管部门：现印发给你们。", "2023-03-01", "嘉兴市商务局"),
            ("浙江省人民政府办公厅关于进一步稳外贸稳外资的若干意见\n\n各市人民政府：现提出如下意见。", "2023-03-01", "浙江省人民政府办公厅"),
        ]
        for (text, published, author) in cases {
            let doc = try extract(text, published: published)
            XCTAssertEqual(doc.events.map(\.type), [.policyMeasure], text)
            XCTAssertEqual(doc.events.first?.organizer.map(\.name), [author], text)
        }
    }

    /// A body's spokesperson or official in charge describing a measure speaks of the body's own
    /// work: the body is its organizer (an expert's view of it is no event, see the near misses).
    func testABodysSpokespersonSpeaksOfItsOwnMeasure() throws {
        let cases = [
            ("商务部发言人指出,这次出台的出口信用保险政策,将扩大出口企业承保规模。", "商务部"),
            ("浙江外贸稳中有进\n\n省商务厅有关负责人介绍,今年出台的稳外贸若干措施已惠及企业3000余家。", "商务厅"),
            ("宁波市商务局相关负责人表示,新出台的参展补贴政策将覆盖境外展会展位费。", "宁波市商务局"),
        ]
        for (text, body) in cases {
            let doc = try extract(text, published: "2023-03-01")
            XCTAssertEqual(doc.events.map(\.type), [.policyMeasure], text)
            XCTAssertTrue(doc.events.first?.organizer.first?.name.hasSuffix(body) ?? false, "\(doc.events.first?.organizer ?? []) \(text)")
        }
        try assertEventTypes(["一位外贸专家表示,出台的政策效果还有待观察。"], published: "2023-03-01", are: [])
    }

    /// Setting up a task force to carry a trade policy out is a measure of the body that does it.
    func testATaskForceForAPolicyIsAMeasure() throws {
        for text in ["目前商务部已成立以部领导为组长、相关司局参加的稳外贸落实推进小组。",
                     "为稳住外贸基本盘,苏州市成立稳外贸工作专班,帮助企业抢订单。",
                     "浙江外贸企业出海参展\n\n省商务厅成立外贸企业出海参展工作领导小组。",
                     // (its members listed between: "以部领导为组长、相关司局参加的")
                     "新闻\n\n目前商务部已成立以部领导为组长、相关司局参加的落实推进小组,对任务作出细化方案。",
                     "新闻\n\n江苏省商务厅成立以厅长为组长、各处室负责人参加的稳外贸工作专班。"] {
            let doc = try extract(text, published: "2023-03-01")
            XCTAssertEqual(doc.events.map(\.type), [.policyMeasure], text)
            XCTAssertFalse(doc.events.first?.organizer.isEmpty ?? true, text)
        }
    }

    /// "X副主任李婷说:“…我们…”": an official who speaks of the event for a body not yet named
    /// speaks for the body that runs it; the quotation a colon opens is the speaker's before it,
    /// not the next quotation's (a worker's, below).
    func testAnOfficialQuotedOnTheEventNamesItsOrganizer() throws {
        let cases = [
            ("合江县开行返岗专车\n\n从2月8日起,合江县首批100名农民工搭乘专车返岗复工。\n\n合江县农民工服务中心副主任李婷说:“今天是首批100名农民工返岗专车,我们为他们准备了面包、牛奶。”\n\n农民工赵华明说:“方便了出行,很关心我们。”",
             "合江县农民工服务中心"),
            ("宣汉县开行务工专列\n\n2月10日,宣汉县500名农民工乘坐务工专列前往浙江。\n\n宣汉县就业服务局局长王强表示:“这趟专列是我们联系铁路部门开行的,将一直开到月底。”\n\n务工人员李华说:“车上很暖和。”",
             "宣汉县就业服务局"),
        ]
        for (text, body) in cases {
            let doc = try extract(text, published: "2022-02-10")
            XCTAssertEqual(doc.events.map(\.type), [.recruitmentDrive], text)
            XCTAssertEqual(doc.events.first?.organizer.map(\.name), [body], text)
        }
    }

    /// "全市人社部门", "各级商务部门": the departments of the place under discussion, not the
    /// ministry whose name they begin with.
    func testDepartmentsAreNotTheMinistryTheirNameBeginsWith() throws {
        for (text, name) in [("六安市举办招聘会。全市人社部门将组织开展110余场招聘活动。", "六安市人社局"),
                             ("嘉兴市出台参展补贴。全市商务部门将组织企业赴日本参展。", "嘉兴市商务局")] {
            let names = try runStages(text, through: "entities").entities.compactMap { e -> String? in
                if case .organization(let o, _, _) = e.value { return o.name } else { return nil }
            }
            XCTAssertTrue(names.contains(name), "\(names) \(text)")
            XCTAssertFalse(names.contains("人社部") || names.contains("商务部"), "\(names) \(text)")
        }
    }

    /// The jobs a job fair offers are its outcome (`jobs`, in posts), not its participants.
    func testTheJobsAFairOffersAreItsOutcome() throws {
        for (text, posts) in [("1月14日,六安市举办春风行动专场招聘会,招聘现场聚集了91家本地优质企业,提供5647个工作岗位。", 5647.0),
                              ("武汉举办大型招聘会,146家企事业单位带着1万多个岗位招贤纳才。", 10000.0),
                              ("大冶市举办返乡人员专场招聘会,45家企业参加,推出2200余个就业岗位。", 2200.0),
                              // the noun before the count: "岗位" is no "位" of people
                              ("2月17日,大冶市举办春风行动专场招聘会,共吸引了45家企业参加,发布招聘岗位2200余个。", 2200.0)] {
            let doc = try extract(text, published: "2023-01-15")
            XCTAssertEqual(doc.events.map(\.type), [.recruitmentDrive], text)
            let jobs = doc.events.first?.outcomes.filter { $0.kind == "jobs" } ?? []
            XCTAssertEqual(jobs.map { $0.count?.value }, [posts], text)
            XCTAssertEqual(jobs.first?.count?.unit, "posts", text)
            XCTAssertFalse(doc.events.first?.participants.contains { $0.unit == "posts" } ?? true, text)
        }
    }

    /// A local paper's story opens with "我市" before it names the city: the lead is about the first
    /// city the story names.
    func testALeadAboutOurCityIsAboutTheCityNamedLater() throws {
        for (text, city) in [("本报讯 2月27日至3月2日,副市长周剑带领我市经贸代表团赴香港开展招商活动。\n\n代表团一行拜访了香港河南联谊会,推介漯河投资环境。", "Luohe"),
                             ("本报讯 5月10日至15日,市长王伟率我市企业家代表团赴日本大阪参加展会。\n\n大连50家企业参展,签订订单3000万美元。", "Dalian")] {
            let doc = try extract(text, published: "2024-05-20")
            XCTAssertEqual(doc.events.first?.type, .tradeMission, text)
            XCTAssertEqual(doc.events.first?.origin.first?.name, city, text)
            XCTAssertFalse(doc.events.first?.organizer.isEmpty ?? true, text)
        }
    }

    /// "考察" alone is any study visit; a factory or firm visited, or a visit on site, is an inspection.
    func testAStudyVisitIsNoFactoryInspectionUnlessAFactoryIsSeen() throws {
        let cases = [("5月10日,徐州市经贸代表团赴俄罗斯梁赞市考察了当地皮革厂和机械企业。", true),
                     ("3月5日,南宁市经贸代表团带领20家企业赴西班牙,通过会谈、实地考察和商务推介开拓市场。", true),
                     ("3月5日,河南省新乡市委书记李卫东率新乡经贸代表团来港考察,举办合作交流洽谈会。", false),
                     ("3月20日,四川企业家代表团赴东盟考察,寻找商机。", false)]
        for (text, inspection) in cases {
            let doc = try extract(text, published: "2023-05-12")
            XCTAssertEqual(doc.events.first?.type, .tradeMission, text)
            XCTAssertEqual(doc.events.first?.activities.contains("factory_inspection"), inspection, text)
        }
    }

    /// A job fair's tally of job-seekers' intentions is no deal, and its talks no business negotiation.
    func testAJobFairsIntentionsAreNoDeal() throws {
        for text in ["大冶市举办专场招聘会。据统计,此次招聘会入场3600余人,现场洽谈1200余人,达成求职意向450余人。",
                     "石家庄市举办春季毕业生就业洽谈会,800余家企业参加,现场达成就业意向1200人。"] {
            let doc = try extract(text, published: "2023-02-18")
            XCTAssertEqual(doc.events.map(\.type), [.recruitmentDrive], text)
            // (its talks are between employers and job-seekers: no business negotiation)
            XCTAssertFalse(doc.events.first?.activities.contains("business_negotiation") ?? true, text)
        }
    }

    /// A signing of counted projects, or a side event held the same day, is a deal of its own beside
    /// the fair it is held at; the fair's own tally ("展会期间…共达成意向成交额") stays the fair's outcome.
    func testCountedProjectSigningsAtAFairAreDealsOfTheirOwn() throws {
        let own = ["9月10日,第20届中国—东盟博览会在广西南宁开幕。开幕当天,广西12个投资合作项目在现场集中签约,总投资86.5亿元。",
                   "第134届广交会15日在广州开幕。当天还举行了重点项目签约仪式,共有45个项目签约,总金额120亿元。",
                   "2023中国国际服务贸易交易会2日在北京开幕。在同期举办的采购对接会上,达成意向成交额12.5亿元。",
                   "第二届中国-非洲经贸博览会在长沙举行。湖南省在同期举行的合作项目签约仪式上签订项目27个。"]
        for text in own {
            let doc = try extract("商务新闻\n\n" + text, published: "2023-10-20")
            XCTAssertEqual(doc.events.map(\.type), [.tradeFair, .deal], text)
            XCTAssertTrue(doc.events.first?.outcomes.isEmpty ?? false, text)
        }
        // (also when the sentence names the fair first: "在第18届中国—东盟博览会召开之际,…6个…项目在现场签约")
        let atTheFair = try extract("新闻\n\n9月10日,第18届中国—东盟博览会在广西南宁召开,我省54家企事业单位160余名代表组团参加。\n\n在第18届中国—东盟博览会召开之际,9月10日,甘肃省重点项目签约仪式举行,金川集团等6个投资贸易重点项目在现场签约。", published: "2021-09-13")
        XCTAssertEqual(atTheFair.events.map(\.type), [.tradeFair, .deal])
        // (but the projects a trip abroad signs are its outcome)
        let trip = try extract("商务新闻\n\n5月3日至9日,苏州高新区管委会主任李某率队赴德国、荷兰开展招商活动,拜访了20余家企业,签约项目5个,总投资2.3亿美元。", published: "2023-05-10")
        XCTAssertEqual(trip.events.map(\.type), [.tradeMission])
        XCTAssertEqual(trip.events.first?.outcomes.first?.count?.value, 5)
        let tallies = [("第134届广交会15日在广州开幕。展会期间,各地企业共达成意向成交额25.8亿元。", EventType.tradeFair),
                       ("浙江省商务厅组织50家企业赴日本参加东京国际礼品展。展会期间,代表团共达成意向订单1.2亿美元。", .tradeMission)]
        for (text, type) in tallies {
            let doc = try extract("商务新闻\n\n" + text, published: "2023-10-20")
            XCTAssertEqual(doc.events.map(\.type), [type], text)
            XCTAssertEqual(doc.events.first?.outcomes.first?.kind, "intended_deals", text)
        }
    }

    /// A body acting "陆续/相继/多次" is still the subject; a trip "赴境外/海外" goes abroad, so its deals are its outcome.
    func testAnAdverbBetweenABodyAndItsVerbKeepsItTheOrganizer() throws {
        let cases = [("从10月开始,福建省商务厅陆续组织企业赴境外参展,目前达成的意向成交金额超4亿美元。", "福建省商务厅", true),
                     ("今年以来,江苏省商务厅相继组织200家企业赴海外参展,达成意向订单3.2亿美元。", "江苏省商务厅", true),
                     ("3月5日,宁波市贸促会多次率团赴欧洲拜访客户。", "宁波市贸促会", false)]
        for (text, body, deals) in cases {
            let doc = try extract("新闻\n\n" + text, published: "2023-03-06")
            XCTAssertEqual(doc.events.map(\.type), [.tradeMission], text)
            XCTAssertEqual(doc.events.first?.organizer.map(\.name), [body], text)
            XCTAssertEqual(doc.events.first?.outcomes.first?.kind == "intended_deals", deals, text)
        }
    }

    /// A body named before its city in a lead ("由市政府主办…的六安市…") is that city's; a document's
    /// title or name opens with its author.
    func testABodyIsOfTheCityNamedAfterItAndADocumentOfItsAuthor() throws {
        for text in ["1月14日上午,由市政府主办,市人社局承办的六安市2023年“春风行动”专场招聘会在城区万达广场举行。",
                     "1月14日上午,六安市2023年“春风行动”专场招聘会在城区举行。招聘会由市政府主办,市人社局承办。"] {
            let doc = try extract("新闻\n\n" + text, published: "2023-01-15")
            XCTAssertEqual(doc.events.map(\.type), [.recruitmentDrive], text)
            XCTAssertEqual(doc.events.first?.organizer.first?.name, "六安市政府", text)
        }
        for (text, body) in [("以下是深圳市商务局2025年度境外展会资助申报指南。", "深圳市商务局"),
                             ("市商务局制定了《2024年杭州市商务局贸易促进计划》,支持企业出国参展。", "杭州市商务局")] {
            let doc = try extract("新闻\n\n" + text, published: "2024-03-01")
            XCTAssertEqual(doc.events.map(\.type), [.policyMeasure], text)
            XCTAssertEqual(doc.events.first?.organizer.map(\.name), [body], text)
        }
    }

    /// A wire dateline's date (中新社温州四月八日电) dates the report, not the trip; a place right before
    /// a count is the participants' home; a Chinese fair held abroad is not held in the place of its name;
    /// 截至 dates a tally, not the action.
    func testADatelineDatesTheReportAndAFairAbroadIsHeldAbroad() throws {
        let wire = try extract("新闻\n\n中新社温州四月八日电 记者今日获悉,今年五月份,温州六十家企业将包机前往德国参展。")
        XCTAssertEqual(wire.published, "--04-08")
        XCTAssertEqual(wire.events.first?.when.start, "--05")
        XCTAssertEqual(wire.events.first?.origin.map(\.name), ["Wenzhou"])
        let abroad = try extract("新闻\n\n记者近日从浙江温州市相关部门获悉,今年五月份,温州六十家企业将包机前往德国参加在那里举行的“中国温州商品博览会”德国展。", published: "2023-04-08")
        XCTAssertEqual(abroad.events.map(\.type), [.tradeMission])
        XCTAssertEqual(abroad.events.first?.destinations.map(\.code), ["DE"])
        // (an English report of a fair in China that names foreign guests keeps the fair's place)
        let harbin = try extract("Harbin fair opens\n\nThe 19th Harbin International Economic and Trade Fair opened on June 15, attracting 1,200 companies from Russia and other countries.", published: "2008-06-16")
        XCTAssertEqual(harbin.events.first?.destinations.map(\.name), ["Harbin"])
        let tally = try extract("新闻\n\n义乌决定6月14日至16日在阿联酋迪拜举办“中国义乌国际小商品博览会”迪拜展。截至3月3日,义乌有80多家企业报名参展。", published: "2023-03-06")
        XCTAssertEqual(tally.events.map(\.type), [.tradeFair])
        XCTAssertEqual(tally.events.first?.when.start, "2023-06-14")
        XCTAssertEqual(tally.events.first?.destinations.map(\.code), ["AE"])
    }

    /// A text that opens with a wire dateline has no title line: its first line is the story's lead,
    /// and the day written between a fair and its opening ("12日在海口开幕") dates the fair.
    func testALeadOpeningWithAWireDatelineIsNoTitle() throws {
        for text in ["新华社海口12月12日电(记者罗江)2018中国(海南)国际热带农产品冬季交易会12日在海口开幕。\n\n据了解,本届冬交会吸引了近2000家企业参加。",
                     "中新社香港11月17日电 第二十八届北京·香港经济合作研讨洽谈会12日在香港会议展览中心开幕。\n\n大会邀请800余人参会。"] {
            let doc = try extract(text)
            XCTAssertNil(doc.title, text)
            XCTAssertEqual(doc.events.map(\.type), [.tradeFair], text)
            XCTAssertEqual(doc.events.first?.when.start?.suffix(2), "12", text)
        }
    }

    /// A later mention dated by its year alone ("宣布2023年“春风行动”正式启动") is the drive of "1月14日".
    func testAYearAloneAgreesWithADayOfThatYear() throws {
        let doc = try extract("新闻\n\n1月14日上午,六安市2023年“春风行动”专场招聘会在城区万达广场举行,91家企业提供5647个岗位。\n\n副市长孙学龙到现场宣布2023年“春风行动”正式启动。")
        XCTAssertEqual(doc.events.map(\.type), [.recruitmentDrive])
        XCTAssertTrue(EventStage.overlaps("--01-14", "2023"))
        XCTAssertTrue(EventStage.overlaps("2023-01-14", "--01"))
        XCTAssertFalse(EventStage.overlaps("2023-02-14", "--01-14"))
    }

    /// A job fair (a graduates' employment fair too) is held in its own city when no venue is named;
    /// a fair "将于9月20日开幕" opens then, whatever day the press conference was.
    func testAJobFairIsHeldAtHomeAndAFairOpensOnItsDay() throws {
        for (text, city) in [("1月14日上午,六安市2023年“春风行动”专场招聘会在城区万达广场举行,91家企业提供5647个岗位。", "Lu'an"),
                             ("4月1日,石家庄市2017年春季高校毕业生就业洽谈会在信息工程职业学院体育场举行,800余家企业参会,提供岗位1.5万个。", "Shijiazhuang")] {
            let doc = try extract("新闻\n\n" + text, published: "2023-04-02")
            XCTAssertEqual(doc.events.map(\.type), [.recruitmentDrive], text)
            XCTAssertEqual(doc.events.first?.destinations.map(\.name), [city], text)
            XCTAssertEqual(doc.events.first?.activities.contains("recruitment"), true, text)
        }
        // (buses that carry workers away go elsewhere: no destination at home)
        let bus = try extract("新闻\n\n2月10日,四川省宣汉县开行10辆返岗专车,300名务工人员乘车返岗,县人社局现场开展招聘。", published: "2023-02-11")
        XCTAssertEqual(bus.events.map(\.type), [.recruitmentDrive])
        XCTAssertTrue(bus.events.first?.destinations.isEmpty ?? false)
        for (text, day) in [("9月18日,记者从第五届中国—亚欧博览会新闻发布会上了解到,将于9月20日开幕的第五届中国—亚欧博览会规模为历届之最。", "2023-09-20"),
                            ("3月5日,记者从组委会获悉,第二十届中国—东盟博览会将于9月16日在南宁开幕。", "2023-09-16")] {
            let doc = try extract("新闻\n\n" + text, published: "2023-09-18")
            XCTAssertEqual(doc.events.map(\.type), [.tradeFair], text)
            XCTAssertEqual(doc.events.first?.when.start, day, text)
        }
    }

    /// The commonest ways this news says each action (a body leads firms abroad, a fair opens, projects
    /// are signed, a measure is issued, workers are carried or hired), one sentence each.
    func testCommonPhrasingsOfEachTypeAreRead() throws {
        let cases: [(String, EventType)] = [
            ("3月5日,浙江省商务厅率领50家外贸企业赴德国参加汉诺威工业博览会。", .tradeMission),
            ("日前,由江苏省贸促会组织的经贸代表团一行20人赴越南、泰国开展经贸交流活动。", .tradeMission),
            ("3月5日,温州市副市长王军带队,组织30家企业赴迪拜拜访客户、洽谈订单。", .tradeMission),
            ("广东省首个“抢订单”包机团3月5日从深圳机场出发,飞往日本东京。", .tradeMission),
            ("3月5日至12日,四川省组织40家企业组成经贸代表团出访法国、德国和意大利。", .tradeMission),
            ("近日,我市组织15家企业赴马来西亚吉隆坡参加中国商品展,现场签订意向订单3000万美元。", .tradeMission),
            ("3月5日,一架载有宁波86家企业160余人的包机从栎社机场起飞,前往阿联酋迪拜。", .tradeMission),
            ("为帮助企业开拓海外市场,厦门市商务局3月组织12家企业赴印尼雅加达参展。", .tradeMission),
            ("3月5日,义乌市政府带领一百家企业前往迪拜参加中国商品博览会。", .tradeMission),
            ("3月5日,山东省副省长率山东经贸代表团抵达沙特利雅得,开展招商推介活动。", .tradeMission),
            ("第133届中国进出口商品交易会4月15日在广州开幕。", .tradeFair),
            ("4月15日,第133届广交会线下展在广州琶洲开幕,展览面积达150万平方米。", .tradeFair),
            ("第六届中国国际进口博览会11月10日在上海闭幕,按一年计意向成交784.1亿美元。", .tradeFair),
            ("9月16日,第20届中国—东盟博览会在广西南宁国际会展中心开幕,展位总数达5400个。", .tradeFair),
            ("为期5天的第三届中国国际消费品博览会4月10日在海口开幕。", .tradeFair),
            ("4月10日至13日,2023中国(义乌)进口商品博览会在义乌国际博览中心举行。", .tradeFair),
            ("3月5日,宁波市在深圳举行招商推介会,现场签约项目18个,总投资156亿元。", .deal),
            ("3月5日,浙江省与沙特企业签署12项合作协议,金额达5亿美元。", .deal),
            ("活动现场,共有15个重点项目集中签约,签约总金额320亿元。", .deal),
            ("3月5日,江苏苏美达集团与德国企业签订了价值2000万欧元的采购合同。", .deal),
            ("3月5日,浙江省商务厅印发《关于支持企业开拓国际市场的若干措施》。", .policyMeasure),
            ("近日,广东省出台稳外贸十条措施,对企业参加境外展会给予展位费补贴。", .policyMeasure),
            ("3月5日,厦门市政府发布《关于进一步稳外贸促发展的实施意见》,提出15条具体举措。", .policyMeasure),
            ("苏州市商务局3月5日召开新闻发布会,推出支持外贸企业出海参展的“政策包”。", .policyMeasure),
            ("3月5日,商务部等8部门联合印发通知,支持企业开拓多元化市场。", .policyMeasure),
            ("2月10日,贵州省毕节市开行首趟返岗专列,1200名农民工乘车前往广州。", .recruitmentDrive),
            ("2月10日上午,合肥市2023年春风行动大型招聘会在合肥国际会展中心举行,500家企业提供岗位1.2万个。", .recruitmentDrive),
            ("2月10日,四川省广安市人社局组织20辆返岗专车,将800名务工人员“点对点”送往浙江、福建。", .recruitmentDrive),
            ("春节后,东莞市人社局组团赴广西、贵州招工,现场达成就业意向3000人。", .recruitmentDrive),
            ("2月10日,长沙市举办“春风行动”暨就业援助月专场招聘会,吸引100余家企业参会。", .recruitmentDrive)
        ]
        for (text, type) in cases {
            let doc = try extract("商务新闻\n\n" + text, published: "2023-03-12")
            XCTAssertEqual(doc.events.map(\.type), [type], text)
        }
    }

    /// A head's title before the group led ("副省长…率领…代表团一行50人抵达…") and before "一行赴" both
    /// name the government; the verb of going after the title still leads to the destination.
    func testAHeadAndHisPartyGoAbroad() throws {
        for (text, body, country) in [("3月8日,广东省副省长张某率领广东经贸代表团一行50人抵达沙特阿拉伯首都利雅得。", "广东省政府", "SA"),
                                      ("3月8日,广东省副省长张某一行赴沙特利雅得开展经贸交流。", "广东省政府", "SA"),
                                      ("3月8日,温州市副市长王军一行赴日本东京拜访客户。", "温州市政府", "JP")] {
            let doc = try extract("商务新闻\n\n" + text, published: "2023-03-12")
            XCTAssertEqual(doc.events.map(\.type), [.tradeMission], text)
            XCTAssertEqual(doc.events.first?.organizer.map(\.name), [body], text)
            XCTAssertEqual(doc.events.first?.destinations.map(\.code), [country], text)
        }
    }

    /// The organizer between its name and its verb: "于3月16日", an official's name and the date,
    /// "在…的组织下".
    func testTheOrganizerAcrossADateAnOfficialOrItsGuidance() throws {
        for (text, body) in [("金华市政府于3月16日组织“金华好货”出海团,带领30家企业赴波兰华沙参展。", "金华市政府"),
                             ("福建省商务厅副厅长李某3月20日率福建企业代表团访问巴西圣保罗。", "福建省商务厅"),
                             ("3月21日,在东莞市商务局的组织下,东莞25家家具企业赴墨西哥参加国际家具展。", "东莞市商务局")] {
            let doc = try extract("商务新闻\n\n" + text, published: "2023-03-22")
            XCTAssertEqual(doc.events.map(\.type), [.tradeMission], text)
            XCTAssertEqual(doc.events.first?.organizer.map(\.name), [body], text)
        }
    }

    /// Two bodies issuing a measure together ("浙江省商务厅、省财政厅联合下发通知"): both organise it,
    /// the second of the province the first names.
    func testBodiesIssuingAMeasureTogether() throws {
        let doc = try extract("商务新闻\n\n近日,浙江省商务厅、省财政厅联合下发通知,对参加境外展会的企业给予展位费80%的补助。", published: "2023-03-07")
        XCTAssertEqual(doc.events.map(\.type), [.policyMeasure])
        XCTAssertEqual(doc.events.first?.organizer.map(\.name), ["浙江省商务厅", "浙江省财政厅"])
    }

    /// A portal's own story that never names its city ("市商务局组织我市18家外贸企业…") keeps the body's
    /// name as written; a measure's long title in 《》 is a measure and "《措施》明确…" speaks of it again;
    /// the station a train leaves from is no destination.
    func testAPortalsOwnStory() throws {
        let trip = try extract("我市组织企业赴日本参加东京国际礼品展\n\n2023-02-10 09:30  来源:市商务局\n\n为贯彻落实省委省政府“千团万企拓市场抢订单”行动部署,2月6日至10日,市商务局组织我市18家外贸企业赴日本参加第95届东京国际礼品展。\n\n展会期间,企业共接待客商2000余人次,达成意向订单1500万美元。参展企业纷纷表示,此次参展收获颇丰。\n\n下一步,市商务局将继续组织企业赴境外参展,帮助企业稳订单、拓市场。\n")
        XCTAssertEqual(trip.events.map(\.type), [.tradeMission])
        XCTAssertEqual(trip.events.first?.organizer.map(\.name), ["市商务局"])
        XCTAssertEqual(trip.events.first?.destinations.map(\.code), ["JP"])
        let measure = try extract("我省出台十条措施支持外贸企业开拓市场\n\n2023年02月20日 来源:省商务厅\n\n近日,省商务厅、省财政厅联合印发《关于支持外贸企业开拓国际市场的十条措施》(以下简称《措施》)。《措施》明确,对企业参加境外重点展会给予展位费最高80%的补助,对包机出境参展给予最高50万元支持。\n\n省商务厅相关负责人表示,《措施》的出台将有效帮助企业抢订单、拓市场。\n")
        XCTAssertEqual(measure.events.map(\.type), [.policyMeasure])
        XCTAssertEqual(measure.events.first?.organizer.map(\.name), ["省商务厅", "省财政厅"])
        let train = try extract("“春风行动”返岗专列发车\n\n2023-01-29 来源:贵州日报\n\n1月28日上午,2023年“春风行动”贵州铜仁至广东广州返岗专列在铜仁火车站发车,1100余名务工人员乘车返岗。\n\n据介绍,今年铜仁市人社局联合铁路部门共开行返岗专列3趟,预计输送务工人员3000余人。\n")
        XCTAssertEqual(train.events.map(\.type), [.recruitmentDrive])
        XCTAssertEqual(train.events.first?.destinations.map(\.name), ["Guangzhou"])
    }

    /// The next phase's dates ("第二期将于10月23日至27日举行") are not the closing phase's.
    func testTheNextPhaseIsNotThisOne() throws {
        let doc = try extract("第134届广交会第一期闭幕\n\n新华社广州10月19日电 第134届中国进出口商品交易会第一期19日闭幕。据广交会新闻中心介绍,第一期共有来自212个国家和地区的10万名境外采购商到会,现场意向出口成交约120亿美元。\n\n第二期将于10月23日至27日举行。\n")
        XCTAssertEqual(doc.events.map(\.type), [.tradeFair])
        XCTAssertEqual(doc.events.first?.when.end, "--10-19")
        XCTAssertNil(doc.events.first?.when.start)
    }

    /// A round-up of several provinces' trips is one trip each ("广东省则计划于12月中旬…" is Guangdong's
    /// own), and a fair that "11月10日闭幕" ends that day.
    func testARoundUpOfTripsAndAFairsClose() throws {
        let roundUp = try extract("多地组团出海抢订单\n\n2022-12-08 来源:经济日报\n\n近期,多地政府纷纷组织企业出海抢订单。\n\n12月4日,浙江省商务厅组织的首批企业包机从杭州出发,飞赴日本参加东京国际礼品展。\n\n12月6日,江苏省苏州市组织30余家外贸企业赴德国、法国开展商务洽谈。\n\n广东省则计划于12月中旬组织200家企业赴中东参加迪拜国际五大行业展。\n")
        XCTAssertEqual(roundUp.events.map(\.type), [.tradeMission, .tradeMission, .tradeMission])
        XCTAssertEqual(roundUp.events.map { $0.destinations.map(\.code) }, [["JP"], ["DE", "FR"], ["region:middle_east"]])
        XCTAssertEqual(roundUp.events.last?.origin.map(\.name), ["Guangdong"])
        let close = try extract("进博会成果丰硕\n\n2023-11-11 来源:人民网\n\n第六届中国国际进口博览会11月10日闭幕。本届进博会按一年计意向成交784.1亿美元,比上届增长6.7%。\n\n本届进博会共有128个国家和地区的3486家企业参展。其中,浙江交易团签约采购金额达到120亿美元。\n")
        XCTAssertEqual(close.events.first?.type, .tradeFair)
        XCTAssertEqual(close.events.first?.when.end, "2023-11-10")
    }

    /// A county portal's own job fair names no place ("我县", "县人力资源市场"): still a drive, by its
    /// date, its name and its counts.
    func testAPortalsOwnJobFairWithoutAPlace() throws {
        let doc = try extract("我县举办春风行动专场招聘会\n\n2023-02-01 来源:县人社局\n\n1月31日,2023年“春风行动”暨就业援助月专场招聘会在县人力资源市场举行。本次招聘会共有56家企业参会,提供就业岗位1800余个,吸引1200余名求职者入场,达成初步就业意向430人。\n")
        XCTAssertEqual(doc.events.map(\.type), [.recruitmentDrive])
        XCTAssertEqual(doc.events.first?.when.start, "2023-01-31")
        XCTAssertEqual(doc.events.first?.participants.first { $0.unit == "enterprises" }?.count.value, 56)
    }

    /// A delegation from abroad visiting China is no mission of theirs reported here; ours going out is.
    func testADelegationFromAbroadIsNoMission() throws {
        for text in ["3月5日,越南工商会经贸代表团一行20人来我市考察,市商务局局长会见了代表团。",
                     "3月5日,日本丰田公司代表团访问宁波,与宁波市领导举行会谈。",
                     "3月5日,德国巴伐利亚州经济代表团抵达杭州,开展为期3天的访问。"] {
            let doc = try extract("商务新闻\n\n" + text, published: "2023-03-07")
            XCTAssertEqual(doc.events.map(\.type), [], text)
        }
        let out = try extract("商务新闻\n\n3月5日,宁波市商务局副局长王某率宁波企业代表团赴越南胡志明市,拜访越南工商会。", published: "2023-03-07")
        XCTAssertEqual(out.events.map(\.type), [.tradeMission])
    }

    /// Statistics, company results and forecasts report no action.
    func testNearMissesGiveNoEvents() throws {
        try assertEventTypes([
            "海关总署13日发布数据,前三季度我国进出口总值同比增长0.7%。",
            "长园集团上半年营业收入同比增长23.93%,净利润同比下降6.56%。",
            "专家预测明年外贸增速将进一步放缓。",
        ], published: "2020-10-13", are: [])
    }

    /// A GBK page (as many portals serve) gives the events of its UTF-8 copy, declared or not.
    func testGBKTextGivesTheSameEventsAsUTF8() throws {
        let text = "嘉兴市商务局组织30家企业赴日本东京参展。消息一出,50多家企业近百人报名参加。"
        guard let gbk = gb18030(text) else { return XCTFail("iconv cannot encode GB18030 here") }
        XCTAssertNotEqual(gbk, Array(text.utf8))
        let utf8 = try extract(text, published: "2022-12-01")
        let fromGBK = try TestRules.extractor.extract(ArticleInput(name: "test.txt", body: gbk, source: .cli, published: "2022-12-01"))
        XCTAssertEqual(fromGBK.text, utf8.text)
        XCTAssertEqual(fromGBK.events.map(\.type), utf8.events.map(\.type))
        XCTAssertEqual(fromGBK.events.map(\.id), utf8.events.map(\.id))
        let html = Array(#"<html><head><meta charset="gbk"><title>t</title></head><body><p>"#.utf8) + gbk + Array("</p></body></html>".utf8)
        let page = try TestRules.extractor.extract(ArticleInput(name: "test.html", body: html, source: .cli, published: "2022-12-01"))
        XCTAssertEqual(page.events.map(\.type), [.tradeMission])
    }
}
