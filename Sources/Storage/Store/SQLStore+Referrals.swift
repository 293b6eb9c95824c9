import Domain
import Foundation
import PersianKit
import SQLKit

/// An agency's side of a referral: accept, answer, return as not ours.
extension SQLStore {
    public func acceptReferral(_ referralID: Int, actor: Actor) async throws -> CaseDetail {
        try await changeReferral(referralID, actor: actor) { _, r in
            try CaseRules.checkAccept(r)
            return (.accepted, .referralAccepted, nil)
        }
    }

    public func answerReferral(_ referralID: Int, answer: String, actor: Actor) async throws -> CaseDetail {
        let text = try TextInput.required(answer, field: "answer", fa: "متن پاسخ", max: TextInput.maxNote)
        return try await changeReferral(referralID, actor: actor) { _, r in
            try CaseRules.checkAnswer(r)
            return (.answered, .referralAnswered, text)
        }
    }

    public func returnReferral(_ referralID: Int, reason: String, actor: Actor) async throws -> CaseDetail {
        let text = try TextInput.required(reason, field: "reason", fa: "دلیل بازگرداندن", max: TextInput.maxNote)
        return try await changeReferral(referralID, actor: actor) { _, r in
            try CaseRules.checkReturn(r)
            return (.returned, .referralReturned, text)
        }
    }

    /// Screening takes the referral back, with a reason (written to the history).
    public func withdrawReferral(_ referralID: Int, reason: String, actor: Actor) async throws -> CaseDetail {
        let text = try TextInput.required(reason, field: "reason", fa: "دلیل پس گرفتن ارجاع", max: TextInput.maxNote)
        return try await changeReferral(referralID, actor: actor) { _, r in
            try CaseRules.checkWithdraw(r)
            return (.cancelled, .referralWithdrawn, text)
        }
    }

    /// Moves one referral, then lets the case's status follow all its referrals (SMS 3 when it becomes answered).
    private func changeReferral(
        _ referralID: Int, actor: Actor,
        _ decide: @escaping @Sendable (Case, Referral) throws -> (ReferralStatus, CaseEventKind, String?)
    ) async throws -> CaseDetail {
        let at = now()
        return try await client.write { db in
            guard let caseRow = try await db.raw("SELECT case_id FROM referrals WHERE id = \(bind: referralID)").first() else {
                throw DomainError.notFound("referral", fa: "ارجاع")
            }
            var (c, mobile) = try await lockCase(db, id: try caseRow.int("case_id"))
            let before = try await referrals(db, caseID: c.id, lock: true)
            guard let referral = before.first(where: { $0.id == referralID }) else {
                throw DomainError.notFound("referral", fa: "ارجاع")
            }
            let (status, event, text) = try decide(c, referral)
            let answer = status == .answered ? text : referral.answer
            let reason = status == .returned ? text : referral.returnReason
            let answeredAt = status == .answered ? at.millis : referral.answeredAt?.millis
            try await db.raw(
                """
                UPDATE referrals SET status = \(bind: status.rawValue), updated_at = \(bind: at.millis),
                    answer = \(bind: answer), return_reason = \(bind: reason), answered_at = \(bind: answeredAt)
                WHERE id = \(bind: referralID)
                """
            ).run()
            try await appendEvent(
                db, c, event, actor: actor, at: at, agencyID: referral.agencyID, agencyName: referral.agencyName, text: text)
            let after = try await referrals(db, caseID: c.id)
            let history = try await events(db, caseID: c.id)
            let next = CaseRules.statusAfterReferralChange(after, events: history)
            if next != c.status {
                c.status = next
                if next == .answered {
                    c.answer = CaseRules.combinedAnswer(history)
                    try await appendEvent(db, c, .answered, actor: actor, at: at, text: c.answer)
                    try await enqueueSMS(db, c, .answered, to: mobile, text: SMSText.answered(c.trackingCode, link: trackingLink(c.trackingCode)), at: at)
                }
            }
            try await save(db, c, at: at)
            return try await detail(db, caseID: c.id)
        }
    }

    public func rate(_ code: TrackingCode, mobile: MobileNumber, rating: Int, comment: String?) async throws -> CaseDetail {
        let at = now()
        let comment = try TextInput.optional(comment, field: "comment", fa: "توضیح", max: TextInput.maxNote)
        return try await client.write { db in
            var (c, owner) = try await lockCase(db, code: code)
            // A wrong mobile looks exactly like a wrong code: nothing leaks.
            guard owner == mobile else { throw DomainError.caseNotFound }
            try CaseRules.checkRate(c, events: try await events(db, caseID: c.id), rating: rating)
            let actor = Actor.citizen(citizenID: c.citizenID)
            c.rating = rating
            c.status = CaseRules.statusAfterRating(rating)
            try await save(db, c, at: at)
            try await appendEvent(db, c, .rated, actor: actor, at: at, text: comment, rating: rating)
            try await appendEvent(db, c, c.status == .reopened ? .reopened : .closed, actor: actor, at: at)
            return try await detail(db, caseID: c.id)
        }
    }
}
