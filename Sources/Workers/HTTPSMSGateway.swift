import AsyncHTTPClient
import Domain
import Foundation
import NIOCore
import NIOHTTP1

/// Posts each SMS as JSON to a provider's URL (`SAMAD_SMS_URL`), with the notification id as the
/// provider's idempotency key so a retry after a lost answer cannot send a second message.
public struct HTTPSMSGateway: SMSGateway {
    let url: String
    let token: String?
    let client: HTTPClient
    let timeout: TimeAmount

    public init(url: String, token: String?, client: HTTPClient = .shared, timeout: TimeAmount = .seconds(10)) {
        self.url = url
        self.token = token
        self.client = client
        self.timeout = timeout
    }

    struct Payload: Encodable {
        let to: String
        let text: String
        let reference: String
    }

    public func send(_ sms: OutboundSMS) async throws -> String? {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "Idempotency-Key", value: "samad-sms-\(sms.id)")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        let payload = Payload(to: sms.mobile, text: sms.text, reference: "samad-sms-\(sms.id)")
        request.body = .bytes(ByteBuffer(data: try JSONEncoder().encode(payload)))
        let response = try await client.execute(request, timeout: timeout)
        let body = try await response.body.collect(upTo: 64 * 1024)
        guard (200..<300).contains(response.status.code) else {
            throw SMSDeliveryError("provider answered \(response.status.code): \(String(buffer: body).prefix(200))")
        }
        return String(buffer: body).prefix(200).description
    }
}
