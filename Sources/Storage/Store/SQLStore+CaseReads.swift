import Domain
import Foundation
import PersianKit
import SQLKit

extension SQLStore: CaseRepository {
    public func detail(_ code: TrackingCode) async throws -> CaseDetail? {
        try await client.read { db in try await detail(db, matching: "c.tracking_code = \(bind: code.value)") }
    }

    public func detail(referralID: Int) async throws -> CaseDetail? {
        try await client.read { db in
            guard let row = try await db.raw("SELECT case_id FROM referrals WHERE id = \(bind: referralID)").first() else {
                return nil
            }
            return try await detail(db, caseID: try row.int("case_id"))
        }
    }

    /// Keyset-paginated on (created_at, id), newest first, like `list`.
    public func details(forMobile mobile: MobileNumber, limit: Int, cursor: String?) async throws -> CitizenCasesPage {
        let limit = max(1, min(limit, 100))
        let cursor = try cursor.map(PageCursor.init(parsing:))
        return try await client.read { db in
            var sql: SQLQueryString = """
                SELECT c.id, c.created_at FROM cases c JOIN citizens z ON z.id = c.citizen_id
                WHERE z.mobile = \(bind: mobile.value)
                """
            if let cursor {
                sql += " AND (c.created_at < \(bind: cursor.key) OR (c.created_at = \(bind: cursor.key) AND c.id < \(bind: cursor.id)))"
            }
            sql += " ORDER BY c.created_at DESC, c.id DESC LIMIT \(literal: limit + 1)"
            let rows = try await db.raw(sql).all()
            var details: [CaseDetail] = []
            var last: PageCursor?
            for row in rows.prefix(limit) {
                details.append(try await detail(db, caseID: try row.int("id")))
                last = PageCursor(key: try row.int("created_at"), id: try row.int("id"))
            }
            return CitizenCasesPage(details: details, nextCursor: rows.count > limit ? last?.encoded : nil)
        }
    }

    public func recordPersonalDataView(caseID: Int, actor: Actor) async throws {
        let at = now()
        try await client.write { db in
            let (c, _) = try await lockCase(db, id: caseID)
            try await appendEvent(db, c, .personalDataViewed, actor: actor, at: at)
        }
    }

    /// Keyset pagination on (created_at, id): a page costs the same at the start and at the ten-millionth row.
    ///
    /// Three plans, each reading about one page of index entries whatever the table's size:
    /// - one status or none: one index range (province/status/created) walked in order;
    /// - several statuses (the screening queue is registered + reopened): one ordered range per
    ///   status, each cut at a page, merged — rather than sorting every queued case of a province;
    /// - text on SQLite: the FTS5 index walked newest-id first (ids follow registration time), joined
    ///   to the other filters, so a common word stops after a page and a rare one reads its few rows.
    /// How many cases match `query` in all (its cursor and limit aside): the queue's real count.
    public func count(_ query: CaseQuery) async throws -> Int {
        try await client.read { db in
            var sql: SQLQueryString = "SELECT count(*) AS n FROM cases c WHERE 1 = 1"
            if !query.statuses.isEmpty { sql += " AND c.status IN (\(binds: query.statuses.map(\.rawValue)))" }
            sql += Self.filters(query)
            if let text = query.text.map({ PersianText.searchKey($0) }), !text.isEmpty {
                sql += " AND c.search_text LIKE \(bind: "%" + Self.escapeLike(text) + "%") ESCAPE '\\'"
            }
            return try await db.raw(sql).first()?.int("n") ?? 0
        }
    }

