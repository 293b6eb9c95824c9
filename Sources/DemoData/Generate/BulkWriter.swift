/// Writes batches of generated rows into one engine as fast as it takes them.
///
/// `prepare` turns a batch into engine-ready statements and runs on the generating tasks (both
/// cores); `write` runs them in order on one connection, inside large transactions.
protocol BulkWriter: Sendable {
    associatedtype Prepared: Sendable
    /// Builds the multi-row INSERT statements and their binds for one batch.
    func prepare(_ rows: BulkRows) -> Prepared
    /// Inserts one prepared batch; commits when enough cases have gathered in the open transaction.
    func write(_ prepared: Prepared, cases: Int) async throws
    /// Commits what is left and leaves the database ready for the server (statistics, sequences).
    func finish() async throws
}

extension BulkTable {
    /// `INSERT INTO t (a, b) VALUES (?, ?), (?, ?)…` for `rows` rows; `placeholder(n)` spells bind n (1-based).
    func insertSQL(rows: Int, placeholder: (Int) -> String) -> String {
        let width = columns.count
        var sql = "INSERT INTO \(name) (\(columns.joined(separator: ", "))) VALUES "
        sql.reserveCapacity(sql.utf8.count + rows * width * 7)
        var n = 1
        for row in 0..<rows {
            sql += row == 0 ? "(" : ", ("
            for column in 0..<width {
                if column > 0 { sql += ", " }
                sql += placeholder(n)
                n += 1
            }
            sql += ")"
        }
        return sql
    }
}
