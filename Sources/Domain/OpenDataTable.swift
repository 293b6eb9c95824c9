/// A table of case counts published to everyone (open data): rows × columns with their totals,
/// where no small count can be read off, neither from its cell nor from the totals around it.
///
/// A cell or total of 1 to 4 letters is withheld (primary suppression; 0 reveals no one and is shown). Then,
/// in the table with its totals (the row totals as one more column, the column totals and the
/// grand total as one more row), every line — each row and each column — must withhold none or at
/// least two of its entries: a line with one withheld entry would give it away as its total minus
/// the rest. Such a line withholds its total first (the totals that would reveal the cell), else its
/// smallest shown entry, and lines are checked again until none has exactly one.
public struct OpenDataTable: Sendable, Equatable {
    /// The smallest count shown; 1 to `threshold − 1` is withheld.
    public static let threshold = 5

    /// Each cell, nil when withheld.
    public let cells: [[Int?]]
    public let rowTotals: [Int?]
    public let columnTotals: [Int?]
    public let total: Int?

    public init(counts: [[Int]]) {
        let rows = counts.count
        let columns = counts.first?.count ?? 0
        precondition(counts.allSatisfy { $0.count == columns }, "a rectangular table")
        // The augmented table: row totals in the last column, column totals and the grand total in the last row.
        var full = counts.map { $0 + [$0.reduce(0, +)] }
        full.append((0...columns).map { c in full.reduce(0) { $0 + $1[c] } })
        // A total of 1 to 4 is as small as a cell of that size: withheld too.
        var hidden = full.map { $0.map { (1..<Self.threshold).contains($0) } }

        var changed = true
        while changed {
            changed = false
            let lines: [[(Int, Int)]] =
                (0...rows).map { r in (0...columns).map { (r, $0) } } + (0...columns).map { c in (0...rows).map { ($0, c) } }
            for line in lines {
                let withheld = line.filter { hidden[$0.0][$0.1] }
                guard withheld.count == 1 else { continue }
                let total = line.last!
                if !hidden[total.0][total.1] {
                    hidden[total.0][total.1] = true
                } else if let smallest = line.filter({ !hidden[$0.0][$0.1] }).min(by: { full[$0.0][$0.1] < full[$1.0][$1.1] }) {
                    hidden[smallest.0][smallest.1] = true
                } else {
                    continue
                }
                changed = true
            }
        }
        func shown(_ r: Int, _ c: Int) -> Int? { hidden[r][c] ? nil : full[r][c] }
        cells = (0..<rows).map { r in (0..<columns).map { shown(r, $0) } }
        rowTotals = (0..<rows).map { shown($0, columns) }
        columnTotals = (0..<columns).map { shown(rows, $0) }
        total = shown(rows, columns)
    }
}
