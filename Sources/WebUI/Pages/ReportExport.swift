import CSV
import Domain
import Foundation
import Hummingbird
import PersianKit
import Storage
import Workflow

/// The period report as a CSV file for Excel and LibreOffice (written through `SpreadsheetCSV`):
/// figures in ASCII digits so they stay numbers, text that could start a formula defused.
extension WebUI {
    func registerReportExport<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.reportsCSV.path), use: page { request, _ in
            let (staff, _) = try await signedInStaff(may: .readReports)
            let params = request.formQuery
            let (report, period, province, provinces) = try await workflow.report(
                period: params["period"], province: params["province"], by: StaffCaller(staff))
            let scopeName = province.flatMap { code in provinces.first { $0.code == code }?.name } ?? "کل کشور"
            let body = try Self.reportCSV(report, scopeName: scopeName)
            let name = "samad-report-\(period.key)\(province.map { "-" + $0 } ?? "").csv"
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\"",
                    .cacheControl: "no-store",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: body)))
        })
    }

    /// The report's figures, one table after another: the summary, the counts by status, category,
    /// channel and kind (with their share), then each agency's referrals.
    static func reportCSV(_ r: CaseReport, scopeName: String) throws -> [UInt8] {
        try SpreadsheetCSV.bytes { csv in
            func row(_ fields: [String]) throws { try csv.write(row: fields.map(Self.defused)) }
            func share(_ part: Int, of whole: Int) -> String { whole > 0 ? String(format: "%.1f", Double(part) * 100 / Double(whole)) : "" }
            func day(_ d: JalaliDate) -> String { String(format: "%04d/%02d/%02d", d.year, d.month, d.day) }

            try row(["گزارش دوره‌ای سامد", r.period.labelFa, scopeName])
            try row(["بازه", day(r.period.firstDay), day(r.period.lastDay)])
            try row(["تا", ISO8601DateFormatter().string(from: r.asOf)])
            try row([])
            try row(["بخش", "کلید", "عنوان", "شمار", "سهم (درصد)"])
            try row(["خلاصه", "cases", "نامه‌های ثبت‌شده", String(r.cases), ""])
            try row(["خلاصه", "previousPeriodCases", "نامه‌های دورهٔ پیش", String(r.previousPeriodCases), ""])
            try row(["خلاصه", "answered", "پاسخ‌داده", String(r.answered), share(r.answered, of: r.cases)])
            try row(["خلاصه", "rated", "امتیازداده", String(r.rated), share(r.rated, of: r.cases)])
            try row(["خلاصه", "meanRating", "میانگین امتیاز", r.meanRating.map { String(format: "%.2f", $0) } ?? "", ""])
            try row(["خلاصه", "unsatisfied", "ناراضی (امتیاز ۱ و ۲)", String(r.unsatisfied), share(r.unsatisfied, of: r.rated)])
            for (section, counts) in [("وضعیت", r.byStatus), ("موضوع", r.byCategory), ("درگاه", r.byChannel), ("نوع", r.byKind)] {
                for count in counts { try row([section, count.key, count.label, String(count.count), share(count.count, of: r.cases)]) }
            }
            try row([])
            try row(["دستگاه", "شناسه", "ارجاع", "پاسخ", "پاسخ در مهلت", "گذشته از مهلت", "بازگردانده", "باز", "میانگین روز تا پاسخ"])
            for a in r.agencies {
                try row([
                    a.agencyName, String(a.agencyID), String(a.referred), String(a.answered), String(a.answeredOnTime), String(a.overdue),
                    String(a.returned), String(a.open), a.meanDaysToAnswer.map { String(format: "%.1f", $0) } ?? "",
                ])
            }
        }
    }

    /// A cell that a spreadsheet would run as a formula (starting with =, +, -, @, or a tab) gets a
    /// leading apostrophe; figures are written by this code and never start so.
    static func defused(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }
}
