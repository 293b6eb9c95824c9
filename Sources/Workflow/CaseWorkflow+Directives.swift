import Domain
import Foundation
import PersianKit
import Storage

/// Directives (دستور): a governor, official or inspector directs an agency to act on a case they can
/// see; supervisors, inspectors, officials and admins follow them per official.
extension CaseWorkflow {
    public func issueDirective(
        _ code: TrackingCode, to agencyID: Int, text: String, due: DirectiveDue, by caller: StaffCaller
    ) async throws -> CaseDetail {
        try caller.require(.issueDirective)
        let current = try await visibleCase(code, to: caller)
        return try await cases.issueDirective(current.case.trackingCode, to: agencyID, text: text, due: due, issuer: caller.staff)
    }

    /// One page of the directives of the caller's province (the country for national staff), latest
    /// due first: of `issuerID` when given, else everyone's.
    public func directives(
        by caller: StaffCaller, issuerID: Int?, openOnly: Bool, limit: Int, cursor: String?
    ) async throws -> InboxPage {
        try caller.require(.followDeadlines)
        return try await cases.directives(
            issuerID: issuerID, openOnly: openOnly, scopeProvince: caller.staff.provinceCode, limit: limit,
            cursor: cursor)
    }

    /// What became of the directives of each official in the caller's province, the most directives first.
    public func directiveTallies(by caller: StaffCaller) async throws -> [DirectiveTally] {
        try caller.require(.followDeadlines)
        let records = try await cases.directiveRecords(scopeProvince: caller.staff.provinceCode)
        return DirectiveTally.tallies(records, now: gate.now(), calendar: cases.calendar)
    }
}
