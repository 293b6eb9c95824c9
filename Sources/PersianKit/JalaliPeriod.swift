import Foundation

/// A reporting period of the Jalali calendar in Tehran: a week, month, quarter or year.
///
/// Keys (stable, sortable within a kind, stored with each case for reports):
/// - year `1402`; month `1402-03`; quarter `1402-Q1` (Q1 = Farvardin–Khordad, … Q4 = Dey–Esfand);
/// - week `1402-W12`: weeks run Saturday–Friday (the Iranian working week). **Week 1 of year Y
///   is the Saturday–Friday week containing 1 Farvardin Y**, so a week belongs to the year its
///   Friday falls in; the last days of Esfand can belong to week 1 of the next year, and a
///   year has 52 or 53 weeks.
public struct JalaliPeriod: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case week, month, quarter, year
    }

    public let kind: Kind
    /// `1402-W12`, `1402-03`, `1402-Q1` or `1402`.
    public let key: String
    /// The period's first instant (00:00 Tehran of its first day).
    public let start: Date
    /// The next period's first instant (exclusive end).
    public let end: Date

    /// First and last Jalali day of the period (inclusive).
    public let firstDay: JalaliDate
    public let lastDay: JalaliDate

    /// The period of `kind` containing `date` (in Tehran).
    public static func containing(_ date: Date, kind: Kind) -> JalaliPeriod {
        containing(JalaliDate(date), kind: kind)
    }

    /// The period of `kind` containing the day `day`.
    public static func containing(_ day: JalaliDate, kind: Kind) -> JalaliPeriod {
        switch kind {
        case .year:
            return make(.year, String(format: "%04d", day.year),
                        JalaliDate(unchecked: day.year, 1, 1), JalaliDate(unchecked: day.year + 1, 1, 1))
        case .month:
            let first = JalaliDate(unchecked: day.year, day.month, 1)
            return make(.month, String(format: "%04d-%02d", day.year, day.month), first, first.startOfNextMonth)
        case .quarter:
            let q = (day.month - 1) / 3
            let first = JalaliDate(unchecked: day.year, q * 3 + 1, 1)
            let next = q == 3 ? JalaliDate(unchecked: day.year + 1, 1, 1) : JalaliDate(unchecked: day.year, q * 3 + 4, 1)
            return make(.quarter, String(format: "%04d-Q%d", day.year, q + 1), first, next)
        case .week:
            let saturday = Week.saturday(onOrBefore: day.dayNumber)
            let weekYear = JalaliDate(dayNumber: saturday + 6).year
            let number = (saturday - Week.firstSaturday(ofYear: weekYear)) / 7 + 1
            return make(.week, String(format: "%04d-W%02d", weekYear, number),
                        JalaliDate(dayNumber: saturday), JalaliDate(dayNumber: saturday + 7))
        }
    }

    private static func make(_ kind: Kind, _ key: String, _ first: JalaliDate, _ next: JalaliDate) -> JalaliPeriod {
        JalaliPeriod(kind: kind, key: key,
                     start: first.startOfDay(), end: next.startOfDay(),
                     firstDay: first, lastDay: next.adding(days: -1))
    }

    /// The period just before this one.
    public var previous: JalaliPeriod {
        Self.containing(firstDay.adding(days: -1), kind: kind)
    }

    /// The same period one year earlier: same month/quarter of last year; for weeks, the week
    /// with the same number (or last year's final week if it had no week 53).
    public var sameLastYear: JalaliPeriod {
        switch kind {
        case .year, .month, .quarter:
            return Self.containing(JalaliDate(unchecked: firstDay.year - 1, firstDay.month, 1), kind: kind)
        case .week:
            let weekYear = Int(key.prefix(while: { $0 != "-" })) ?? firstDay.year
            let number = Int(key.split(separator: "W").last ?? "1") ?? 1
            let firstSaturday = Week.firstSaturday(ofYear: weekYear - 1)
            let candidate = Self.containing(JalaliDate(dayNumber: firstSaturday + (number - 1) * 7), kind: .week)
            if candidate.key.hasPrefix(String(format: "%04d-", weekYear - 1)) { return candidate }
            // Week 53 asked of a 52-week year: use that year's last week.
            return Self.containing(JalaliDate(dayNumber: Week.firstSaturday(ofYear: weekYear) - 1), kind: .week)
        }
    }

    /// Persian label for reports: «هفتهٔ ۱۲ سال ۱۴۰۲», «خرداد ۱۴۰۲», «فصل ۱ سال ۱۴۰۲», «سال ۱۴۰۲».
    public var labelFa: String {
        let parts = key.split(separator: "-").map(String.init)
        let year = PersianDigits.toPersian(String(Int(parts[0]) ?? 0))
        switch kind {
        case .year: return "سال \(year)"
        case .month: return "\(JalaliFormat.monthName(firstDay.month)) \(year)"
        case .quarter: return "فصل \(PersianDigits.toPersian(String(parts[1].dropFirst()))) سال \(year)"
        case .week: return "هفتهٔ \(PersianDigits.toPersian(String(Int(parts[1].dropFirst()) ?? 0))) سال \(year)"
        }
    }
}

/// The Saturday–Friday week rule.
enum Week {
    /// Day number of the Saturday starting the week that contains day number `n`.
    static func saturday(onOrBefore n: Int) -> Int {
        // Foundation weekday: Saturday = 7, Sunday = 1 … Friday = 6 → days since Saturday.
        let sinceSaturday = JalaliDate.weekday(ofDayNumber: n) % 7
        return n - sinceSaturday
    }

    /// Saturday of week 1 of `year`: the week containing 1 Farvardin.
    static func firstSaturday(ofYear year: Int) -> Int {
        saturday(onOrBefore: JalaliDate(unchecked: year, 1, 1).dayNumber)
    }
}
