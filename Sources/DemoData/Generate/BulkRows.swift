/// One cell of a bulk-inserted row, independent of the engine it goes to.
enum BulkValue: Sendable {
    case int(Int)
    case text(String)
    case null

    static func optional(_ value: Int?) -> BulkValue { value.map(BulkValue.int) ?? .null }
    static func optional(_ value: String?) -> BulkValue { value.map(BulkValue.text) ?? .null }
}

/// The tables `samad generate` fills, with their columns in insert order. Ids of referrals, events
/// and notifications are left to the database; citizens and cases carry explicit ids because other
/// rows point at them.
enum BulkTable: Int, CaseIterable, Sendable {
    case citizens, cases, referrals, caseEvents, notifications

    var name: String {
        switch self {
        case .citizens: "citizens"
        case .cases: "cases"
        case .referrals: "referrals"
        case .caseEvents: "case_events"
        case .notifications: "notifications"
        }
    }

    var columns: [String] {
        switch self {
        case .citizens:
            ["id", "national_id", "mobile", "first_name", "last_name", "province_code", "county_code", "created_at", "updated_at"]
        case .cases:
            [
                "id", "tracking_code", "citizen_id", "channel", "kind", "category_code", "subject", "body", "search_text",
                "province_code", "county_code", "status", "priority", "confidential", "answer", "merged_into_id", "rating",
                "created_at", "updated_at", "version", "period_week", "period_month", "period_quarter", "period_year",
                "event_count", "event_head",
            ]
        case .referrals:
            [
                "case_id", "province_code", "agency_id", "status", "note", "answer", "return_reason", "due_at",
                "escalation_level", "created_at", "updated_at", "answered_at", "deadline_check_at",
            ]
        case .caseEvents:
            [
                "case_id", "province_code", "at", "kind", "actor_kind", "actor_id", "actor_name", "agency_id", "agency_name",
                "text", "rating", "seq", "prev_hash", "hash",
            ]
        case .notifications:
            [
                "case_id", "province_code", "kind", "mobile", "text", "status", "attempts", "next_attempt_at", "claimed_until",
                "created_at", "sent_at", "last_error",
            ]
        }
    }
}

/// The rows of one batch of generated cases, table by table, each as one flat array of cells
/// (row-major), ready to be bound into multi-row INSERT statements.
struct BulkRows: Sendable {
    /// Index of the batch in the run; batches are written in this order.
    var index: Int
    /// Cells per table, indexed by `BulkTable.rawValue`.
    var cells: [[BulkValue]] = Array(repeating: [], count: BulkTable.allCases.count)
    /// Case rows in this batch (a merged duplicate counts as a case).
    var caseCount = 0

    init(index: Int, expectedCases: Int) {
        self.index = index
        // Rough per-case row counts keep appends from reallocating.
        let perCase = [1, 1, 1, 5, 3]
        for table in BulkTable.allCases {
            cells[table.rawValue].reserveCapacity(expectedCases * perCase[table.rawValue] * table.columns.count)
        }
    }

    mutating func append(_ table: BulkTable, _ row: BulkValue...) {
        assert(row.count == table.columns.count, "\(table.name): \(row.count) cells for \(table.columns.count) columns")
        cells[table.rawValue].append(contentsOf: row)
    }

    func rowCount(_ table: BulkTable) -> Int { cells[table.rawValue].count / table.columns.count }

    var totalRows: Int { BulkTable.allCases.reduce(0) { $0 + rowCount($1) } }
}
