import Domain
import PropertyBased
import Testing

/// Open data's suppression: worked by hand on a small table, then as a property over random ones.
@Suite struct OpenDataTableTests {
    @Test func aSmallCellAndTheTotalsThatWouldRevealItAreWithheld() {
        // rows: two provinces; columns: two categories
        //   [ 12   3 ]  15        3 is withheld; its row total (15) and its column total (10) would give it
        //   [ 20   7 ]  27        away, so they go; the totals column then withholds one more (the grand total),
        //    32  10   42          and so does the totals row: 42 hides, and each line holds 0 or 2+.
        let t = OpenDataTable(counts: [[12, 3], [20, 7]])
        #expect(t.cells == [[12, nil], [20, 7]])
        #expect(t.rowTotals == [nil, 27])
        #expect(t.columnTotals == [32, nil])
        #expect(t.total == nil)
        // nothing small: everything shown, zeros too
        let open = OpenDataTable(counts: [[12, 0], [20, 7]])
        #expect(open.cells == [[12, 0], [20, 7]] && open.rowTotals == [12, 27] && open.columnTotals == [32, 7] && open.total == 39)
    }

    @Test func noSmallCountCanBeReadOffAnyTable() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...5).array(of: 1...5).array(of: 1...5)) { raw in
            // A rectangle of counts, many of them small.
            let width = raw.map(\.count).min() ?? 1
            let counts = raw.map { Array($0.prefix(width)).map { $0 == 5 ? 40 : $0 - 1 } }
            let t = OpenDataTable(counts: counts)
            var full = zip(t.cells, t.rowTotals).map { $0 + [$1] }
            full.append(t.columnTotals + [t.total])
            // no count of 1–4 is shown
            for line in full { for value in line { if let value { #expect(!(1...4).contains(value)) } } }
            // shown totals are the true sums
            for (r, row) in counts.enumerated() { if let shown = t.rowTotals[r] { #expect(shown == row.reduce(0, +)) } }
            // every row and column of the table with its totals withholds none or at least two entries
            let lines = full + (0..<full[0].count).map { c in full.map { $0[c] } }
            for line in lines {
                let withheld = line.filter { $0 == nil }.count
                #expect(withheld != 1, "a line gives away its one withheld entry: \(counts)")
            }
        }
    }
}
