import CSV
import Domain
import Foundation

extension OpenDataView {
    /// The published table as CSV for Excel and LibreOffice (UTF-8 with a byte-order mark, CRLF):
    /// one row per province and a totals row, one column per category and a totals column; a
    /// withheld count is the text «<5», never a number.
    public func csv() throws -> [UInt8] {
        try SpreadsheetCSV.bytes { writer in
            func cell(_ value: Int?) -> String { value.map(String.init) ?? "<\(OpenDataTable.threshold)" }
            try writer.write(row: ["استان", "کد استان"] + categories.map(\.name) + ["جمع"])
            for (p, province) in provinces.enumerated() {
                try writer.write(row: [province.name, province.code] + table.cells[p].map(cell) + [cell(table.rowTotals[p])])
            }
            try writer.write(row: ["جمع", ""] + table.columnTotals.map(cell) + [cell(table.total)])
        }
    }
}
