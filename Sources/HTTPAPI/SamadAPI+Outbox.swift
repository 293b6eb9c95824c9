import Domain
import Foundation
import Storage
import Workflow

/// The SMS outbox: an admin sends again a message that gave up.
extension SamadAPI {
    func retryNotification(_ input: Operations.RetryNotification.Input) async throws -> Operations.RetryNotification.Output {
        let admin = try await staff(for: .retryNotification)
        let entry = try await OutboxRetry.retry(input.path.notificationId, by: admin, outbox: outbox)
        return .ok(.init(body: .json(.init(entry))))
    }
}

extension Components.Schemas.NotificationView {
    init(_ e: OutboxEntry) {
        self.init(
            id: e.id, kind: .init(rawValue: e.kind.rawValue) ?? .registered, status: .init(rawValue: e.status.rawValue) ?? .pending,
            attempts: e.attempts, mobile: e.maskedMobile,
            trackingCode: e.trackingCode, lastError: e.lastError, createdAt: e.createdAt)
    }
}
