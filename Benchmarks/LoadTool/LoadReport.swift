import Foundation

/// The printed result of a run: one line per scenario, then the ratios against the baselines and
/// the issue's targets, each marked met or not.
struct LoadReport {
    let concurrency: Int
    let url: String
    var rows: [ScenarioResult] = []
    var bareRoute: ScenarioResult?
    var sqlite: SQLiteBaseline.Result?
    var registrations: ScenarioResult?
    var lookups: ScenarioResult?
    var queue: ScenarioResult?
    var search: ScenarioResult?
    /// The server's resident memory now and at its peak (VmRSS, VmHWM), in MB.
    var serverRSS: Double?
    var serverPeakRSS: Double?
    /// /proc/loadavg when the run started and ended: other work on the machine skews every figure.
    var loadBefore: String?
    var loadAfter: String?

    mutating func add(_ result: ScenarioResult) {
        rows.append(result)
        // Progress on stderr, so a long run shows it is alive; the report goes to stdout at the end.
        FileHandle.standardError.write(Data("  done: \(result.name) (\(result.requests) requests)\n".utf8))
    }

    func render() -> String {
        var out = "samad-load: \(url), \(concurrency) concurrent, \(ProcessInfo.processInfo.activeProcessorCount) cores\n"
        out += "load average before: \(loadBefore ?? "?"), after: \(loadAfter ?? "?")\n\n"
        out += pad("scenario", 30) + pad("requests", 10) + pad("errors", 8) + pad("ok/s", 10) + pad("p50 ms", 9) + pad("p95 ms", 9)
            + pad("p99 ms", 9) + "ratio to bare route\n"
        for r in rows {
            let ratio = bareRoute.map { $0.throughput > 0 ? String(format: "%.1f%%", 100 * r.throughput / $0.throughput) : "-" } ?? "-"
            out += pad(r.name, 30) + pad("\(r.requests)", 10) + pad("\(r.errors)", 8) + pad(String(format: "%.0f", r.throughput), 10)
                + pad(String(format: "%.2f", r.percentile(50)), 9) + pad(String(format: "%.2f", r.percentile(95)), 9)
                + pad(String(format: "%.2f", r.percentile(99)), 9) + ratio + "\n"
            if let e = r.firstError { out += "    first error: \(e)\n" }
            if let n = r.note { out += "    note: \(n)\n" }
        }
        if let s = sqlite {
            out += String(
                format: "\nraw SQLite inserts (baseline, synchronous=FULL, %d rows per commit): %d rows in %.2f s = %.0f rows/s, %.0f commits/s\n",
                s.batches > 0 ? s.rows / s.batches : 0, s.rows, s.seconds, s.rowsPerSecond, s.commitsPerSecond)
            if let r = registrations {
                out += String(format: "registrations / raw insert rows: %.1f%%\n", 100 * r.throughput / max(s.rowsPerSecond, 1))
            }
        }
        if let rss = serverRSS {
            out += String(format: "server resident memory: %.0f MB now, %.0f MB peak (VmRSS, VmHWM)\n", rss, serverPeakRSS ?? rss)
        }
        out += "\ntargets (issue 5; a scenario with failed requests never meets its target):\n"
        if let r = registrations {
            out += target("registrations ≥ 10,000/s", r, r.throughput >= 10_000, String(format: "%.0f/s", r.throughput))
            out += target("registrations p99 ≤ 50 ms", r, r.percentile(99) <= 50, String(format: "%.1f ms", r.percentile(99)))
            if let b = bareRoute {
                out += target("registrations ≥ 25% of bare route", r, r.throughput >= 0.25 * b.throughput,
                              String(format: "%.1f%%", 100 * r.throughput / max(b.throughput, 1)))
            }
        }
        if let l = lookups { out += target("tracking look-ups ≥ 20,000/s", l, l.throughput >= 20_000, String(format: "%.0f/s", l.throughput)) }
        if let q = queue { out += target("screening queue p95 ≤ 10 ms", q, q.percentile(95) <= 10, String(format: "%.2f ms", q.percentile(95))) }
        if let s = search { out += target("text search p95 ≤ 100 ms", s, s.percentile(95) <= 100, String(format: "%.1f ms", s.percentile(95))) }
        if let rss = serverPeakRSS ?? serverRSS {
            out += target("server memory ≤ 300 MB (peak)", nil, rss <= 300, String(format: "%.0f MB", rss))
        }
        out += "(the queue, search and memory targets are stated for 10 M cases: compare at that size only)\n"
        return out
    }

    private func target(_ what: String, _ scenario: ScenarioResult?, _ met: Bool, _ measured: String) -> String {
        let errors = scenario?.errors ?? 0
        let verdict = met && errors == 0 ? "met    " : "NOT met"
        return "  \(verdict) \(pad(what, 38)) measured \(measured)" + (errors > 0 ? " (\(errors) failed requests)\n" : "\n")
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
