import Foundation
import PersianKit

/// When generated cases were registered: three Jalali years up to now, each busier than the last,
/// during the hours the 111 line is staffed.
///
/// Slot `i` of `n` gets the time at quantile `(i + jitter) / n` of the growth curve, so times rise
/// with the slot number: case ids follow registration order, as they do for cases the app writes.
struct GenerateTimeline: Sendable {
    /// Start of the first of the three Jalali years (00:00 Tehran, 1 Farvardin).
    let start: Date
    let end: Date
    /// Letters per day grow by this factor every 365 days (the 1,000-a-day line became tens of thousands).
    let yearlyGrowth = 1.4
    private let days: Double

    init(now: Date) {
        let thisYear = JalaliDate(now).year
        start = ((try? JalaliDate(year: thisYear - 2, month: 1, day: 1)) ?? JalaliDate(now)).startOfDay()
        end = now
        // Whole days so far, plus the part of today's working hours already past: no letter lies in the future.
        let elapsed = max(0, now.timeIntervalSince(start))
        let today = (elapsed / 86_400).rounded(.down)
        let workedToday = min(max((elapsed - today * 86_400 - 8 * 3600) / (12 * 3600), 0), 1)
        days = max(today + workedToday, 0.01)
    }

    /// The registration time of slot `index` of `count`; `jitter` in [0, 1).
    func time(slot index: Int, of count: Int, jitter: Double) -> Date {
        let u = (Double(index) + jitter) / Double(max(count, 1))
        // Inverse of the CDF of a density growing as g^(t/365) over [0, days].
        let k = log(yearlyGrowth) / 365
        let t = log(1 + u * (exp(k * days) - 1)) / k
        let day = t.rounded(.down)
        // Spread each day's letters over 08:00–20:00 Tehran, the line's working hours; monotone in t.
        let seconds = 8 * 3600 + (t - day) * 12 * 3600
        return min(start.addingTimeInterval(day * 86_400 + seconds), end)
    }
}

/// Per-day values that are expensive to compute and the same for every case of that day: the Jalali
/// period keys stored with each case and the SLA due dates of referrals.
///
/// One cache per generating task, so no locking; millions of cases touch about a thousand days.
struct DayCache {
    struct Periods {
        let week: String
        let month: String
        let quarter: String
        let year: String
    }

    private var periods: [Int: Periods] = [:]
    private var dues: [Int: Int] = [:]
    let calendar: BusinessCalendar

    init(calendar: BusinessCalendar) {
        self.calendar = calendar
    }

    /// The Tehran day a UTC millisecond instant falls in. Generated times lie between 08:00 and 20:00
    /// Tehran, so the fixed +03:30 offset is exact even on the old daylight-saving days.
    static func dayKey(_ millis: Int) -> Int { (millis + 12_600_000) / 86_400_000 }

    mutating func periods(_ millis: Int) -> Periods {
        let key = Self.dayKey(millis)
        if let hit = periods[key] { return hit }
        let at = Date(timeIntervalSince1970: Double(millis) / 1000)
        let value = Periods(
            week: JalaliPeriod.containing(at, kind: .week).key, month: JalaliPeriod.containing(at, kind: .month).key,
            quarter: JalaliPeriod.containing(at, kind: .quarter).key, year: JalaliPeriod.containing(at, kind: .year).key)
        periods[key] = value
        return value
    }

    /// `at` plus `businessDays` working days, as `SQLStore.refer` computes a referral's due date.
    mutating func due(_ millis: Int, businessDays: Int) -> Int {
        let key = Self.dayKey(millis) * 64 + businessDays
        let dayStart = Self.dayKey(millis) * 86_400_000 - 12_600_000
        if let hit = dues[key] { return hit + (millis - dayStart) }
        let due = calendar.adding(businessDays: businessDays, to: Date(timeIntervalSince1970: Double(dayStart) / 1000))
        let offset = Int((due.timeIntervalSince1970 * 1000).rounded()) - dayStart
        dues[key] = dayStart + offset
        return dayStart + offset + (millis - dayStart)
    }
}

extension Date {
    /// UTC milliseconds, as Storage keeps instants (`Date.millis` there is internal to Storage).
    var generatedMillis: Int { Int((timeIntervalSince1970 * 1000).rounded()) }
}
