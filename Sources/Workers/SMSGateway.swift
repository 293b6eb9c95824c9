import Domain
import Foundation

/// Delivers one SMS. Throwing means "not delivered, try again later".
public protocol SMSGateway: Sendable {
    /// Returns the provider's message id, if it gives one.
    func send(_ sms: OutboundSMS) async throws -> String?
}

/// A delivery the provider refused or that did not reach it.
public struct SMSDeliveryError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
