import Foundation

/// Shared, preconfigured calendars. `Calendar` is a `Sendable` value type, but building one
/// (and its ICU state) is not free, so the common ones are built once.
enum JalaliCalendars {
    /// Asia/Tehran (UTC+03:30; DST was abolished in 2022, but older instants still need the
    /// tz database). The fixed-offset fallback only matters on a system without tzdata.
    static let tehran: TimeZone = TimeZone(identifier: "Asia/Tehran") ?? TimeZone(secondsFromGMT: 12_600)!
    static let utc: TimeZone = TimeZone(secondsFromGMT: 0)!

    static let persianTehran = make(.persian, tehran)
    /// For pure day arithmetic: no DST, every day has 86,400 s.
    static let persianUTC = make(.persian, utc)
    static let gregorianTehran = make(.gregorian, tehran)

    static func persian(in tz: TimeZone) -> Calendar {
        tz == tehran ? persianTehran : make(.persian, tz)
    }

    private static func make(_ id: Calendar.Identifier, _ tz: TimeZone) -> Calendar {
        var c = Calendar(identifier: id)
        c.timeZone = tz
        c.locale = Locale(identifier: "en_US_POSIX")
        return c
    }
}
