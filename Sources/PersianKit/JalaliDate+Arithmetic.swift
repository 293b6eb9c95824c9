import Foundation

extension JalaliDate {
    /// Noon UTC of this day: a time-zone-free anchor for day arithmetic.
    var noonUTC: Date {
        JalaliCalendars.persianUTC.date(from: DateComponents(year: year, month: month, day: day, hour: 12))
            ?? Date(timeIntervalSince1970: 0)
    }

    /// Days since 1970-01-01 (Gregorian), i.e. a running day number.
    var dayNumber: Int {
        Int((noonUTC.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    init(dayNumber: Int) {
        self.init(Date(timeIntervalSince1970: Double(dayNumber) * 86_400 + 43_200), in: JalaliCalendars.utc)
    }

    /// Foundation weekday of a day number: Sunday = 1 … Saturday = 7 (1970-01-01 was a Thursday).
    static func weekday(ofDayNumber n: Int) -> Int {
        ((n + 4) % 7 + 7) % 7 + 1
    }

    /// Foundation weekday: Sunday = 1 … Friday = 6, Saturday = 7.
    public var weekday: Int { Self.weekday(ofDayNumber: dayNumber) }

    /// The date `n` days later (earlier for negative `n`).
    public func adding(days n: Int) -> JalaliDate {
        n == 0 ? self : JalaliDate(dayNumber: dayNumber + n)
    }

    /// First day of the next month.
    var startOfNextMonth: JalaliDate {
        month == 12 ? JalaliDate(unchecked: year + 1, 1, 1) : JalaliDate(unchecked: year, month + 1, 1)
    }
}
