import Foundation

/// How dates and numbers are shown to people: Jalali calendar, Tehran time, Persian digits.
public enum JalaliFormat {
    /// Asia/Tehran; every date a person sees is in this zone.
    public static let tehran: TimeZone = JalaliCalendars.tehran

    static let monthNames = [
        "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
        "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
    ]

    /// Foundation weekday order: Sunday = 1 … Saturday = 7.
    static let weekdayNames = ["یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه"]

    /// «فروردین» … «اسفند» for 1…12; empty string otherwise.
    public static func monthName(_ month: Int) -> String {
        (1...12).contains(month) ? monthNames[month - 1] : ""
    }

    /// «شنبه» … «جمعه» for a Foundation weekday (Sunday = 1 … Saturday = 7).
    public static func weekdayName(_ weekday: Int) -> String {
        (1...7).contains(weekday) ? weekdayNames[weekday - 1] : ""
    }

    /// `۴ خرداد ۱۴۰۲` — the day in Tehran.
    public static func date(_ d: Date) -> String {
        date(JalaliDate(d))
    }

    /// `۴ خرداد ۱۴۰۲`.
    public static func date(_ d: JalaliDate) -> String {
        PersianDigits.toPersian("\(d.day) \(monthName(d.month)) \(d.year)")
    }

    /// `۱۴۰۲/۰۳/۰۴ ۱۱:۱۲` — Tehran wall-clock time, 24-hour.
    public static func dateTime(_ d: Date) -> String {
        let c = JalaliCalendars.persianTehran.dateComponents([.year, .month, .day, .hour, .minute], from: d)
        let s = String(format: "%04d/%02d/%02d %02d:%02d",
                       c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
        return PersianDigits.toPersian(s)
    }

    /// `۱۲٬۳۴۵` — Persian digits grouped by three with U+066C ARABIC THOUSANDS SEPARATOR;
    /// negative numbers get U+2212 MINUS SIGN.
    public static func number(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append("\u{066C}") }
            out.append(ch)
        }
        return (n < 0 ? "\u{2212}" : "") + PersianDigits.toPersian(out)
    }

    /// `۳ روز کاری`.
    public static func businessDays(_ n: Int) -> String {
        "\(number(n)) روز کاری"
    }
}
