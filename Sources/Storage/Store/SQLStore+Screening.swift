import Domain
import Foundation
import PersianKit
import SQLKit

/// Screening (پایش): answer directly, refer, merge, close. Each reads what its rule needs, lets
/// `CaseRules` compute the change, and applies it, in one write transaction.
extension SQLStore {
    public func answerDirectly(_ code: TrackingCode, answer: String, actor: Actor, expectedVersion: Int?) async throws -> CaseDetail {
        let at = now()
        return try await client.write { db in
            let (c, mobile) = try await lockCase(db, code: code)
            let change = try CaseRules.answerDirectly(
                c, answer: answer, expectedVersion: expectedVersion, actor: actor, link: trackingLink(code))
            try await apply(db, change, mobile: mobile, at: at)
            return try await detail(db, caseID: c.id)
        }
    }

    public func refer(_ code: TrackingCode, to agencyIDs: [Int], note: String?, actor: Actor, expectedVersion: Int?) async throws -> CaseDetail {
        let at = now()
        return try await client.write { db in
            let (c, mobile) = try await lockCase(db, code: code)
            let existing = try await referrals(db, caseID: c.id)
            let category = try await category(db, code: c.categoryCode)
            // One more than a referral may name is enough for the rule to refuse the list.
            var agencies: [AgencyRef] = []
            for id in CaseRules.referralTargets(agencyIDs).prefix(CaseRules.maxAgenciesPerReferral + 1) {
                if let agency = try await agencyRef(db, id: id) { agencies.append(agency) }
            }
            let change = try CaseRules.refer(
                c, to: agencyIDs, agencies: agencies, existing: existing, note: note,
                answerDays: category?.answerDays ?? Domain.Category.defaultAnswerDays, escalation: category?.escalation ?? .standard,
                calendar: calendar,
                at: at, expectedVersion: expectedVersion, actor: actor, link: trackingLink(code))
            try await apply(db, change, mobile: mobile, at: at)
            return try await detail(db, caseID: c.id)
        }
    }

    public func merge(_ code: TrackingCode, into target: TrackingCode, actor: Actor) async throws -> CaseDetail {
        let at = now()
        return try await client.write { db in
            let (source, mobile) = try await lockCase(db, code: code)
            let (targetCase, _) = try await lockCase(db, code: target)
            let change = try CaseRules.merge(
                source, into: targetCase, referrals: try await referrals(db, caseID: source.id, lock: true), actor: actor,
                link: trackingLink(targetCase.trackingCode))
            try await apply(db, change, mobile: mobile, at: at)
            return try await detail(db, caseID: source.id)
        }
    }

    public func close(_ code: TrackingCode, note: String?, actor: Actor) async throws -> CaseDetail {
        let at = now()
        return try await client.write { db in
            let (c, mobile) = try await lockCase(db, code: code)
            try await apply(db, try CaseRules.close(c, note: note, actor: actor), mobile: mobile, at: at)
            return try await detail(db, caseID: c.id)
        }
    }
}
