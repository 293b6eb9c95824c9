import Domain
import Foundation
import PersianKit
import SQLKit

/// An agency's side of a referral (accept, answer, return as not ours), screening's withdrawal,
/// and the citizen's rating; `CaseRules` computes each change, this applies it.
extension SQLStore {
    public func acceptReferral(_ referralID: Int, actor: Actor) async throws -> CaseDetail {
        try await changeReferral(referralID, .accept, actor: actor)
    }

    public func answerReferral(_ referralID: Int, answer: String, actor: Actor) async throws -> CaseDetail {
        try await changeReferral(referralID, .answer(answer), actor: actor)
    }

    public func returnReferral(_ referralID: Int, reason: String, actor: Actor) async throws -> CaseDetail {
        try await changeReferral(referralID, .return(reason: reason), actor: actor)
    }

    /// Screening takes the referral back, with a reason (written to the history).
    public func withdrawReferral(_ referralID: Int, reason: String, actor: Actor) async throws -> CaseDetail {
        try await changeReferral(referralID, .withdraw(reason: reason), actor: actor)
    }

    /// The agency records a call to the citizen about its referral (`CaseRules.recordCallBack`).
    public func recordCallBack(
        _ referralID: Int, outcome: CallOutcome, calledAt: Date?, note: String?, actor: Actor
    ) async throws -> CaseDetail {
        let at = now()
        return try await client.write { db in
            guard let caseRow = try await db.raw("SELECT case_id FROM referrals WHERE id = \(bind: referralID)").first() else {
                throw DomainError.referralNotFound
            }
            let (c, mobile) = try await lockCase(db, id: try caseRow.int("case_id"))
            let change = try CaseRules.recordCallBack(
                c, referralID: referralID, referrals: try await referrals(db, caseID: c.id), outcome: outcome, calledAt: calledAt,
                note: note, actor: actor, now: at)
            try await apply(db, change, mobile: mobile, at: at)
            return try await detail(db, caseID: c.id)
        }
    }

    /// The inspection office records what it did about a referral in its queue (`CaseRules.recordInspection`).
    public func recordInspection(_ referralID: Int, action: String, actor: Actor) async throws -> CaseDetail {
        let at = now()
        return try await client.write { db in
            guard let caseRow = try await db.raw("SELECT case_id FROM referrals WHERE id = \(bind: referralID)").first() else {
                throw DomainError.referralNotFound
            }
            let (c, mobile) = try await lockCase(db, id: try caseRow.int("case_id"))
            let change = try CaseRules.recordInspection(
                c, referralID: referralID, referrals: try await referrals(db, caseID: c.id, lock: true), action: action, actor: actor,
                at: Date(millis: at.millis))
            try await apply(db, change, mobile: mobile, at: at)
            return try await detail(db, caseID: c.id)
        }
    }

    /// Moves one referral; the case's status then follows all its referrals (`CaseRules.changeReferral`).
    private func changeReferral(_ referralID: Int, _ action: ReferralAction, actor: Actor) async throws -> CaseDetail {
        let at = now()
        return try await client.write { db in
            guard let caseRow = try await db.raw("SELECT case_id FROM referrals WHERE id = \(bind: referralID)").first() else {
                throw DomainError.referralNotFound
            }
            let (c, mobile) = try await lockCase(db, id: try caseRow.int("case_id"))
            let change = try CaseRules.changeReferral(
                c, referralID: referralID, action, referrals: try await referrals(db, caseID: c.id, lock: true),
                events: try await events(db, caseID: c.id), actor: actor, at: Date(millis: at.millis),
                link: trackingLink(c.trackingCode))
            try await apply(db, change, mobile: mobile, at: at)
            return try await detail(db, caseID: c.id)
        }
    }

    public func rate(_ code: TrackingCode, mobile: MobileNumber, rating: Int, comment: String?) async throws -> CaseDetail {
        let at = now()
        return try await client.write { db in
            let (c, owner) = try await lockCase(db, code: code)
            let change = try CaseRules.rate(
                c, owner: owner, mobile: mobile, events: try await events(db, caseID: c.id), rating: rating, comment: comment,
                link: trackingLink(code))
            try await apply(db, change, mobile: owner, at: at)
            return try await detail(db, caseID: c.id)
        }
    }
}
