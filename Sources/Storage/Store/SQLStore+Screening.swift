import Domain
import Foundation
import PersianKit
import SQLKit

/// Screening (پایش): answer directly, refer, merge, close.
extension SQLStore {
    public func answerDirectly(_ code: TrackingCode, answer: String, actor: Actor, expectedVersion: Int?) async throws -> CaseDetail {
        let at = now()
        let text = try TextInput.required(answer, field: "answer", fa: "متن پاسخ", max: TextInput.maxNote)
        return try await client.write { db in
            var (c, mobile) = try await lockCase(db, code: code)
            try Self.checkVersion(c, expectedVersion)
            try CaseRules.checkAnswerDirectly(c)
            c.status = .answered
            c.answer = text
            try await save(db, c, at: at)
            try await appendEvent(db, c, .answered, actor: actor, at: at, text: text)
            try await enqueueSMS(db, c, .answered, to: mobile, text: SMSText.answered(code, link: trackingLink(code)), at: at)
            return try await detail(db, caseID: c.id)
        }
    }

    public func refer(_ code: TrackingCode, to agencyIDs: [Int], note: String?, actor: Actor, expectedVersion: Int?) async throws -> CaseDetail {
        let at = now()
        let note = try TextInput.optional(note, field: "note", fa: "یادداشت ارجاع", max: TextInput.maxNote)
        // Each agency once, in the order chosen.
        var seen = Set<Int>()
        let agencies = agencyIDs.filter { seen.insert($0).inserted }
        guard !agencies.isEmpty else {
            throw DomainError(.invalid, "agencies_required", fa: "دست‌کم یک دستگاه را برای ارجاع برگزینید.", en: "Choose at least one agency.", field: "agencyIds")
        }
        guard agencies.count <= 10 else {
            throw DomainError(.invalid, "too_many_agencies", fa: "یک نامه را به بیش از ۱۰ دستگاه نمی‌توان ارجاع داد.", en: "At most 10 agencies per referral.", field: "agencyIds")
        }
        return try await client.write { db in
            var (c, mobile) = try await lockCase(db, code: code)
            try Self.checkVersion(c, expectedVersion)
            try CaseRules.checkRefer(c)
            let existing = try await referrals(db, caseID: c.id)
            let days = try await db.raw("SELECT answer_days FROM categories WHERE code = \(bind: c.categoryCode)").first()?.int("answer_days")
                ?? Domain.Category.defaultAnswerDays
            let due = calendar.adding(businessDays: days, to: at)
            for agencyID in agencies {
                // Shared lock: an admin deactivating the agency waits for this referral (and then sees it).
                let share = engine == .postgres ? " FOR SHARE" : ""
                let row = try await db.raw("SELECT name, active FROM agencies WHERE id = \(bind: agencyID)\(unsafeRaw: share)").first()
                guard let row, try row.bool("active") else {
                    throw DomainError(.invalid, "unknown_agency", fa: "دستگاه اجرایی شناخته نشد.", en: "Unknown agency.", field: "agencyIds")
                }
                if existing.contains(where: { $0.agencyID == agencyID && $0.status.isOpen }) {
                    throw DomainError(.conflict, "already_referred", fa: "نامه هم‌اکنون نزد این دستگاه است.", en: "The case is already open at this agency.", field: "agencyIds")
                }
                let name = try row.string("name")
                try await db.raw(
                    """
                    INSERT INTO referrals (case_id, province_code, agency_id, status, note, due_at, escalation_level,
                        created_at, updated_at)
                    VALUES (\(bind: c.id), \(bind: c.provinceCode), \(bind: agencyID), 'pending', \(bind: note),
                        \(bind: due.millis), 0, \(bind: at.millis), \(bind: at.millis))
                    """
                ).run()
                try await appendEvent(db, c, .referred, actor: actor, at: at, agencyID: agencyID, agencyName: name, text: note)
                try await enqueueSMS(db, c, .referred, to: mobile, text: SMSText.referred(code, agency: name), at: at)
            }
            c.status = .referred
            try await save(db, c, at: at)
            return try await detail(db, caseID: c.id)
        }
    }

    public func merge(_ code: TrackingCode, into target: TrackingCode, actor: Actor) async throws -> CaseDetail {
        let at = now()
        return try await client.write { db in
            var (source, mobile) = try await lockCase(db, code: code)
            let (targetCase, _) = try await lockCase(db, code: target)
            try CaseRules.checkMerge(source, into: targetCase)
            for r in try await referrals(db, caseID: source.id, lock: true) where r.status.isOpen {
                try await db.raw(
                    "UPDATE referrals SET status = 'cancelled', updated_at = \(bind: at.millis) WHERE id = \(bind: r.id)"
                ).run()
                try await appendEvent(db, source, .referralCancelled, actor: actor, at: at, agencyID: r.agencyID, agencyName: r.agencyName)
            }
            source.status = .merged
            source.mergedIntoID = targetCase.id
            try await save(db, source, at: at)
            try await appendEvent(db, source, .merged, actor: actor, at: at, text: PersianDigits.toPersian(target.value))
            try await enqueueSMS(db, source, .merged, to: mobile, text: SMSText.merged(code, into: target), at: at)
            return try await detail(db, caseID: source.id)
        }
    }

    public func close(_ code: TrackingCode, note: String?, actor: Actor) async throws -> CaseDetail {
        let at = now()
        let note = try TextInput.optional(note, field: "note", fa: "یادداشت", max: TextInput.maxNote)
        return try await client.write { db in
            var (c, _) = try await lockCase(db, code: code)
            try CaseRules.checkClose(c)
            c.status = .closed
            try await save(db, c, at: at)
            try await appendEvent(db, c, .closed, actor: actor, at: at, text: note)
            return try await detail(db, caseID: c.id)
        }
    }

    static func checkVersion(_ c: Case, _ expected: Int?) throws {
        if let expected, expected != c.version { throw DomainError.staleVersion }
    }
}
