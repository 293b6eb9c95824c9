import Foundation

/// Working days for SLA clocks: a day is a business day unless it is a weekend day or an
/// official holiday. All day boundaries are in Tehran.
public struct BusinessCalendar: Sendable {
    /// Foundation weekday numbers (Sunday = 1 … Friday = 6, Saturday = 7).
    public let weekend: Set<Int>
    public let holidays: Set<JalaliDate>
    /// Holidays as day numbers, so the day loops below do no calendar conversions.
    private let holidayDays: Set<Int>

    /// - Parameters:
    ///   - weekend: Foundation weekday numbers; Friday = 6 (add Thursday = 5 for agencies closed
    ///     on Thursdays).
    ///   - holidays: official holidays (see `HolidayTable.bundled()`).
    public init(weekend: Set<Int> = [6], holidays: Set<JalaliDate>) {
        self.weekend = weekend.filter { (1...7).contains($0) }
        self.holidays = holidays
        self.holidayDays = Set(holidays.map(\.dayNumber))
    }

    /// Friday weekend and the bundled official holidays.
    public static let iran = BusinessCalendar(weekend: [6], holidays: HolidayTable.bundled())

    public func isBusinessDay(_ d: JalaliDate) -> Bool {
        isBusinessDay(dayNumber: d.dayNumber)
    }

    private func isBusinessDay(dayNumber n: Int) -> Bool {
        !weekend.contains(JalaliDate.weekday(ofDayNumber: n)) && !holidayDays.contains(n)
    }

    /// The same Tehran time of day, `n` business days later (earlier if `n` is negative).
    /// Counting starts with the day after `date`, so from Thursday 10:00, 1 business day is
    /// Saturday 10:00 (with a Friday weekend); `date` itself need not be a business day.
    public func adding(businessDays n: Int, to date: Date) -> Date {
        guard n != 0 else { return date }
        guard weekend.count < 7 else { return n > 0 ? .distantFuture : .distantPast }
        let startDay = JalaliDate(date).dayNumber
        let step = n > 0 ? 1 : -1
        var offset = 0
        var remaining = n.magnitude
        while remaining > 0 {
            offset += step
            if isBusinessDay(dayNumber: startDay + offset) { remaining -= 1 }
        }
        // Adding calendar days keeps the wall-clock time in Tehran.
        return JalaliCalendars.persianTehran.date(byAdding: .day, value: offset, to: date)
            ?? date.addingTimeInterval(Double(offset) * 86_400)
    }

    /// Signed number of business-day steps from `from`'s day to `to`'s day (Tehran), the inverse
    /// of `adding(businessDays:to:)`: `businessDays(from: x, to: adding(businessDays: n, to: x)) == n`.
    /// Forward it counts the business days in (from, to]; backward, minus those in [to, from).
    /// 0 on the same day; time of day is ignored.
    public func businessDays(from: Date, to: Date) -> Int {
        let a = JalaliDate(from).dayNumber
        let b = JalaliDate(to).dayNumber
        if a == b { return 0 }
        let days = a < b ? (a + 1)...b : b...(a - 1)
        let count = days.reduce(0) { $0 + (isBusinessDay(dayNumber: $1) ? 1 : 0) }
        return a < b ? count : -count
    }
}
