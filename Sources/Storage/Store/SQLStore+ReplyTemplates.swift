import Domain
import Foundation
import SQLKit

/// Ready answers: read by the case pages, written by supervisors and admins.
extension SQLStore {
    static let replyTemplateColumns = "id, title, body, category_code, province_code, active, updated_at"

    public func replyTemplates(province: String?, includeInactive: Bool) async throws -> [ReplyTemplate] {
        try await client.read { db in
            var sql: SQLQueryString = "SELECT \(unsafeRaw: Self.replyTemplateColumns) FROM reply_templates WHERE 1 = 1"
            if let province { sql += " AND (province_code IS NULL OR province_code = \(bind: province))" }
            if !includeInactive { sql += " AND active = 1" }
            sql += " ORDER BY title, id"
            return try await db.raw(sql).all().map(Self.replyTemplate(from:))
        }
    }

    public func replyTemplate(id: Int) async throws -> ReplyTemplate? {
        try await client.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.replyTemplateColumns) FROM reply_templates WHERE id = \(bind: id)")
                .first().map(Self.replyTemplate(from:))
        }
    }

    public func saveReplyTemplate(id: Int?, _ draft: ReplyTemplateDraft, by actor: AuditActor) async throws -> ReplyTemplate {
        let at = now()
        return try await client.write { db in
            if let province = draft.provinceCode,
                try await db.raw("SELECT code FROM provinces WHERE code = \(bind: province)").first() == nil
            {
                throw DomainError.unknown("province", fa: "استان")
            }
            if let category = draft.categoryCode,
                try await db.raw("SELECT code FROM categories WHERE code = \(bind: category)").first() == nil
            {
                throw DomainError.unknown("category", fa: "موضوع")
            }
            let saved: Int
            if let id {
                guard
                    try await db.raw(
                        """
                        UPDATE reply_templates SET title = \(bind: draft.title), body = \(bind: draft.body),
                            category_code = \(bind: draft.categoryCode), province_code = \(bind: draft.provinceCode),
                            active = \(bind: draft.active ? 1 : 0), updated_at = \(bind: at.millis)
                        WHERE id = \(bind: id) RETURNING id
                        """
                    ).first() != nil
                else { throw DomainError.replyTemplateNotFound }
                saved = id
            } else {
                saved = try await db.raw(
                    """
                    INSERT INTO reply_templates (title, body, category_code, province_code, active, created_at, updated_at)
                    VALUES (\(bind: draft.title), \(bind: draft.body), \(bind: draft.categoryCode), \(bind: draft.provinceCode),
                        \(bind: draft.active ? 1 : 0), \(bind: at.millis), \(bind: at.millis))
                    RETURNING id
                    """
                ).one().int("id")
            }
            try await appendAudit(
                db, .replyTemplateSaved, by: actor, target: AuditTarget(kind: "replyTemplate", id: saved, name: draft.title),
                detail: [draft.provinceCode.map { "province=\($0)" }, draft.categoryCode.map { "category=\($0)" }, "active=\(draft.active)"]
                    .compactMap { $0 }.joined(separator: " "),
                at: at)
            return ReplyTemplate(
                id: saved, title: draft.title, body: draft.body, categoryCode: draft.categoryCode, provinceCode: draft.provinceCode,
                active: draft.active, updatedAt: at)
        }
    }

    static func replyTemplate(from row: any SQLRow) throws -> ReplyTemplate {
        ReplyTemplate(
            id: try row.int("id"), title: try row.string("title"), body: try row.string("body"),
            categoryCode: try row.optionalString("category_code"), provinceCode: try row.optionalString("province_code"),
            active: try row.bool("active"), updatedAt: try row.date("updated_at"))
    }
}
