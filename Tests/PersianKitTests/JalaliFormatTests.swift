import Foundation
import Testing
@testable import PersianKit

@Suite(.timeLimit(.minutes(10))) struct JalaliFormatTests {
    /// 2023-05-25 07:42 UTC = 1402/03/04 11:12 Tehran.
    let instant = Date(timeIntervalSince1970: 1_685_000_520)

    @Test func date() {
        #expect(JalaliFormat.date(instant) == "۴ خرداد ۱۴۰۲")
    }

    @Test func dateTime() {
        #expect(JalaliFormat.dateTime(instant) == "۱۴۰۲/۰۳/۰۴ ۱۱:۱۲")
    }

    @Test func number() {
        #expect(JalaliFormat.number(12_345) == "۱۲٬۳۴۵")
        #expect(JalaliFormat.number(0) == "۰")
        #expect(JalaliFormat.number(999) == "۹۹۹")
        #expect(JalaliFormat.number(1_000_000) == "۱٬۰۰۰٬۰۰۰")
        #expect(JalaliFormat.number(-1_234) == "\u{2212}۱٬۲۳۴")
        #expect(JalaliFormat.number(Int.min).hasPrefix("\u{2212}۹٬۲۲۳"))
    }

    @Test func businessDays() {
        #expect(JalaliFormat.businessDays(3) == "۳ روز کاری")
    }

    @Test func timeZone() {
        #expect(JalaliFormat.tehran.identifier == "Asia/Tehran")
    }

    @Test func names() {
        #expect(JalaliFormat.monthName(1) == "فروردین")
        #expect(JalaliFormat.monthName(12) == "اسفند")
        #expect(JalaliFormat.monthName(13) == "")
        #expect(JalaliFormat.weekdayName(7) == "شنبه")
        #expect(JalaliFormat.weekdayName(6) == "جمعه")
    }
}
