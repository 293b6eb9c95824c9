import Domain
import Foundation
import PersianKit
import Storage

/// Open data (داده باز): letters registered per province and category in a finished Jalali month,
/// for anyone, with every small count withheld (`OpenDataTable`).
public struct OpenDataView: Sendable {
    public let month: JalaliPeriod
    /// Rows of the table, in the reference data's order.
    public let provinces: [Province]
    /// Its columns.
    public let categories: [Domain.Category]
    public let table: OpenDataTable
}

extension CaseWorkflow {
    /// The open data of `month` ("1403-07"); nil is the last month that has ended. A month still
    /// running (or to come) is refused: its counts would change after they were published.
    public func openData(month raw: String?) async throws -> OpenDataView {
        let now = gate.now()
        let month: JalaliPeriod
        if let raw {
            // Given, it must be a month: empty is not "the default".
            let asked = raw.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try Self.reportPeriod(PersianDigits.toASCII(raw), now: now)
            guard let asked, asked.kind == .month else {
                throw DomainError(
                    .invalid, "invalid_month", fa: "ماه را مانند \u{2066}1403-07\u{2069} بنویسید.", en: "Give a month, e.g. 1403-07.",
                    field: "month")
            }
            month = asked
        } else {
            month = JalaliPeriod.containing(now, kind: .month).previous
        }
        guard month.end <= now else {
            throw DomainError(
                .unprocessable, "month_not_ended", fa: "داده‌های باز فقط برای ماه‌های پایان‌یافته منتشر می‌شود.",
                en: "Open data is published for months that have ended.", field: "month")
        }
        let provinces = try await reference.provinces()
        let categories = try await reference.categories(includeInactive: true)
        var counts: [String: [String: Int]] = [:]
        for cell in try await cases.monthCounts(month) { counts[cell.provinceCode, default: [:]][cell.categoryCode] = cell.count }
        let table = OpenDataTable(counts: provinces.map { p in categories.map { counts[p.code]?[$0.code] ?? 0 } })
        return OpenDataView(month: month, provinces: provinces, categories: categories, table: table)
    }
}
