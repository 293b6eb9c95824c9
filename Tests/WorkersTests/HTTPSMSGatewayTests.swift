import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
import Workers

/// The HTTP gateway against a provider stand-in on loopback.
@Suite(.timeLimit(.minutes(10))) struct HTTPSMSGatewayTests {
    @Test func postsJSONWithTheIdempotencyKeyAndFailsOnErrors() async throws {
        let received = Received()
        let router = Router()
        router.post("/sms") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 10_000)
            received.add((request.headers[HTTPField.Name("Idempotency-Key")!], request.headers[.authorization], String(buffer: body)))
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "msg-1")))
        }
        router.post("/down") { _, _ -> Response in Response(status: .serviceUnavailable) }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let sms = OutboundSMS(id: 42, caseID: 7, kind: .registered, mobile: "09121234567", text: "سامد: ثبت شد", status: .pending, attempts: 0)
            let gateway = HTTPSMSGateway(url: "http://127.0.0.1:\(port)/sms", token: "secret")
            #expect(try await gateway.send(sms) == "msg-1")
            let down = HTTPSMSGateway(url: "http://127.0.0.1:\(port)/down", token: nil)
            await #expect(throws: SMSDeliveryError.self) { try await down.send(sms) }
        }
        let calls = received.all
        #expect(calls.count == 1)
        #expect(calls[0].0 == "samad-sms-42")
        #expect(calls[0].1 == "Bearer secret")
        #expect(calls[0].2.contains("09121234567"))
        #expect(calls[0].2.contains("سامد"))
    }
}

/// What the provider stand-in received.
final class Received: Sendable {
    private let calls = Mutex<[(String?, String?, String)]>([])
    func add(_ call: (String?, String?, String)) { calls.withLock { $0.append(call) } }
    var all: [(String?, String?, String)] { calls.withLock { $0 } }
}
