import AppBootstrap
import Domain
import Foundation
import PersianKit
import Storage

/// `samad generate`: fills the configured database with realistic cases at national scale.
///
/// Reference data and demo staff are created the usual way (migrations, seed, `DemoStaff`); the
/// cases and everything hanging off them are then synthesised in batches on all cores and bulk
/// inserted on one connection, with ids continuing after what the database already holds.
public struct CaseGenerator: Sendable {
    /// What a run did, for the command to print.
    public struct Summary: Sendable {
        public var cases: Int
        public var rows: Int
        public var seconds: Double
        public var logins: [DemoStaff.Login]
        public var casesPerSecond: Double { seconds > 0 ? Double(cases) / seconds : 0 }
        public var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }
    }

    let config: AppConfig
    /// Cases per batch: one generating task's unit of work and one step of the writer.
    let batchSize: Int

    public init(config: AppConfig, batchSize: Int = 4_000) {
        self.config = config
        self.batchSize = batchSize
    }

    /// Generates `cases` cases from `seed`; `progress` hears (cases written, seconds elapsed) after each batch.
    public func run(
        cases total: Int, seed: UInt64, progress: @escaping @Sendable (Int, Double) -> Void = { _, _ in }
    ) async throws -> Summary {
        let (context, logins) = try await makeContext(total: total, seed: seed)
        let began = Date()
        var written = (cases: 0, rows: 0)
        switch config.databaseLocation {
        case .sqlite(let path):
            written = try await pump(context, into: try await SQLiteBulkWriter.open(path: path), began: began, progress: progress)
        case .postgres(let url, let schema):
            written = try await pump(
                context, into: try await PostgresBulkWriter.open(url: url, schema: schema), began: began, progress: progress)
        }
        return Summary(cases: written.cases, rows: written.rows, seconds: Date().timeIntervalSince(began), logins: logins)
    }

    /// Reads what the generated rows refer to, through the ordinary store, then lets it go.
    private func makeContext(total: Int, seed: UInt64) async throws -> (GenerateContext, [DemoStaff.Login]) {
        let store = try await openStore(config: config)
        do {
            let logins = try await DemoStaff.ensure(store: store, bcryptCost: config.bcryptCost)
            let agencies = try await store.agencies(province: nil, kind: nil, includeInactive: false)
            let categories = try await store.categories(includeInactive: false)
            let (citizenMax, caseMax) = try await store.client.read { db in
                let c = try await db.raw("SELECT COALESCE(MAX(id), 0) AS m FROM citizens").first()!.decode(column: "m", as: Int.self)
                let k = try await db.raw("SELECT COALESCE(MAX(id), 0) AS m FROM cases").first()!.decode(column: "m", as: Int.self)
                return (c, k)
            }
            func actor(_ username: String) -> Actor {
                logins.first { $0.staff.username == username }.map { .staff($0.staff) } ?? .system
            }
            let now = config.now()
            let context = GenerateContext(
                agencies: Dictionary(grouping: agencies, by: { "\($0.provinceCode ?? "")/\($0.kind.rawValue)" }),
                agencyNames: Dictionary(uniqueKeysWithValues: agencies.map { ($0.id, $0.name) }),
                categories: Dictionary(uniqueKeysWithValues: categories.map { ($0.code, $0) }),
                provinces: Weighted(ReferenceData.provinces.map { ($0, $0.population) }),
                operatorActor: actor("operator"), screener: actor("inspector"), handler: actor("admin"),
                trackingLink: config.trackingLink, timeline: GenerateTimeline(now: now), calendar: store.calendar, now: now,
                firstCitizenID: citizenMax + 1, firstCaseID: caseMax + 1, totalCases: total, seed: seed)
            try await store.client.shutdown()
            return (context, logins)
        } catch {
            try? await store.client.shutdown()
            throw error
        }
    }

    /// Generates batches on as many tasks as there are cores, writes them in order on one connection.
    private func pump<W: BulkWriter>(
        _ context: GenerateContext, into writer: W, began: Date, progress: @escaping @Sendable (Int, Double) -> Void
    ) async throws -> (cases: Int, rows: Int) {
        let size = batchSize
        let batches = (context.totalCases + size - 1) / size
        // Enough batches in flight to keep every core generating while the writer works.
        let inFlight = max(2, ProcessInfo.processInfo.activeProcessorCount + 1)
        var cases = 0
        var rows = 0
        try await withThrowingTaskGroup(of: (Int, W.Prepared, Int, Int).self) { group in
            var scheduled = 0
            func schedule() {
                let index = scheduled
                scheduled += 1
                group.addTask {
                    let range = (index * size)..<min((index + 1) * size, context.totalCases)
                    var rng = SeededGenerator(seed: context.seed &+ UInt64(index) &* 0x9E37_79B9)
                    var synthesizer = CaseSynthesizer(context: context)
                    var batch = BulkRows(index: index, expectedCases: range.count)
                    synthesizer.synthesize(slots: range, into: &batch, rng: &rng)
                    return (index, writer.prepare(batch), batch.caseCount, batch.totalRows)
                }
            }
            while scheduled < min(inFlight, batches) { schedule() }
            var ready: [Int: (W.Prepared, Int, Int)] = [:]
            var next = 0
            while let (index, prepared, batchCases, batchRows) = try await group.next() {
                ready[index] = (prepared, batchCases, batchRows)
                while let (prepared, batchCases, batchRows) = ready.removeValue(forKey: next) {
                    if scheduled < batches { schedule() }
                    try await writer.write(prepared, cases: batchCases)
                    cases += batchCases
                    rows += batchRows
                    next += 1
                    progress(cases, Date().timeIntervalSince(began))
                }
            }
        }
        try await writer.finish()
        return (cases, rows)
    }
}
