import ArgumentParser
import Domain
import Foundation
import PersianKit
import Synchronization

/// `samad-load`: drives a running Samad over loopback with bounded request counts and time, next to
/// two baselines measured in the same run (a bare Hummingbird route and raw SQLite inserts), and
/// prints throughput and p50/p95/p99 latency for each scenario.
@main
struct SamadLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samad-load", abstract: "Load-test a running Samad over loopback and compare with baselines.")

    @Option(help: "Samad's base URL (loopback only).")
    var url = "http://127.0.0.1:8080"

    @Option(help: "Token of a staff member who may register cases for --province (an operator).")
    var operatorToken: String?

    @Option(help: "Token of a national staff member for list and search queries (an inspector or admin).")
    var staffToken: String?

    @Option(help: "Token of an agency liaison, for the referral inbox.")
    var liaisonToken: String?

    @Option(help: "Province code for registrations and the screening queue (default: East Azerbaijan).")
    var province: String?

    @Option(help: "Concurrent requests in flight.")
    var concurrency = 64

    @Option(help: "Upper bound on seconds per scenario.")
    var seconds = 20.0

    @Option(help: "Registrations to send (each a new citizen).")
    var registrations = 20_000

    @Option(help: "Tracking look-ups (of cases registered in this run; at most 9 per code, the per-code rate limit).")
    var lookups = 50_000

    @Option(help: "Requests for each of: liaison inbox, screening queue, filtered list.")
    var queries = 5_000

    @Option(help: "Text searches (q=).")
    var searches = 2_000

    @Option(help: "Period reports: this month (national and one province), this quarter and this year of one province.")
    var reports = 500

    @Option(help: "Requests to the bare-route baseline.")
    var baselineRequests = 100_000

    @Option(help: "Loopback port for the bare-route baseline server.")
    var baselinePort = 18_181

    @Option(help: "Rows for the raw SQLite insert baseline.")
    var sqliteRows = 400_000

    @Option(help: "Process id of the Samad server, to report its resident memory.")
    var serverPid: Int?

    @Flag(help: "Skip the two baselines.")
    var noBaselines = false

    @Flag(help: "Exit non-zero when any request failed (for CI's smoke run; latency is never judged).")
    var failOnErrors = false

    @Option(help: "Varies national IDs between runs against one database.")
    var salt = Int(Date().timeIntervalSince1970) % 1_000_000

    func validate() throws {
        guard concurrency > 0, concurrency <= 1_024 else { throw ValidationError("--concurrency must be 1…1024") }
        guard seconds > 0, seconds <= 600 else { throw ValidationError("--seconds must be in (0, 600]") }
        for (name, value) in [("registrations", registrations), ("lookups", lookups), ("queries", queries), ("searches", searches), ("reports", reports),
                              ("baseline-requests", baselineRequests), ("sqlite-rows", sqliteRows)]
        where value < 0 || value > 10_000_000 {
            throw ValidationError("--\(name) must be 0…10,000,000")
        }
    }

    func run() async throws {
        let client = try SamadClient(baseURL: url, connections: concurrency)
        do {
            try await runAll(client)
            try await client.shutdown()
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func runAll(_ client: SamadClient) async throws {
        let limit = Duration.milliseconds(Int(seconds * 1000))
        let home = ReferenceData.provinces.first { $0.nameEn == "East Azerbaijan" } ?? ReferenceData.provinces[0]
        let provinceCode = province ?? home.code
        let county = ReferenceData.provinces.first { $0.code == provinceCode }?.counties.first?.code
        var report = LoadReport(concurrency: concurrency, url: url)
        report.loadBefore = Self.loadAverage()

        if !noBaselines {
            let path = "http://127.0.0.1:\(baselinePort)"
            let bare = try SamadClient(baseURL: path, connections: concurrency)
            let result = try await BareRouteBaseline.withServer(port: baselinePort, client: bare) {
                await LoadRunner.run("bare route (baseline)", count: baselineRequests, concurrency: concurrency, timeLimit: limit) { _ in
                    await bare.check(.get, "/hello", expect: 200)
                }
            }
            try await bare.shutdown()
            report.bareRoute = result
            report.add(result)
            report.sqlite = try await SQLiteBaseline.run(rows: sqliteRows, batch: min(concurrency, 512), timeLimit: limit)
        }

        guard (await client.check(.get, "/health", expect: 200)) == nil else {
            throw LoadToolError("Samad does not answer GET \(url)/health")
        }

        let registered = Mutex<[(code: String, mobile: String)]>([])
        if let operatorToken, registrations > 0 {
            let salt = self.salt
            let result = await LoadRunner.run("registrations", count: registrations, concurrency: concurrency, timeLimit: limit) { i in
                let json = SyntheticCitizens.registration(i, salt: salt, province: provinceCode, county: county)
                do {
                    let (status, body) = try await client.send(.post, "/api/v1/cases", token: operatorToken, json: json)
                    guard status == 201 else { return "HTTP \(status): \(String(buffer: body).prefix(200))" }
                    if let code = Self.trackingCode(in: body) {
                        registered.withLock { $0.append((code, SyntheticCitizens.mobile(i))) }
                    }
                    return nil
                } catch {
                    return "\(error)"
                }
            }
            report.registrations = result
            report.add(result)
        }

        let codes = registered.withLock { $0 }
        if !codes.isEmpty, lookups > 0 {
            // The server allows 10 look-ups of one code a minute; stay under it.
            let count = min(lookups, codes.count * 9)
            var result = await LoadRunner.run("tracking look-ups", count: count, concurrency: concurrency, timeLimit: limit) { i in
                let (code, mobile) = codes[i % codes.count]
                // Each simulated citizen comes from an address of its own (honoured with SAMAD_TRUST_PROXY=on).
                let address = "100.64.\((i / 250) % 250).\(i % 250 + 1)"
                return await client.check(.get, "/api/v1/track/\(code)?mobile=\(mobile)", expect: 200, forwardedFor: address)
            }
            if count < lookups { result.note = "capped at 9 per registered code (rate limit 10/min per code)" }
            report.lookups = result
            report.add(result)
        }

        if let liaisonToken, queries > 0 {
            report.add(await LoadRunner.run("liaison inbox", count: queries, concurrency: concurrency, timeLimit: limit) { _ in
                await client.check(.get, "/api/v1/referrals?open=true&limit=50", expect: 200, token: liaisonToken)
            })
        }
        if let staffToken, queries > 0 {
            let queue = await LoadRunner.run("screening queue (newest 50)", count: queries, concurrency: concurrency, timeLimit: limit) { _ in
                await client.check(.get, "/api/v1/cases?province=\(provinceCode)&status=registered,reopened&limit=50", expect: 200, token: staffToken)
            }
            report.queue = queue
            report.add(queue)
            let filters = [
                "status=answered&category=interestFreeLoan&channel=phone111",
                "province=\(provinceCode)&status=referred&order=oldest",
                "category=housingLoan&kind=complaint",
                "province=\(provinceCode)&from=\(Self.isoDayAgo(30))",
            ]
            report.add(await LoadRunner.run("filtered lists", count: queries, concurrency: concurrency, timeLimit: limit) { i in
                await client.check(.get, "/api/v1/cases?\(filters[i % filters.count])&limit=50", expect: 200, token: staffToken)
            })
        }
        if let staffToken, searches > 0 {
            let words = SearchTerms.all
            let search = await LoadRunner.run("text search (q=)", count: searches, concurrency: concurrency, timeLimit: limit) { i in
                let q = words[i % words.count].addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
                return await client.check(.get, "/api/v1/cases?q=\(q)&limit=50", expect: 200, token: staffToken)
            }
            report.search = search
            report.add(search)
        }
        if let staffToken, reports > 0 {
            let now = Date()
            let periods = [
                "period=\(JalaliPeriod.containing(now, kind: .month).key)",
                "period=\(JalaliPeriod.containing(now, kind: .month).key)&province=\(provinceCode)",
                "period=\(JalaliPeriod.containing(now, kind: .quarter).key)&province=\(provinceCode)",
                "period=\(JalaliPeriod.containing(now, kind: .year).key)&province=\(provinceCode)",
            ]
            let result = await LoadRunner.run("period reports", count: reports, concurrency: concurrency, timeLimit: limit) { i in
                await client.check(.get, "/api/v1/reports?\(periods[i % periods.count])", expect: 200, token: staffToken)
            }
            report.add(result)
        }
        if let serverPid {
            report.serverRSS = Self.memoryMegabytes(pid: serverPid, field: "VmRSS")
            report.serverPeakRSS = Self.memoryMegabytes(pid: serverPid, field: "VmHWM")
        }
        report.loadAfter = Self.loadAverage()
        print(report.render())
        let failed = report.rows.reduce(0) { $0 + $1.errors }
        if failOnErrors, failed > 0 { throw LoadToolError("\(failed) requests failed") }
    }

    /// The tracking code in a registration response (`"trackingCode":"…"`), without decoding the whole case.
    static func trackingCode(in body: ByteBuffer) -> String? {
        let text = String(buffer: body)
        guard let key = text.range(of: "\"trackingCode\"") else { return nil }
        let rest = text[key.upperBound...].drop { $0 == ":" || $0 == " " || $0 == "\"" }
        let code = rest.prefix { $0.isNumber }
        return code.count == 11 ? String(code) : nil
    }

    /// The 1-, 5- and 15-minute load averages, from /proc.
    static func loadAverage() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// A Gregorian ISO day `days` ago (the list API takes ISO or Jalali days).
    static func isoDayAgo(_ days: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date().addingTimeInterval(-Double(days) * 86_400))
    }

    /// A memory figure of a process from /proc (VmRSS: resident now; VmHWM: peak resident), in MB.
    static func memoryMegabytes(pid: Int, field: String) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kb / 1024
    }
}

import NIOCore
