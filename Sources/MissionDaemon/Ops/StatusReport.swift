import Foundation

/// The main figures of a running daemon for a person, read from its metrics server:
/// what `missiond status` prints.
package struct StatusReport: Sendable {
    /// The metrics server's URL.
    package let source: String
    /// What `/ready` said; nil when it gave neither 200 nor 503.
    package let ready: Bool?
    package let samples: [PrometheusSample]

    package init(source: String, ready: Bool?, samples: [PrometheusSample]) {
        self.source = source
        self.ready = ready
        self.samples = samples
    }

    /// GETs `/metrics` and `/ready` from the metrics server at `url`.
    package static func fetch(from url: String, timeout: Duration = .seconds(5)) throws(DaemonError) -> StatusReport {
        let metrics = try HTTPGet.get(url, path: "/metrics", timeout: timeout)
        guard metrics.status == 200 else { throw DaemonError(.http, "\(url)/metrics answered \(metrics.status)") }
        let ready = try HTTPGet.get(url, path: "/ready", timeout: timeout)
        return StatusReport(
            source: url, ready: ready.status == 200 ? true : ready.status == 503 ? false : nil,
            samples: PrometheusText.parse(metrics.text))
    }

    package func render() -> String {
        var lines: [String] = []
        let state = ready.map { $0 ? "ready" : "NOT READY" } ?? "readiness unknown"
        lines.append("missiond at \(source): \(state)")

        lines.append(pad("articles", 12) + ["received", "accepted", "duplicate", "rejected"].map { lpad($0, 11) }.joined())
        for intake in ["socket", "dir"] {
            let figures = ["received", "accepted", "duplicate", "rejected"].map { kind in
                lpad(count(value("missiond_articles_\(kind)_total", ["intake": intake])), 11)
            }
            lines.append(pad("  " + intake, 12) + figures.joined())
        }

        let events = samples.filter { $0.name == "missiond_events_total" }
            .sorted { ($0.value, $1.labels["type"] ?? "") > ($1.value, $0.labels["type"] ?? "") }
        let total = events.reduce(0) { $0 + $1.value }
        let byType = events.map { "\($0.labels["type"] ?? "?") \(count($0.value))" }.joined(separator: ", ")
        lines.append(pad("events", 12) + count(total) + (byType.isEmpty ? "" : " (\(byType))"))

        lines.append(pad("in flight", 12) + count(value("missiond_in_flight")))
        let queues = samples.filter { $0.name == "missiond_queue_depth" }
            .sorted { Self.stageOrder($0.labels["stage"] ?? "") < Self.stageOrder($1.labels["stage"] ?? "") }
        if !queues.isEmpty {
            lines.append(pad("queues", 12) + queues.map { "\($0.labels["stage"] ?? "?") \(count($0.value))" }.joined(separator: ", "))
        }
        lines.append(pad("last seq", 12) + count(value("missiond_last_seq")))
        // libzmq does not count what a full subscriber misses: say so rather than print 0.
        lines.append(pad("PUB drops", 12) + "unknown, \(count(value("missiond_pub_overflows_total"))) subscriber overflows")
        lines.append(pad("journal", 12) + bytes(value("missiond_journal_bytes")))
        lines.append(pad("event log", 12) + bytes(value("missiond_event_log_bytes")))

        lines.append(pad("stage", 12) + ["count", "average", "~p50", "~p99"].map { lpad($0, 10) }.joined())
        for stage in stages() {
            let labels = ["stage": stage]
            let count = value("missiond_stage_seconds_count", labels) ?? 0
            let sum = value("missiond_stage_seconds_sum", labels) ?? 0
            let buckets = histogram("missiond_stage_seconds", labels)
            let figures = [
                self.count(count),
                count > 0 ? seconds(sum / count) : "-",
                Self.quantile(0.5, buckets).map(seconds) ?? "-",
                Self.quantile(0.99, buckets).map(seconds) ?? "-",
            ]
            lines.append(pad("  " + stage, 12) + figures.map { lpad($0, 10) }.joined())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Figures

    private func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        PrometheusText.value(name, labels, in: samples)
    }

    /// The stages seen, in pipeline order, then any others by name.
    private func stages() -> [String] {
        let seen = Set(samples.filter { $0.name == "missiond_stage_seconds_count" }.compactMap { $0.labels["stage"] })
        return seen.sorted { (Self.stageOrder($0), $0) < (Self.stageOrder($1), $1) }
    }

    private static func stageOrder(_ stage: String) -> Int {
        DaemonMetrics.stages.firstIndex(of: stage) ?? DaemonMetrics.stages.count
    }

    /// A histogram's cumulative buckets, `(upper bound, count)` by bound, `+Inf` last.
    private func histogram(_ name: String, _ labels: [String: String]) -> [(bound: Double, count: Double)] {
        samples.filter { sample in
            sample.name == name + "_bucket" && labels.allSatisfy { sample.labels[$0.key] == $0.value }
        }
        .compactMap { sample in sample.labels["le"].flatMap { PrometheusText.number(Substring($0)) }.map { ($0, sample.value) } }
        .sorted { $0.bound < $1.bound }
    }

    /// Prometheus's `histogram_quantile`: the bucket holding the q-th observation, with the
    /// observations taken as spread evenly inside it. Nil without observations.
    static func quantile(_ q: Double, _ buckets: [(bound: Double, count: Double)]) -> Double? {
        guard let total = buckets.last?.count, total > 0 else { return nil }
        let rank = q * total
        var lowerBound = 0.0, lowerCount = 0.0
        for bucket in buckets {
            if bucket.count >= rank {
                // Past the last finite bound nothing is known but that bound.
                if bucket.bound == .infinity { return lowerBound }
                let inside = bucket.count - lowerCount
                guard inside > 0 else { return bucket.bound }
                return lowerBound + (bucket.bound - lowerBound) * (rank - lowerCount) / inside
            }
            lowerBound = bucket.bound
            lowerCount = bucket.count
        }
        return lowerBound
    }

    // MARK: Formatting

    private func count(_ value: Double?) -> String {
        guard let value else { return "-" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.2f", value)
    }

    private func bytes(_ value: Double?) -> String {
        guard let value else { return "-" }
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var scaled = value, unit = 0
        while scaled >= 1024 && unit < units.count - 1 { scaled /= 1024; unit += 1 }
        return unit == 0 ? "\(Int64(value)) B" : String(format: "%.1f", scaled) + " " + units[unit]
    }

    private func seconds(_ value: Double) -> String {
        switch value {
        case ..<0.001: String(format: "%.0f µs", value * 1_000_000)
        case ..<1: String(format: "%.2f ms", value * 1000)
        default: String(format: "%.2f s", value)
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    private func lpad(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}
