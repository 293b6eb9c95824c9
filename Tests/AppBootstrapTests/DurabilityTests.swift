import AsyncHTTPClient
import Domain
import Foundation
import NIOCore
import PersianKit
import Storage
import Synchronization
import Testing
import TestSupport

/// Every 201 is a promise: the case and its SMS survive the server being killed mid-burst.
@Suite(.serialized, .timeLimit(.minutes(10))) struct DurabilityTests {
    @Test(arguments: TestDatabase.all)
    func everyAcknowledgedCaseSurvivesSIGKILL(engine: TestDatabase) async throws {
        let scratch = try await ScratchDatabase.create(engine)
        defer { Task { await scratch.drop() } }
        // setup
        let staffOutput = try await ServerProcess.run(["staff", "add", "--username", "op", "--role", "operator"], scratch: scratch)
        let token = try #require(staffOutput.split(separator: "\n").last.map(String.init))
        let provinces = try await DatabaseLocation.postgresOrSQLite(scratch).open()
        let provinceCode = try await SQLStore(client: provinces).provinces()[0].code
        try await provinces.shutdown()
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = client.shutdown() }
        let server = try ServerProcess(scratch: scratch)
        defer { server.end() }
        try await server.waitUntilReady(client)

        // act: a burst of registrations, killed with SIGKILL after the 100th acknowledgement
        let acknowledged = CodeList()
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<16 {
                group.addTask {
                    for i in 0..<40 {
                        let n = worker * 40 + i
                        var request = HTTPClientRequest(url: server.baseURL + "/api/v1/cases")
                        request.method = .POST
                        request.headers.add(name: "Authorization", value: "Bearer \(token)")
                        request.headers.add(name: "Content-Type", value: "application/json")
                        request.body = .bytes(ByteBuffer(data: Self.body(n: n, province: provinceCode)))
                        guard let response = try? await client.execute(request, timeout: .seconds(10)) else { return }
                        let data = try? await response.body.collect(upTo: 1 << 20)
                        guard response.status == .created, let data,
                            let json = try? JSONSerialization.jsonObject(with: Data(buffer: data)) as? [String: Any],
                            let code = json["trackingCode"] as? String
                        else { return }
                        let count = acknowledged.append(code)
                        if count == 100 { try? await server.kill() }
                    }
                }
            }
        }
        try await server.kill()
        let codes = acknowledged.all
        #expect(codes.count >= 100)

        // check: after a restart every acknowledged case is there, with its SMS 1
        let restarted = try ServerProcess(scratch: scratch)
        defer { restarted.end() }
        try await restarted.waitUntilReady(client)
        let database = try await DatabaseLocation.postgresOrSQLite(scratch).open()
        let store = SQLStore(client: database)
        for code in codes {
            let detail = try await store.detail(try TrackingCode(parsing: code))
            #expect(detail != nil, "case \(code) acknowledged but lost")
            if let detail {
                let sms = try await store.notifications(caseID: detail.case.id)
                #expect(sms.contains { $0.kind == .registered }, "case \(code) lost its SMS")
                #expect(detail.events.first?.kind == .registered)
            }
        }
        try await database.shutdown()
    }

    static func body(n: Int, province: String) -> Data {
        let base = String(format: "%09d", 200_000 + n * 41)
        let digits = base.map { Int(String($0))! }
        let r = digits.enumerated().reduce(0) { $0 + $1.element * (10 - $1.offset) } % 11
        let json: [String: Any] = [
            "channel": "phone111", "kind": "request", "category": "livingAssistance",
            "subject": "درخواست کمک معیشتی \(n)", "body": "خانواده پنج نفره هستیم و درآمدی نداریم.",
            "citizen": [
                "nationalId": base + String(r < 2 ? r : 11 - r), "mobile": "0912\(String(format: "%07d", n))",
                "firstName": "مریم", "lastName": "احمدی", "province": province,
            ],
        ]
        return try! JSONSerialization.data(withJSONObject: json)
    }
}

extension DatabaseLocation {
    static func postgresOrSQLite(_ scratch: ScratchDatabase) -> DatabaseLocation {
        if let url = scratch.databaseURL { return .postgres(url: url, schema: scratch.schema) }
        return .sqlite(path: scratch.dataDir + "/samad.sqlite")
    }
}

/// Tracking codes acknowledged so far, shared by the burst's tasks.
final class CodeList: Sendable {
    private let codes = Mutex<[String]>([])

    func append(_ code: String) -> Int { codes.withLock { $0.append(code); return $0.count } }
    var all: [String] { codes.withLock { $0 } }
}
