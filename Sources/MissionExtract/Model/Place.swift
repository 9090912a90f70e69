/// A gazetteer place: a country, a world region, a city abroad, or a place in mainland China.
struct Place: Sendable {
    enum Kind: Sendable { case country, region, cityAbroad, province, city, district }
    var name: String
    var kind: Kind
    /// ISO alpha-2 of the country (`CN` for Chinese places), or `region:…`.
    var code: String
    /// For Chinese places: the provincial-level division they belong to.
    var province: String?
    /// In mainland China; stored, not computed: it is asked per entity, often.
    let isChinese: Bool
    /// A Chinese province-level place's formal name when it is no province (china.tsv's first name
    /// ending in "Autonomous Region" or "Municipality"): its government is named after it.
    var formalName: String?
    /// Its Chinese name with the level ("嘉兴市", "浙江省", "广西壮族自治区"): a Chinese article names
    /// the place's government with it.
    var chineseName: String?

    init(name: String, kind: Kind, code: String, province: String? = nil) {
        self.name = name; self.kind = kind; self.code = code; self.province = province
        isChinese = kind == .province || kind == .city || kind == .district || code == "CN"
    }
    var level: String {
        switch kind {
        case .country, .region, .cityAbroad: return kind == .cityAbroad ? "city" : "country"
        case .province: return "province"
        case .city: return "city"
        case .district: return "district"
        }
    }
}
