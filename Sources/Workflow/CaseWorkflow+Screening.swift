import Domain
import Foundation
import PersianKit
import Storage

/// Screening (پایش): answer directly, refer, withdraw a referral, merge, close.
extension CaseWorkflow {
    public func answerDirectly(
        _ code: TrackingCode, answer: String, expectedVersion: Int?, by caller: StaffCaller
    ) async throws -> CaseDetail {
        try caller.require(.screenCase)
        let current = try await visibleCase(code, to: caller)
        return try await cases.answerDirectly(
            current.case.trackingCode, answer: answer, actor: caller.actor, expectedVersion: expectedVersion)
    }

    public func refer(
        _ code: TrackingCode, to agencyIDs: [Int], note: String?, expectedVersion: Int?, by caller: StaffCaller
    ) async throws -> CaseDetail {
        try caller.require(.screenCase)
        let current = try await visibleCase(code, to: caller)
        return try await cases.refer(
            current.case.trackingCode, to: agencyIDs, note: note, actor: caller.actor, expectedVersion: expectedVersion)
    }

    /// Both letters must be visible to the caller; the rules on the pair are `CaseRules.checkMerge`.
    public func merge(_ code: TrackingCode, into target: TrackingCode, by caller: StaffCaller) async throws -> CaseDetail {
        try caller.require(.screenCase)
        let source = try await visibleCase(code, to: caller)
        let into = try await visibleCase(target, to: caller)
        return try await cases.merge(source.case.trackingCode, into: into.case.trackingCode, actor: caller.actor)
    }

    /// The citizen's other open letters `detail` may be merged into (earlier ones, in the caller's
    /// scope), newest first: what the case page offers instead of a typed code.
    public func mergeTargets(for detail: CaseDetail, by caller: StaffCaller) async throws -> [CaseSummary] {
        try caller.require(.screenCase)
        guard detail.case.status.isOpen,
            let (citizen, cases) = try await cases.citizenHistory(
                nationalID: detail.citizen.nationalID, mobile: detail.citizen.mobile, limit: 20),
            citizen.id == detail.case.citizenID
        else { return [] }
        return cases.filter {
            CaseRules.mayMerge(detail.case, intoStatus: $0.status, createdAt: $0.createdAt, code: $0.trackingCode)
                && AccessPolicy.canSee(caller.staff, caseProvince: $0.provinceCode, referredAgencyIDs: [])
        }
    }

    public func close(_ code: TrackingCode, note: String?, by caller: StaffCaller) async throws -> CaseDetail {
        try caller.require(.screenCase)
        let current = try await visibleCase(code, to: caller)
        return try await cases.close(current.case.trackingCode, note: note, actor: caller.actor)
    }

    /// Screening takes an open referral of a case it can see back, with a reason.
    public func withdrawReferral(_ referralID: Int, reason: String, by caller: StaffCaller) async throws -> CaseDetail {
        try caller.require(.screenCase)
        _ = try await caseOfVisibleReferral(referralID, to: caller)
        return try await cases.withdrawReferral(referralID, reason: reason, actor: caller.actor)
    }
}
