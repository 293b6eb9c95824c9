import Domain
import SQLKit

/// Status values in SQL come from the Domain's enums, never typed into a query: these literal
/// lists (kept literal so the planner can match partial indexes) are built from them.
extension SQLStore {
    /// `'pending', 'accepted'`: the referral statuses that still need the agency.
    static let openReferralStatuses = literalList(ReferralStatus.allCases.filter(\.isOpen).map(\.rawValue))

    /// A status value as an SQL literal (enum raw values are plain ASCII words).
    /// One outbox status as an SQL literal.
    static func literal(_ status: NotificationStatus) -> String { literal(status.rawValue) }

    static func literal(_ value: String) -> String {
        precondition(value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }, "status values are plain words")
        return "'\(value)'"
    }

    static func literalList(_ values: [String]) -> String {
        values.map(literal).joined(separator: ", ")
    }
}
