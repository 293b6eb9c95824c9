import Foundation

/// Returns (بازگشت): an agency sends a referral back as not its own, with a reason. The second time a
/// case comes back, it goes to the supervisor with both reasons: the screening queue marks it and
/// can list only such cases, and its history says why.
extension CaseRules {
    /// From this many returns, a case is the supervisor's.
    public static let returnsBeforeSupervisor = 2

    /// Whether the case waits for the supervisor: back in screening after being returned twice or more.
    public static func needsSupervisor(_ c: Case) -> Bool {
        c.returns >= returnsBeforeSupervisor && (c.status == .registered || c.status == .reopened)
    }

    /// The reasons of the last `returnsBeforeSupervisor` returns in `events`, agency by agency.
    static func returnReasons(_ events: [CaseEvent]) -> String {
        events.filter { $0.kind == .referralReturned }.suffix(returnsBeforeSupervisor)
            .map { "«\($0.agencyName ?? "")»: \($0.text ?? "")" }
            .joined(separator: "\n")
    }
}
