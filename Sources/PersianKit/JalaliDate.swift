import Foundation

/// A day of the Jalali (Solar Hijri) calendar, without time or time zone.
///
/// Months 1–6 have 31 days, 7–11 have 30, Esfand (12) has 29, or 30 in leap years. Leap years
/// follow the 33-year arithmetic rule used by ICU (`Calendar(identifier: .persian)`) and by
/// jdatetime: a year is leap iff `(25·year + 11) mod 33 < 8`. The oracle test checks every day
/// of 1300–1500 against jdatetime.
public struct JalaliDate: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Supported years. Wide on purpose: parsers must reject, never trap.
    static let years = 1...9999

    /// A validated date; throws for 1404/12/30, 1402/07/31, month 13 and so on.
    public init(year: Int, month: Int, day: Int) throws(JalaliDateError) {
        guard Self.years.contains(year) else { throw .yearOutOfRange(year) }
        guard (1...12).contains(month) else { throw .monthOutOfRange(month) }
        let max = Self.daysIn(month: month, year: year)
        guard (1...max).contains(day) else {
            throw .dayOutOfRange(year: year, month: month, day: day, daysInMonth: max)
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// For values already known to be valid (from ICU or arithmetic on valid dates).
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `۱۴۰۲/۰۳/۰۴`, `1402-3-4`, `1402/03/04` (Persian, Arabic-Indic or ASCII digits;
    /// `/`, `-` or `.` between the parts).
    public init(parsing input: String) throws(JalaliDateError) {
        let cleaned = String(String.UnicodeScalarView(
            PersianDigits.toASCII(input).unicodeScalars.filter { !PersianCharacters.isInvisibleNoise($0) }
        )).trimmingCharacters(in: .whitespacesAndNewlines)
        if cleaned.isEmpty { throw .empty }
        let parts = cleaned.split(omittingEmptySubsequences: false, whereSeparator: { "/-.".contains($0) })
        guard parts.count == 3 else { throw .malformed }
        var numbers: [Int] = []
        for (i, part) in parts.enumerated() {
            let maxLength = i == 0 ? 4 : 2
            guard (1...maxLength).contains(part.utf8.count),
                  part.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                  let n = Int(part)
            else { throw .malformed }
            numbers.append(n)
        }
        try self.init(year: numbers[0], month: numbers[1], day: numbers[2])
    }

    /// The Jalali day that `date` falls on in `tz` (Tehran by default).
    public init(_ date: Date, in tz: TimeZone = JalaliFormat.tehran) {
        let c = JalaliCalendars.persian(in: tz).dateComponents([.year, .month, .day], from: date)
        self.init(unchecked: c.year ?? 1, c.month ?? 1, c.day ?? 1)
    }

    /// The first instant of this day in `tz`.
    public func startOfDay(in tz: TimeZone = JalaliFormat.tehran) -> Date {
        let cal = JalaliCalendars.persian(in: tz)
        // Go through noon: on old DST-change days midnight itself may not exist.
        let noon = cal.date(from: DateComponents(year: year, month: month, day: day, hour: 12)) ?? noonUTC
        return cal.startOfDay(for: noon)
    }

    public static func < (a: JalaliDate, b: JalaliDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `1402/03/04`, ASCII digits (for logs and storage; use `JalaliFormat` for people).
    public var description: String {
        String(format: "%04d/%02d/%02d", year, month, day)
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: raw) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.messageEn))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    // MARK: Calendar rules

    /// Leap year per the 33-year arithmetic cycle (same as ICU and jdatetime).
    public static func isLeapYear(_ year: Int) -> Bool {
        ((25 * year + 11) % 33 + 33) % 33 < 8
    }

    /// 31, 30, or 29/30 for Esfand.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 1...6: 31
        case 7...11: 30
        default: isLeapYear(year) ? 30 : 29
        }
    }
}
