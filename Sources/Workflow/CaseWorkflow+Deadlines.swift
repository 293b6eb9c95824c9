import Domain
import Foundation
import Storage

/// Following late referrals: the referrals that reached escalation level 1 (the agency's head was
/// told) or level 2 (the provincial inspection office's queue), in the caller's province.
extension CaseWorkflow {
    /// One page of the open referrals at `level` or above, most overdue first; `level` is 1 or 2.
    public func overdue(by caller: StaffCaller, level: Int, limit: Int, cursor: String?) async throws -> InboxPage {
        try caller.require(.followDeadlines)
        guard (1...CaseRules.topEscalationLevel).contains(level) else {
            throw DomainError(
                .invalid, "escalation_level_out_of_range", fa: "سطح پیگیری باید ۱ یا ۲ باشد.", en: "The escalation level is 1 or 2.",
                field: "level")
        }
        return try await cases.overdue(minLevel: level, scopeProvince: caller.staff.provinceCode, limit: limit, cursor: cursor)
    }

    /// The breach register of the caller's province: referrals and directives that reached level 2.
    public func breaches(by caller: StaffCaller, limit: Int, cursor: String?) async throws -> InboxPage {
        try caller.require(.followDeadlines)
        return try await cases.breaches(scopeProvince: caller.staff.provinceCode, limit: limit, cursor: cursor)
    }

    /// The inspection office records what it did about a referral of a case it can see.
    public func recordInspection(_ referralID: Int, action: String, by caller: StaffCaller) async throws -> CaseDetail {
        try caller.require(.recordInspection)
        _ = try await caseOfVisibleReferral(referralID, to: caller)
        return try await cases.recordInspection(referralID, action: action, actor: caller.actor)
    }
}