    public func list(_ query: CaseQuery) async throws -> CasePage {
        let limit = max(1, min(query.limit, 200))
        let cursor = try query.cursor.map(PageCursor.init(parsing:))
        let engine = self.engine
        return try await client.read { db in
            let columns: SQLQueryString = """
                SELECT c.tracking_code, c.subject, c.status, c.channel, c.kind, c.category_code, c.province_code,
                    c.county_code, c.confidential, c.created_at, c.updated_at, c.id, c.returns, c.rating,
                    z.first_name, z.last_name, z.mobile, z.national_id
                """
            let newest = query.order == .newest
            let direction = newest ? "DESC" : "ASC"
            let op = newest ? "<" : ">"
            let text = query.text.map { PersianText.searchKey($0) }.flatMap { $0.isEmpty ? nil : $0 }
            let ftsQuery = engine == .sqlite ? text.flatMap(Self.ftsPhrase) : nil
            var sql: SQLQueryString
            if let ftsQuery {
                sql = columns + """
                     FROM cases_fts f JOIN cases c ON c.id = f.rowid JOIN citizens z ON z.id = c.citizen_id
                    WHERE f.cases_fts MATCH \(bind: ftsQuery)
                    """
                if !query.statuses.isEmpty { sql += " AND c.status IN (\(binds: query.statuses.map(\.rawValue)))" }
                sql += Self.filters(query)
                if let cursor { sql += " AND f.rowid \(unsafeRaw: op) \(bind: cursor.id)" }
                sql += " ORDER BY f.rowid \(unsafeRaw: direction) LIMIT \(literal: limit + 1)"
            } else {
                var conditions = Self.filters(query)
                if let text {
                    conditions += " AND c.search_text LIKE \(bind: "%" + Self.escapeLike(text) + "%") ESCAPE '\\'"
                }
                if let cursor {
                    conditions += """
                         AND (c.created_at \(unsafeRaw: op) \(bind: cursor.key) OR (c.created_at = \(bind: cursor.key) AND c.id \(unsafeRaw: op) \(bind: cursor.id)))
                        """
                }
                let order: SQLQueryString = " ORDER BY c.created_at \(unsafeRaw: direction), c.id \(unsafeRaw: direction) LIMIT \(literal: limit + 1)"
                if query.statuses.count > 1 {
                    var branches: [SQLQueryString] = []
                    for (n, status) in query.statuses.enumerated() {
                        branches.append(
                            "SELECT id FROM (SELECT c.id FROM cases c WHERE c.status = \(bind: status.rawValue)" + conditions + order
                                + ") AS b\(unsafeRaw: String(n))")
                    }
                    var union = branches[0]
                    for branch in branches.dropFirst() { union += " UNION ALL " + branch }
                    sql = columns + " FROM cases c JOIN citizens z ON z.id = c.citizen_id WHERE c.id IN (" + union + ")" + order
                } else {
                    sql = columns + " FROM cases c JOIN citizens z ON z.id = c.citizen_id WHERE 1 = 1"
                    if let status = query.statuses.first { sql += " AND c.status = \(bind: status.rawValue)" }
                    sql += conditions + order
                }
            }
            let rows = try await db.raw(sql).all()
            var items: [CaseSummary] = []
            var last: PageCursor?
            for row in rows.prefix(limit) {
                let confidential = try row.bool("confidential")
                items.append(
                    CaseSummary(
                        trackingCode: try TrackingCode(parsing: try row.string("tracking_code")),
                        subject: try row.string("subject"), status: try row.enumValue("status", as: CaseStatus.self),
                        channel: try row.enumValue("channel", as: Channel.self),
                        kind: try row.enumValue("kind", as: CaseKind.self), categoryCode: try row.string("category_code"),
                        provinceCode: try row.string("province_code"), countyCode: try row.optionalString("county_code"),
                        confidential: confidential,
                        citizenName: "\(try row.string("first_name")) \(try row.string("last_name"))",
                        maskedMobile: try row.mobile().masked,
                        maskedNationalID: try row.nationalID()?.masked,
                        createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
                        returns: try row.int("returns"), rating: try row.optionalInt("rating")))
                last = PageCursor(key: try row.int("created_at"), id: try row.int("id"))
            }
            return CasePage(items: items, nextCursor: rows.count > limit ? last?.encoded : nil)
        }
    }

    /// The list's filters other than status, text and cursor, each starting with " AND".
    private static func filters(_ query: CaseQuery) -> SQLQueryString {
        var sql: SQLQueryString = ""
        for province in [query.provinceCode, query.scopeProvince].compactMap({ $0 }) {
            sql += " AND c.province_code = \(bind: province)"
        }
        for agency in [query.agencyID, query.scopeAgency].compactMap({ $0 }) {
            sql += " AND EXISTS (SELECT 1 FROM referrals r WHERE r.case_id = c.id AND r.agency_id = \(bind: agency))"
        }
        if let category = query.categoryCode { sql += " AND c.category_code = \(bind: category)" }
        if let channel = query.channel { sql += " AND c.channel = \(bind: channel.rawValue)" }
        if let kind = query.kind { sql += " AND c.kind = \(bind: kind.rawValue)" }
        if let from = query.from { sql += " AND c.created_at >= \(bind: from.millis)" }
        if let to = query.to { sql += " AND c.created_at < \(bind: to.millis)" }
        if query.returnedTwice { sql += " AND c.returns >= \(bind: CaseRules.returnsBeforeSupervisor)" }
        if query.returnedLessThanTwice { sql += " AND c.returns < \(bind: CaseRules.returnsBeforeSupervisor)" }
        return sql
    }

    /// An FTS5 query matching the search key's words in order, the last one as a prefix (so «وام»
    /// finds «وامها» too); nil when the key has no letter or digit to index, which then scans with LIKE.
    static func ftsPhrase(_ key: String) -> String? {
        guard key.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
        return "\"" + key.replacingOccurrences(of: "\"", with: "\"\"") + "\"*"
    }

    static func escapeLike(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}

/// Where a keyset page ended: "keyMillis.id" (a case list's created time, an inbox's due time), opaque to clients.
struct PageCursor {
    var key: Int
    var id: Int

    init(key: Int, id: Int) {
        self.key = key
        self.id = id
    }

    init(parsing raw: String) throws {
        let parts = raw.split(separator: ".")
        guard parts.count == 2, let at = Int(parts[0]), let id = Int(parts[1]) else {
            throw DomainError.invalidCursor
        }
        self.init(key: at, id: id)
    }

    var encoded: String { "\(key).\(id)" }
}
