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
