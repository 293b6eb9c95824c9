import Domain
import Foundation
import SQLKit

/// One case that breaks the invariant, with what is wrong (`CaseRules.invariantViolation`).
public struct InvariantViolation: Sendable, Hashable {
    public let trackingCode: String
    public let status: CaseStatus
    public let problem: String
}

extension SQLStore {
    /// Every case the invariant does not hold for, read in keyset batches so the whole table is
    /// walked in bounded memory. The rule is Domain's; this only supplies each case's facts.
    public func invariantViolations(batch: Int = 10_000) async throws -> [InvariantViolation] {
        var violations: [InvariantViolation] = []
        var after = 0
        while true {
            let from = after
            let rows = try await client.read { db in
                try await db.raw(
                    """
                    SELECT c.id, c.tracking_code, c.status, CASE WHEN c.answer IS NULL OR c.answer = '' THEN 0 ELSE 1 END AS has_answer,
                        (SELECT COUNT(*) FROM referrals r WHERE r.case_id = c.id AND r.status IN (\(unsafeRaw: Self.openReferralStatuses))) AS open_referrals
                    FROM cases c WHERE c.id > \(bind: from) ORDER BY c.id LIMIT \(literal: batch)
                    """
                ).all()
            }
            for row in rows {
                let status = try row.enumValue("status", as: CaseStatus.self)
                if let problem = CaseRules.invariantViolation(
                    status: status, openReferrals: try row.int("open_referrals"), hasAnswer: try row.int("has_answer") == 1)
                {
                    violations.append(.init(trackingCode: try row.string("tracking_code"), status: status, problem: problem))
                }
            }
            guard rows.count == batch, let last = rows.last else { return violations }
            after = try last.int("id")
        }
    }
}
