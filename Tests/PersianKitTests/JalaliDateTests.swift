import Foundation
import Testing
@testable import PersianKit

@Suite(.timeLimit(.minutes(10))) struct JalaliDateTests {
    @Test(arguments: ["۱۴۰۲/۰۳/۰۴", "1402-3-4", "1402/03/04", " 1402.03.04 ", "١٤٠٢/٣/٤", "\u{200F}۱۴۰۲/۳/۴"])
    func parsing(input: String) throws {
        let d = try JalaliDate(parsing: input)
        #expect(d == (try JalaliDate(year: 1402, month: 3, day: 4)))
    }

    @Test func validation() {
        #expect(throws: JalaliDateError.dayOutOfRange(year: 1404, month: 12, day: 30, daysInMonth: 29)) {
            try JalaliDate(year: 1404, month: 12, day: 30)
        }
        #expect(throws: JalaliDateError.dayOutOfRange(year: 1402, month: 7, day: 31, daysInMonth: 30)) {
            try JalaliDate(year: 1402, month: 7, day: 31)
        }
        #expect(throws: JalaliDateError.monthOutOfRange(13)) { try JalaliDate(year: 1402, month: 13, day: 1) }
        #expect(throws: JalaliDateError.monthOutOfRange(0)) { try JalaliDate(parsing: "1402/00/10") }
        #expect(throws: JalaliDateError.yearOutOfRange(0)) { try JalaliDate(year: 0, month: 1, day: 1) }
        #expect(throws: JalaliDateError.empty) { try JalaliDate(parsing: "  ") }
        #expect(throws: JalaliDateError.malformed) { try JalaliDate(parsing: "1402/03") }
        #expect(throws: JalaliDateError.malformed) { try JalaliDate(parsing: "1402//04") }
        #expect(throws: JalaliDateError.malformed) { try JalaliDate(parsing: "14021/03/04") }
        #expect(throws: JalaliDateError.malformed) { try JalaliDate(parsing: "فردا") }
        #expect((try? JalaliDate(year: 1403, month: 12, day: 30)) != nil)  // 1403 is leap
    }

    @Test func errorCodeAndMessages() {
        let e = JalaliDateError.dayOutOfRange(year: 1404, month: 12, day: 30, daysInMonth: 29)
        #expect(e.code == "invalid_date")
        #expect(e.messageFa.contains("اسفند") && e.messageFa.contains("۲۹"))
        #expect(e.messageEn.contains("29"))
    }

    @Test func fromDateUsesTehran() throws {
        // 2023-05-25 20:30 UTC is 2023-05-26 00:00 in Tehran (+03:30): already 5 Khordad.
        let instant = Date(timeIntervalSince1970: 1_685_046_600)
        #expect(JalaliDate(instant) == (try JalaliDate(year: 1402, month: 3, day: 5)))
        #expect(JalaliDate(instant, in: TimeZone(secondsFromGMT: 0)!) == (try JalaliDate(year: 1402, month: 3, day: 4)))
    }

    @Test func startOfDay() throws {
        let d = try JalaliDate(year: 1402, month: 3, day: 5)
        #expect(d.startOfDay() == Date(timeIntervalSince1970: 1_685_046_600))
        #expect(JalaliDate(d.startOfDay()) == d)
        #expect(JalaliDate(d.startOfDay().addingTimeInterval(-1)) == d.adding(days: -1))
    }

    @Test func comparableAndDescription() throws {
        let a = try JalaliDate(year: 1402, month: 12, day: 29)
        let b = try JalaliDate(year: 1403, month: 1, day: 1)
        #expect(a < b)
        #expect(a.adding(days: 1) == b)
        #expect(a.description == "1402/12/29")
    }

    @Test func weekday() throws {
        // 1 Farvardin 1403 = Wednesday 2024-03-20 (Foundation weekday 4).
        #expect(try JalaliDate(year: 1403, month: 1, day: 1).weekday == 4)
    }

    @Test func codable() throws {
        let d = try JalaliDate(year: 1402, month: 3, day: 4)
        let data = try JSONEncoder().encode(d)
        #expect(String(decoding: data, as: UTF8.self) == "\"1402\\/03\\/04\"")
        #expect(try JSONDecoder().decode(JalaliDate.self, from: data) == d)
    }
}
