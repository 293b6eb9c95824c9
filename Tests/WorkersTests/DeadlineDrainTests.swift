import Foundation
import Logging
import Testing
import TestSupport
import Workers

/// `DeadlineWatcher.drain` (`samad worker --drain`): every due step across batches, once.
@Suite(.timeLimit(.minutes(10))) struct DeadlineDrainTests {
    @Test(arguments: TestDatabase.all)
    func aDrainedWatcherTakesEveryDueStepOnceAcrossBatches(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: five referrals, a watcher that takes two at a time
            let f = app.fixtures
            for n in 0..<5 {
                let code = try #require(
                    try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(subject: "نامه \(n)")).string("trackingCode"))
                _ = try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
            }
            let watcher = DeadlineWatcher(store: app.store, interval: .seconds(60), batchSize: 2, logger: Logger(label: "test"))
            app.clock.advance(by: 30 * 86_400)

            // act
            let first = try await watcher.drain()
            let second = try await watcher.drain()

            // check: every referral reached level 2 in one drain, and nothing is done twice
            #expect(first.deadlines.level1 == 5 && first.deadlines.level2 == 5)
            #expect(second.deadlines.level1 == 0 && second.deadlines.level2 == 0 && second.deadlines.reminded == 0)
            #expect(try await api.get("/api/v1/overdue", token: f.token("inspector")).list("items").count == 5)
        }
    }
}
