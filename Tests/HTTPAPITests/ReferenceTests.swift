import Foundation
import Testing
import TestSupport

@Suite(.timeLimit(.minutes(10))) struct ReferenceTests {
    @Test(arguments: TestDatabase.all)
    func referenceDataIsSeeded(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let provinces = try await api.get("/api/v1/provinces").array
            #expect(provinces.count == 31)
            #expect(provinces.allSatisfy { ($0["counties"] as? [Any])?.isEmpty == false })
            let categories = try await api.get("/api/v1/categories").array
            #expect(categories.count == 10)
            #expect(categories.first?["code"] as? String == "interestFreeLoan")
            let banks = try await api.get("/api/v1/agencies?province=\(app.fixtures.province)&kind=bank").array
            let names = banks.compactMap { $0["name"] as? String }
            for bank in ["ملی", "ملت", "تجارت", "صادرات", "رفاه"] {
                #expect(names.contains { $0.contains(bank) }, "\(bank)")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func adminsEditAgenciesAndCategories(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let agency: [String: Any] = ["name": "اداره کل تعاون، کار و رفاه اجتماعی", "kind": "ministryDirectorate", "province": f.province]
            #expect(try await api.post("/api/v1/agencies", token: f.token("supervisor"), json: agency).status == 403)
            #expect(try await api.post("/api/v1/agencies", token: f.token("adminProvince"), json: agency.merging(["province": f.otherProvince]) { $1 }).status == 403)
            let created = try await api.post("/api/v1/agencies", token: f.token("adminProvince"), json: agency)
            #expect(created.status == 201)
            let id = try #require(created.int("id"))
            let renamed = try await api.send(.put, "/api/v1/agencies/\(id)", token: f.token("admin"), json: agency.merging(["name": "اداره کل تعاون", "active": false]) { $1 })
            #expect(renamed.status == 200)
            #expect(renamed.string("name") == "اداره کل تعاون")

            let category: [String: Any] = ["code": "education", "name": "آموزش و پرورش", "defaultAgencyKind": "ministryDirectorate", "answerDays": 7, "active": true]
            #expect(try await api.post("/api/v1/categories", token: f.token("adminProvince"), json: category).status == 403)
            #expect(try await api.post("/api/v1/categories", token: f.token("admin"), json: category).status == 201)
            #expect(try await api.post("/api/v1/categories", token: f.token("admin"), json: category).errorCode == "category_exists")
            let bad = try await api.send(.put, "/api/v1/categories/education", token: f.token("admin"), json: ["name": "آموزش", "defaultAgencyKind": "ministryDirectorate", "answerDays": 0])
            #expect(bad.errorCode == "invalid_answer_days")
            let edited = try await api.send(.put, "/api/v1/categories/education", token: f.token("admin"), json: ["name": "آموزش", "defaultAgencyKind": "ministryDirectorate", "answerDays": 5])
            #expect(edited.int("answerDays") == 5)
            #expect(try await api.get("/api/v1/categories").array.count == 11)
            // The new category is usable at once.
            #expect(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(category: "education")).status == 201)
        }
    }
}

@Suite(.timeLimit(.minutes(10))) struct SystemRouteTests {
    @Test func healthSpecAndMetrics() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            let health = try await api.get("/health")
            #expect(health.status == 200)
            #expect(health.string("database") == "sqlite")
            let spec = try await api.get("/openapi.yaml")
            #expect(spec.status == 200)
            #expect(spec.text.contains("operationId: registerCase"))
        }
    }

    @Test func metricsAnswerOnlyTheScraperWithTheToken() async throws {
        let token = "scraper-token-0123456789"
        try await withTestAPI(database: .sqlite, configure: { $0.metricsToken = token }) { _, api in
            _ = try await api.get("/api/v1/categories")
            // Anyone else: as if there were no such address.
            #expect(try await api.get("/metrics").status == 404)
            #expect(try await api.get("/metrics", headers: ["Authorization": "Bearer wrong-token-0123456789"]).status == 404)
            let metrics = try await api.get("/metrics", headers: ["Authorization": "Bearer \(token)"])
            #expect(metrics.status == 200)
            #expect(metrics.text.contains("hb_requests"))
        }
    }

    @Test func withoutATokenMetricsAnswerOnlyThisMachine() async throws {
        try await withTestAPI(database: .sqlite) { _, api in
            // The test router's client has no loopback address: refused.
            #expect(try await api.get("/metrics").status == 404)
            // From this machine (the client address behind a trusted proxy is the forwarded one).
            let local = try await api.get("/metrics", headers: ["X-Forwarded-For": "127.0.0.1"])
            #expect(local.status == 404, "X-Forwarded-For counts only with SAMAD_TRUST_PROXY=on")
        }
        try await withTestAPI(database: .sqlite, configure: { $0.trustProxy = true }) { _, api in
            let local = try await api.get("/metrics", headers: ["X-Forwarded-For": "127.0.0.1"])
            let remote = try await api.get("/metrics", headers: ["X-Forwarded-For": "203.0.113.9"])
            #expect(local.status == 200)
            #expect(remote.status == 404)
        }
    }
}
