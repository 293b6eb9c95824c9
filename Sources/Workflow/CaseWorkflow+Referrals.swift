import Domain
import Foundation
import Storage

/// The agency's side of a referral: accept, answer, return as not ours.
extension CaseWorkflow {
    public func acceptReferral(_ referralID: Int, by caller: StaffCaller) async throws -> CaseDetail {
        try caller.require(.handleReferral)
        _ = try await caseOfHandleableReferral(referralID, by: caller)
        return try await cases.acceptReferral(referralID, actor: caller.actor)
    }

    public func answerReferral(_ referralID: Int, answer: String, by caller: StaffCaller) async throws -> CaseDetail {
        try caller.require(.handleReferral)
        _ = try await caseOfHandleableReferral(referralID, by: caller)
        return try await cases.answerReferral(referralID, answer: answer, actor: caller.actor)
    }

    /// The agency (its liaison, or an admin in scope) records a call to the citizen about its referral.
    public func recordCallBack(
        _ referralID: Int, outcome: CallOutcome, calledAt: Date?, note: String?, by caller: StaffCaller
    ) async throws -> CaseDetail {
        try caller.require(.handleReferral)
        _ = try await caseOfHandleableReferral(referralID, by: caller)
        return try await cases.recordCallBack(referralID, outcome: outcome, calledAt: calledAt, note: note, actor: caller.actor)
    }

    public func returnReferral(_ referralID: Int, reason: String, by caller: StaffCaller) async throws -> CaseDetail {
        try caller.require(.handleReferral)
        _ = try await caseOfHandleableReferral(referralID, by: caller)
        return try await cases.returnReferral(referralID, reason: reason, actor: caller.actor)
    }
}
