import Domain
import Foundation
import SQLKit

extension SQLStore: ReferenceRepository {
    public func provinces() async throws -> [Province] {
        try await client.read { db in
            try await db.raw("SELECT code, name FROM provinces ORDER BY code").all().map {
                Province(code: try $0.string("code"), name: try $0.string("name"))
            }
        }
    }

    public func counties(province: String?) async throws -> [County] {
        try await client.read { db in
            let rows =
                if let province {
                    try await db.raw(
                        "SELECT code, province_code, name FROM counties WHERE province_code = \(bind: province) ORDER BY code"
                    ).all()
                } else {
                    try await db.raw("SELECT code, province_code, name FROM counties ORDER BY code").all()
                }
            return try rows.map {
                County(code: try $0.string("code"), provinceCode: try $0.string("province_code"), name: try $0.string("name"))
            }
        }
    }

    public func agencies(province: String?, kind: AgencyKind?, includeInactive: Bool) async throws -> [Agency] {
        try await client.read { db in
            var sql = SQLQueryString("SELECT id, name, kind, parent_id, province_code, active FROM agencies WHERE 1 = 1")
            if let province { sql += " AND (province_code = \(bind: province) OR province_code IS NULL)" }
            if let kind { sql += " AND kind = \(bind: kind.rawValue)" }
            if !includeInactive { sql += " AND active = 1" }
            sql += " ORDER BY province_code, id"
            return try await db.raw(sql).all().map(Self.agency(from:))
        }
    }

    public func agency(id: Int) async throws -> Agency? {
        try await client.read { db in
            try await db.raw("SELECT id, name, kind, parent_id, province_code, active FROM agencies WHERE id = \(bind: id)")
                .first().map(Self.agency(from:))
        }
    }

    public func createAgency(_ draft: AgencyDraft, by actor: AuditActor) async throws -> Agency {
        let at = now()
        return try await client.write { db in
            try await Self.checkAgencyDraft(draft, db: db)
            let row = try await db.raw(
                """
                INSERT INTO agencies (name, kind, parent_id, province_code, active)
                VALUES (\(bind: draft.name), \(bind: draft.kind.rawValue), \(bind: draft.parentID), \(bind: draft.provinceCode), \(bind: draft.active ? 1 : 0))
                RETURNING id
                """
            ).first()
            let id = try row!.int("id")
            try await appendAudit(
                db, .agencyCreated, by: actor, target: AuditTarget(kind: "agency", id: id, name: draft.name),
                detail: Self.auditDetail(draft), at: at)
            return Agency(id: id, name: draft.name, kind: draft.kind, parentID: draft.parentID, provinceCode: draft.provinceCode, active: draft.active)
        }
    }

    public func updateAgency(id: Int, _ draft: AgencyDraft, by actor: AuditActor) async throws -> Agency {
        let at = now()
        return try await client.write { db in
            try await Self.checkAgencyDraft(draft, db: db)
            // Locked, so no referral to it is written between the count and the change.
            guard let current = try await db.raw(
                """
                SELECT id, name, kind, parent_id, province_code, active FROM agencies
                WHERE id = \(bind: id)\(unsafeRaw: engine.forUpdate)
                """
            ).first().map(Self.agency(from:)) else { throw DomainError.notFound("agency", fa: "دستگاه") }
            let open = try await db.raw(
                "SELECT COUNT(*) AS n FROM referrals WHERE agency_id = \(bind: id) AND status IN (\(unsafeRaw: Self.openReferralStatuses))"
            ).one().int("n")
            try AgencyRules.checkUpdate(current, active: draft.active, openReferrals: open)
            let row = try await db.raw(
                """
                UPDATE agencies SET name = \(bind: draft.name), kind = \(bind: draft.kind.rawValue),
                    parent_id = \(bind: draft.parentID), province_code = \(bind: draft.provinceCode),
                    active = \(bind: draft.active ? 1 : 0)
                WHERE id = \(bind: id) RETURNING id
                """
            ).first()
            guard row != nil else { throw DomainError.notFound("agency", fa: "دستگاه") }
            try await appendAudit(
                db, current.active && !draft.active ? .agencyDeactivated : .agencyUpdated, by: actor,
                target: AuditTarget(kind: "agency", id: id, name: draft.name), detail: Self.auditDetail(draft), at: at)
            return Agency(id: id, name: draft.name, kind: draft.kind, parentID: draft.parentID, provinceCode: draft.provinceCode, active: draft.active)
        }
    }

