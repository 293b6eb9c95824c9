/// Why a Jalali date was rejected. Every case has the code `invalid_date`.
public enum JalaliDateError: BilingualError, Equatable {
    /// Nothing was entered.
    case empty
    /// Not of the form year/month/day (e.g. `۱۴۰۲/۰۳/۰۴`, `1402-3-4`).
    case malformed
    /// Year outside the supported range (1…9999).
    case yearOutOfRange(Int)
    /// Month not in 1…12.
    case monthOutOfRange(Int)
    /// Day not in the month, e.g. 1404/12/30 (1404 is not a leap year) or 1402/07/31.
    case dayOutOfRange(year: Int, month: Int, day: Int, daysInMonth: Int)
    /// A week the year does not have: `1404-W53` when 1404 has 52 weeks.
    case weekOutOfRange(year: Int, week: Int)

    public var code: String { "invalid_date" }

    /// A date of the right form that the calendar does not have (1404/12/30, 1402/07/31, year 0).
    public var isWellFormed: Bool {
        switch self {
        case .empty, .malformed, .monthOutOfRange: false
        case .yearOutOfRange, .dayOutOfRange, .weekOutOfRange: true
        }
    }

    public var messageFa: String {
        switch self {
        case .empty:
            return "تاریخ وارد نشده است."
        case .malformed:
            return "تاریخ باید به شکل سال/ماه/روز باشد، مانند ۱۴۰۲/۰۳/۰۴."
        case .yearOutOfRange(let y):
            return "سال \(fa(y)) پشتیبانی نمی‌شود."
        case .monthOutOfRange(let m):
            return "ماه باید بین ۱ و ۱۲ باشد؛ \(fa(m)) وارد شده است."
        case .dayOutOfRange(let y, let m, let d, let max):
            return "ماه \(JalaliFormat.monthName(m)) سال \(fa(y)) \(fa(max)) روز دارد؛ روز \(fa(d)) وجود ندارد."
        case .weekOutOfRange(let y, let w):
            return "سال \(fa(y)) هفتهٔ \(fa(w)) ندارد."
        }
    }

    public var messageEn: String {
        switch self {
        case .empty:
            return "Date is empty."
        case .malformed:
            return "Date must be year/month/day, e.g. 1402/03/04."
        case .yearOutOfRange(let y):
            return "Year \(y) is not supported."
        case .monthOutOfRange(let m):
            return "Month must be between 1 and 12; got \(m)."
        case .dayOutOfRange(let y, let m, let d, let max):
            return "Month \(m) of \(y) has \(max) days; day \(d) does not exist."
        case .weekOutOfRange(let y, let w):
            return "Year \(y) has no week \(w)."
        }
    }

    private func fa(_ n: Int) -> String { PersianDigits.toPersian(String(n)) }
}
