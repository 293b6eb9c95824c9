import Foundation
import Testing
@testable import PersianKit

@Suite(.timeLimit(.minutes(10))) struct BusinessCalendarTests {
    func day(_ y: Int, _ m: Int, _ d: Int) -> JalaliDate { JalaliDate(unchecked: y, m, d) }
    func at(_ d: JalaliDate, hour: Int, minute: Int = 0) -> Date {
        d.startOfDay().addingTimeInterval(Double(hour * 3_600 + minute * 60))
    }

    @Test func holidayFilesAreBundled() {
        #expect(HolidayTable.years == [1403, 1404, 1405, 1406])
        let all = HolidayTable.bundled()
        #expect(all.contains(day(1403, 1, 1)))       // Nowruz
        #expect(all.contains(day(1404, 11, 22)))     // 22 Bahman
        #expect(all.contains(day(1403, 4, 26)))      // Ashura 1403
        #expect(all.contains(day(1405, 3, 14)))      // Khomeini's death
        for year in 1403...1406 {
            let names = HolidayTable.entries.filter { $0.date.year == year }
            #expect(names.count >= 25, "\(year)")
            #expect(names.contains { $0.nameEn == "Nowruz" && $0.kind == .solar })
            #expect(names.contains { $0.nameEn == "Ashura" && $0.kind == .lunar })
            #expect(names.allSatisfy { !$0.nameFa.isEmpty })
        }
    }

    @Test func fridaysAndHolidaysAreNotBusinessDays() {
        let cal = BusinessCalendar.iran
        #expect(!cal.isBusinessDay(day(1403, 1, 1)))   // Nowruz
        #expect(!cal.isBusinessDay(day(1403, 2, 7)))   // Friday
        #expect(cal.isBusinessDay(day(1403, 2, 8)))    // Saturday
        #expect(cal.isBusinessDay(day(1403, 2, 6)))    // Thursday: a business day with Friday-only weekend
        let thuFri = BusinessCalendar(weekend: [5, 6], holidays: [])
        #expect(!thuFri.isBusinessDay(day(1403, 2, 6)))
    }

    @Test func addingKeepsTimeOfDay() {
        let cal = BusinessCalendar(weekend: [6], holidays: [])
        // Thursday 1403/02/06 10:30 + 1 business day = Saturday 1403/02/08 10:30.
        let start = at(day(1403, 2, 6), hour: 10, minute: 30)
        #expect(cal.adding(businessDays: 1, to: start) == at(day(1403, 2, 8), hour: 10, minute: 30))
        #expect(cal.adding(businessDays: 0, to: start) == start)
        #expect(cal.adding(businessDays: -1, to: at(day(1403, 2, 8), hour: 9)) == at(day(1403, 2, 6), hour: 9))
        // 6 business days = one calendar week.
        #expect(cal.adding(businessDays: 6, to: start) == at(day(1403, 2, 13), hour: 10, minute: 30))
    }

    @Test func nowruzStretch() {
        let cal = BusinessCalendar.iran
        // 1403/12/29 (oil nationalisation) and 12/30 (declared closure) are holidays, then
        // Nowruz 1404/01/01–04. From Tuesday 1403/12/28 09:00, 1 business day lands on
        // Tuesday 1404/01/05 09:00.
        let start = at(day(1403, 12, 28), hour: 9)
        #expect(cal.adding(businessDays: 1, to: start) == at(day(1404, 1, 5), hour: 9))
        #expect(cal.businessDays(from: start, to: at(day(1404, 1, 5), hour: 8)) == 1)
    }

    @Test func countIsInverseOfAdding() {
        let cal = BusinessCalendar.iran
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<300 {
            let base = day(1403, 1, 1).adding(days: Int.random(in: 0..<1_300, using: &rng))
            let start = at(base, hour: Int.random(in: 0..<24, using: &rng), minute: 17)
            let n = Int.random(in: -40...40, using: &rng)
            let end = cal.adding(businessDays: n, to: start)
            #expect(cal.businessDays(from: start, to: end) == n)
            if n != 0 { #expect(cal.isBusinessDay(JalaliDate(end))) }
        }
    }

    @Test func businessDaysCounting() {
        let cal = BusinessCalendar(weekend: [6], holidays: [day(1403, 2, 10)])
        let sat = at(day(1403, 2, 8), hour: 8)
        #expect(cal.businessDays(from: sat, to: sat.addingTimeInterval(3_600)) == 0)
        // Forward (Sat, Tue]: Sun 09, Mon 10 (holiday), Tue 11 → 2.
        #expect(cal.businessDays(from: sat, to: at(day(1403, 2, 11), hour: 8)) == 2)
        // Backward [Sat, Tue): Sat 08, Sun 09, Mon 10 (holiday) → −2.
        #expect(cal.businessDays(from: at(day(1403, 2, 11), hour: 8), to: sat) == -2)
    }

    @Test func allWeekendNeverLoops() {
        let cal = BusinessCalendar(weekend: Set(1...7), holidays: [])
        #expect(cal.adding(businessDays: 3, to: Date()) == .distantFuture)
    }
}