    public func categories(includeInactive: Bool) async throws -> [Domain.Category] {
        try await client.read { db in
            let filter = includeInactive ? "" : " WHERE active = 1"
            return try await db.raw(
                "SELECT \(unsafeRaw: Self.categoryColumns) FROM categories\(unsafeRaw: filter) ORDER BY position, code"
            ).all().map(Self.category(from:))
        }
    }

    public func saveCategory(_ category: Domain.Category, by actor: AuditActor) async throws -> Domain.Category {
        let at = now()
        return try await client.write { db in
            let before = try await self.category(db, code: category.code)
            try await db.raw(
                """
                INSERT INTO categories (code, name, default_agency_kind, answer_days, active, position,
                    reminder_days_before, level1_days_late, level2_days_late)
                VALUES (\(bind: category.code), \(bind: category.name), \(bind: category.defaultAgencyKind.rawValue),
                    \(bind: category.answerDays), \(bind: category.active ? 1 : 0),
                    (SELECT COALESCE(MAX(position), 0) + 1 FROM categories), \(bind: category.escalation.reminderDaysBefore),
                    \(bind: category.escalation.level1DaysLate), \(bind: category.escalation.level2DaysLate))
                ON CONFLICT (code) DO UPDATE SET name = excluded.name,
                    default_agency_kind = excluded.default_agency_kind, answer_days = excluded.answer_days,
                    active = excluded.active, reminder_days_before = excluded.reminder_days_before,
                    level1_days_late = excluded.level1_days_late, level2_days_late = excluded.level2_days_late
                """
            ).run()
            if let before, before.escalation != category.escalation {
                // New days: every watched referral of the category is looked at again now, and
                // `CaseRules.watchDeadline` sets its next check (or takes a step now due) by them.
                try await db.raw(
                    """
                    UPDATE referrals SET deadline_check_at = \(bind: at.millis)
                    WHERE deadline_check_at IS NOT NULL AND deadline_check_at > \(bind: at.millis)
                        AND case_id IN (SELECT id FROM cases WHERE category_code = \(bind: category.code))
                    """
                ).run()
            }
            try await appendAudit(
                db, .categorySaved, by: actor, target: AuditTarget(kind: "category", id: nil, name: category.code),
                detail: "name=\(category.name) agencyKind=\(category.defaultAgencyKind.rawValue) days=\(category.answerDays) active=\(category.active) "
                    + "escalation=\(category.escalation.reminderDaysBefore)/\(category.escalation.level1DaysLate)/\(category.escalation.level2DaysLate)",
                at: at)
            return category
        }
    }

    static func auditDetail(_ draft: AgencyDraft) -> String {
        "kind=\(draft.kind.rawValue) province=\(draft.provinceCode ?? "-") parent=\(draft.parentID.map(String.init) ?? "-") active=\(draft.active)"
    }

    static func checkAgencyDraft(_ draft: AgencyDraft, db: any SQLDatabase) async throws {
        if let province = draft.provinceCode,
            try await db.raw("SELECT code FROM provinces WHERE code = \(bind: province)").first() == nil
        {
            throw DomainError.unknown("province", fa: "استان")
        }
        if let parent = draft.parentID,
            try await db.raw("SELECT id FROM agencies WHERE id = \(bind: parent)").first() == nil
        {
            throw DomainError.unknown("parent_agency", fa: "دستگاه بالادست")
        }
    }

    static func agency(from row: any SQLRow) throws -> Agency {
        Agency(
            id: try row.int("id"), name: try row.string("name"), kind: try row.enumValue("kind", as: AgencyKind.self),
            parentID: try row.optionalInt("parent_id"), provinceCode: try row.optionalString("province_code"),
            active: try row.bool("active"))
    }

    static let categoryColumns =
        "code, name, default_agency_kind, answer_days, active, reminder_days_before, level1_days_late, level2_days_late"

    static func category(from row: any SQLRow) throws -> Domain.Category {
        let code = try row.string("code")
        guard
            let escalation = try? EscalationPolicy(
                reminderDaysBefore: try row.int("reminder_days_before"), level1DaysLate: try row.int("level1_days_late"),
                level2DaysLate: try row.int("level2_days_late"))
        else { throw StorageError.corrupt("category \(code): escalation days") }
        return Domain.Category(
            code: code, name: try row.string("name"),
            defaultAgencyKind: try row.enumValue("default_agency_kind", as: AgencyKind.self),
            answerDays: try row.int("answer_days"), active: try row.bool("active"), escalation: escalation)
    }

    /// The category a case is filed under, read in the caller's transaction.
    func category(_ db: any SQLDatabase, code: String) async throws -> Domain.Category? {
        try await db.raw("SELECT \(unsafeRaw: Self.categoryColumns) FROM categories WHERE code = \(bind: code)").first()
            .map(Self.category(from:))
    }
}
