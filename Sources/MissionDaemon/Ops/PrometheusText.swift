/// One sample line of a Prometheus text exposition.
package struct PrometheusSample: Sendable, Equatable {
    package let name: String
    package let labels: [String: String]
    package let value: Double
}

/// Reads the Prometheus text format (0.0.4) back into samples: what `missiond status`
/// and the tests need from a scrape. Comments are skipped; a line that does not parse is
/// left out rather than failing the whole page.
package enum PrometheusText {
    package static func parse(_ text: String) -> [PrometheusSample] {
        text.split(separator: "\n").compactMap { parseLine(Substring($0)) }
    }

    /// The value of the sample `name` whose labels include `labels` (all of the series
    /// matching, added up; nil when there is none).
    package static func value(_ name: String, _ labels: [String: String] = [:], in samples: [PrometheusSample]) -> Double? {
        let matching = samples.filter { sample in
            sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value }
        }
        return matching.isEmpty ? nil : matching.reduce(0) { $0 + $1.value }
    }

    static func parseLine(_ line: Substring) -> PrometheusSample? {
        var rest = line.drop { $0 == " " || $0 == "\t" }
        guard let first = rest.first, first != "#" else { return nil }
        let name = rest.prefix { $0 != "{" && $0 != " " && $0 != "\t" }
        guard !name.isEmpty else { return nil }
        rest = rest[name.endIndex...]
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while true {
                rest = rest.drop { $0 == " " || $0 == "," }
                if rest.first == "}" { rest = rest.dropFirst(); break }
                let key = rest.prefix { $0 != "=" }
                rest = rest[key.endIndex...]
                guard rest.hasPrefix("=\"") else { return nil }
                rest = rest.dropFirst(2)
                var value = ""
                var escaped = false
                var closed = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if escaped {
                        value.append(character == "n" ? "\n" : character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        closed = true
                        break
                    } else {
                        value.append(character)
                    }
                }
                guard closed else { return nil }
                labels[String(key)] = value
            }
        }
        let fields = rest.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let text = fields.first, let value = number(text) else { return nil }
        return PrometheusSample(name: String(name), labels: labels, value: value)
    }

    static func number(_ text: Substring) -> Double? {
        switch text {
        case "+Inf", "Inf": .infinity
        case "-Inf": -.infinity
        case "NaN": .nan
        default: Double(text)
        }
    }
}
