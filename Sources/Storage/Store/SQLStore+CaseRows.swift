import Domain
import Foundation
import PersianKit
import SQLKit

/// Reading and writing case rows inside a transaction; shared by every case operation.
extension SQLStore {
    static let caseColumns = """
        c.id, c.tracking_code, c.citizen_id, c.channel, c.kind, c.category_code, c.subject, c.body, c.province_code,
        c.county_code, c.status, c.priority, c.confidential, c.answer, c.merged_into_id, c.rating, c.created_at,
        c.updated_at, c.version, c.answered_at, c.returns
        """

    static func caseValue(from row: any SQLRow) throws -> Case {
        let code = try row.string("tracking_code")
        guard let tracking = try? TrackingCode(parsing: code) else { throw StorageError.corrupt("tracking_code=\(code)") }
        return Case(
            id: try row.int("id"), trackingCode: tracking, citizenID: try row.int("citizen_id"),
            channel: try row.enumValue("channel", as: Channel.self), kind: try row.enumValue("kind", as: CaseKind.self),
            categoryCode: try row.string("category_code"), subject: try row.string("subject"), body: try row.string("body"),
            provinceCode: try row.string("province_code"), countyCode: try row.optionalString("county_code"),
            status: try row.enumValue("status", as: CaseStatus.self),
            priority: try row.enumValue("priority", as: CasePriority.self), confidential: try row.bool("confidential"),
            answer: try row.optionalString("answer"), mergedIntoID: try row.optionalInt("merged_into_id"),
            rating: try row.optionalInt("rating"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"), version: try row.int("version"), answeredAt: try row.optionalDate("answered_at"),
            returns: try row.int("returns"))
    }

    /// The case with this code, locked for the rest of the transaction on PostgreSQL.
    func lockCase(_ db: any SQLDatabase, code: TrackingCode) async throws -> (Case, mobile: MobileNumber) {
        let row = try await db.raw(
            """
            SELECT \(unsafeRaw: Self.caseColumns), z.mobile FROM cases c JOIN citizens z ON z.id = c.citizen_id
            WHERE c.tracking_code = \(bind: code.value)\(unsafeRaw: engine.forUpdate)
            """
        ).first()
        guard let row else { throw DomainError.caseNotFound }
        return (try Self.caseValue(from: row), try row.mobile())
    }

    func lockCase(_ db: any SQLDatabase, id: Int) async throws -> (Case, mobile: MobileNumber) {
        let row = try await db.raw(
            """
            SELECT \(unsafeRaw: Self.caseColumns), z.mobile FROM cases c JOIN citizens z ON z.id = c.citizen_id
            WHERE c.id = \(bind: id)\(unsafeRaw: engine.forUpdate)
            """
        ).first()
        guard let row else { throw DomainError.caseNotFound }
        return (try Self.caseValue(from: row), try row.mobile())
    }

    /// Writes the case's mutable fields and bumps its version.
    func save(_ db: any SQLDatabase, _ c: Case, at: Date) async throws {
        try await db.raw(
            """
            UPDATE cases SET status = \(bind: c.status.rawValue), answer = \(bind: c.answer),
                merged_into_id = \(bind: c.mergedIntoID), rating = \(bind: c.rating), updated_at = \(bind: at.millis),
                answered_at = \(bind: c.answeredAt?.millis), returns = \(bind: c.returns), version = version + 1
            WHERE id = \(bind: c.id)
            """
        ).run()
    }

    /// Appends one row to the case's history, chained to the one before it (`ChainedCaseEvent`), and
    /// moves the case's head (count and last hash) on; returns the row. The case row is locked first
    /// (every caller already holds it), so two writers never chain onto the same head.
    @discardableResult
    func appendEvent(
        _ db: any SQLDatabase, _ c: Case, _ kind: CaseEventKind, actor: Actor, at: Date, agencyID: Int? = nil,
        agencyName: String? = nil, text: String? = nil, rating: Int? = nil
    ) async throws -> CaseEvent {
        let head = try await db.raw(
            "SELECT event_count, event_head FROM cases WHERE id = \(bind: c.id)\(unsafeRaw: engine.forUpdate)"
        ).one()
        let previous = try head.optionalString("event_head")
        let chained = ChainedCaseEvent(
            caseID: c.id, seq: try head.int("event_count") + 1, provinceCode: c.provinceCode, atMillis: at.millis,
            kind: kind.rawValue, actorKind: actor.kind, actorID: actor.id, actorName: actor.displayName, agencyID: agencyID,
            agencyName: agencyName, text: text, rating: rating)
        let hash = chained.hash(previous: previous)
        let id = try await db.raw(
            """
            INSERT INTO case_events (case_id, province_code, at, kind, actor_kind, actor_id, actor_name, agency_id,
                agency_name, text, rating, seq, prev_hash, hash)
            VALUES (\(bind: c.id), \(bind: c.provinceCode), \(bind: at.millis), \(bind: kind.rawValue),
                \(bind: actor.kind), \(bind: actor.id), \(bind: actor.displayName), \(bind: agencyID),
                \(bind: agencyName), \(bind: text), \(bind: rating), \(bind: chained.seq), \(bind: previous), \(bind: hash))
            RETURNING id
            """
        ).one().int("id")
        try await db.raw(
            "UPDATE cases SET event_count = \(bind: chained.seq), event_head = \(bind: hash) WHERE id = \(bind: c.id)"
        ).run()
        return CaseEvent(
            id: id, caseID: c.id, at: Date(millis: at.millis), kind: kind, actorKind: actor.kind, actorID: actor.id,
            actorName: actor.displayName, agencyID: agencyID, agencyName: agencyName, text: text, rating: rating)
    }

    /// Puts an SMS in the outbox, in the caller's transaction.
    func enqueueSMS(_ db: any SQLDatabase, _ c: Case, _ kind: NotificationKind, to mobile: MobileNumber, text: String, at: Date) async throws {
        try await db.raw(
            """
            INSERT INTO notifications (case_id, province_code, kind, mobile, text, status, attempts, next_attempt_at,
                claimed_until, created_at)
            VALUES (\(bind: c.id), \(bind: c.provinceCode), \(bind: kind.rawValue), \(bind: mobile.value), \(bind: text),
                \(bind: NotificationStatus.pending.rawValue), 0, \(bind: at.millis), 0, \(bind: at.millis))
            """
        ).run()
    }

    func referrals(_ db: any SQLDatabase, caseID: Int, lock: Bool = false) async throws -> [Referral] {
        let lockClause = lock ? engine.forUpdate : ""
        return try await db.raw(
            """
            SELECT \(unsafeRaw: Self.referralColumns) FROM referrals r \(unsafeRaw: Self.referralJoins)
            WHERE r.case_id = \(bind: caseID) ORDER BY r.id\(unsafeRaw: lock && engine == .postgres ? " FOR UPDATE OF r" : "")
            """
        ).all().map(Self.referral(from:))
    }

    /// The case's history, oldest first.
    func events(_ db: any SQLDatabase, caseID: Int) async throws -> [CaseEvent] {
        try await db.raw(
            """
            SELECT id, case_id, at, kind, actor_kind, actor_id, actor_name, agency_id, agency_name, text, rating
            FROM case_events WHERE case_id = \(bind: caseID) ORDER BY seq, id
            """
        ).all().map { row in
            CaseEvent(
                id: try row.int("id"), caseID: try row.int("case_id"), at: try row.date("at"),
                kind: try row.enumValue("kind", as: CaseEventKind.self), actorKind: try row.string("actor_kind"),
                actorID: try row.optionalInt("actor_id"), actorName: try row.string("actor_name"),
                agencyID: try row.optionalInt("agency_id"), agencyName: try row.optionalString("agency_name"),
                text: try row.optionalString("text"), rating: try row.optionalInt("rating"))
        }
    }

    /// The columns `referral(from:)` reads, from `referrals r` with `referralJoins`.
    static let referralColumns = """
        r.id, r.case_id, r.agency_id, a.name AS agency_name, r.status, r.note, r.answer, r.return_reason, r.due_at,
        r.escalation_level, r.created_at, r.answered_at, r.reminded_at, r.deadline_check_at, r.directed_by,
        d.display_name AS directed_by_name, d.role AS directed_by_role, r.inspection_note, r.inspected_at
        """

    /// The agency a referral went to, and who issued it when it is a directive.
    static let referralJoins = "JOIN agencies a ON a.id = r.agency_id LEFT JOIN staff d ON d.id = r.directed_by"

    static func referral(from row: any SQLRow) throws -> Referral {
        let issuer = try row.optionalInt("directed_by").map { id in
            DirectiveIssuer(
                id: id, name: try row.string("directed_by_name"), role: try row.enumValue("directed_by_role", as: StaffRole.self))
        }
        return Referral(
            id: try row.int("id"), caseID: try row.int("case_id"), agencyID: try row.int("agency_id"),
            agencyName: try row.string("agency_name"), status: try row.enumValue("status", as: ReferralStatus.self),
            note: try row.optionalString("note"), answer: try row.optionalString("answer"),
            returnReason: try row.optionalString("return_reason"), dueAt: try row.date("due_at"),
            escalationLevel: try row.int("escalation_level"), createdAt: try row.date("created_at"),
            answeredAt: try row.optionalDate("answered_at"), remindedAt: try row.optionalDate("reminded_at"),
            deadlineCheckAt: try row.optionalDate("deadline_check_at"), directedBy: issuer,
            inspectionNote: try row.optionalString("inspection_note"), inspectedAt: try row.optionalDate("inspected_at"))
    }

    /// Everything about one case, read on the given connection (inside a write, it sees that write).
    func detail(_ db: any SQLDatabase, caseID: Int) async throws -> CaseDetail {
        guard let detail = try await detail(db, matching: "c.id = \(bind: caseID)") else { throw DomainError.caseNotFound }
        return detail
    }

    /// Everything about the case `condition` (on `cases c`) picks, or nil: three queries.
    func detail(_ db: any SQLDatabase, matching condition: SQLQueryString) async throws -> CaseDetail? {
        let row = try await db.raw(
            """
            SELECT \(unsafeRaw: Self.caseColumns), z.national_id, z.mobile, z.first_name, z.last_name,
                z.province_code AS citizen_province, z.county_code AS citizen_county,
                g.name AS category_name, p.name AS province_name, m.tracking_code AS merged_into_code
            FROM cases c JOIN citizens z ON z.id = c.citizen_id JOIN categories g ON g.code = c.category_code
                JOIN provinces p ON p.code = c.province_code LEFT JOIN cases m ON m.id = c.merged_into_id
            WHERE \(condition)
            """
        ).first()
        guard let row else { return nil }
        let value = try Self.caseValue(from: row)
        let caseID = value.id
        let citizen = Citizen(
            id: value.citizenID, nationalID: try row.nationalID(),
            mobile: try row.mobile(), firstName: try row.string("first_name"),
            lastName: try row.string("last_name"), provinceCode: try row.string("citizen_province"),
            countyCode: try row.optionalString("citizen_county"))
        let events = try await events(db, caseID: caseID)
        return CaseDetail(
            case: value, citizen: citizen, categoryName: try row.string("category_name"),
            provinceName: try row.string("province_name"),
            mergedIntoCode: try row.optionalString("merged_into_code").flatMap { try? TrackingCode(parsing: $0) },
            referrals: try await referrals(db, caseID: caseID),
            events: events)
    }
}
