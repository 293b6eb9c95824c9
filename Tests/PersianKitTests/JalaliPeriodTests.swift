import Foundation
import Testing
@testable import PersianKit

@Suite(.timeLimit(.minutes(10))) struct JalaliPeriodTests {
    func day(_ y: Int, _ m: Int, _ d: Int) -> JalaliDate { JalaliDate(unchecked: y, m, d) }

    @Test func keys() {
        let d = day(1402, 3, 4).startOfDay().addingTimeInterval(3_600 * 11)
        #expect(JalaliPeriod.containing(d, kind: .year).key == "1402")
        #expect(JalaliPeriod.containing(d, kind: .month).key == "1402-03")
        #expect(JalaliPeriod.containing(d, kind: .quarter).key == "1402-Q1")
        #expect(JalaliPeriod.containing(day(1402, 7, 1), kind: .quarter).key == "1402-Q3")
        #expect(JalaliPeriod.containing(day(1402, 12, 29), kind: .quarter).key == "1402-Q4")
    }

    @Test func boundsAreTehranMidnights() {
        let p = JalaliPeriod.containing(day(1402, 3, 4), kind: .month)
        #expect(p.start == day(1402, 3, 1).startOfDay())
        #expect(p.end == day(1402, 4, 1).startOfDay())
        #expect(p.firstDay == day(1402, 3, 1) && p.lastDay == day(1402, 3, 31))
        let esfand = JalaliPeriod.containing(day(1403, 12, 5), kind: .month)
        #expect(esfand.lastDay == day(1403, 12, 30))  // leap year
        #expect(esfand.end == day(1404, 1, 1).startOfDay())
    }

    /// Week 1 is the Saturday–Friday week containing 1 Farvardin.
    @Test func weekRule() {
        // 1 Farvardin 1403 is a Wednesday; its week starts Saturday 26 Esfand 1402.
        let w1 = JalaliPeriod.containing(day(1403, 1, 1), kind: .week)
        #expect(w1.key == "1403-W01")
        #expect(w1.firstDay == day(1402, 12, 26))
        #expect(w1.firstDay.weekday == 7)  // Saturday
        #expect(w1.lastDay == day(1403, 1, 3))
        #expect(JalaliPeriod.containing(day(1402, 12, 26), kind: .week).key == "1403-W01")
        #expect(JalaliPeriod.containing(day(1402, 12, 25), kind: .week).key == "1402-W52")
        #expect(JalaliPeriod.containing(day(1403, 1, 4), kind: .week).key == "1403-W02")
    }

    @Test func everyDayOfSomeYearsIsInExactlyOneWeek() {
        var day = day(1399, 1, 1)
        var previous: JalaliPeriod?
        while day.year < 1410 {
            let w = JalaliPeriod.containing(day, kind: .week)
            #expect(w.firstDay <= day && day <= w.lastDay)
            // 7 days, ±1 h in weeks with a DST change (Iran dropped DST in 1401).
            #expect(abs(w.end.timeIntervalSince(w.start) - 7 * 86_400) <= 3_600)
            #expect(JalaliDate(w.start) == w.firstDay && JalaliDate(w.end) == w.lastDay.adding(days: 1))
            if let p = previous, p != w {
                #expect(p.end == w.start)
                #expect(w.previous == p)
            }
            previous = w
            day = day.adding(days: 1)
        }
    }

    @Test func weeksPerYear() {
        for year in 1390...1420 {
            // The week before next year's week 1 is this year's last week.
            let nextW1 = JalaliPeriod.containing(JalaliDate(unchecked: year + 1, 1, 1), kind: .week)
            let lastWeek = nextW1.previous
            #expect(lastWeek.key.hasPrefix("\(year)-W"))
            let n = Int(lastWeek.key.suffix(2)) ?? 0
            #expect(n == 52 || n == 53, "\(year): \(n)")
        }
    }

    @Test func previous() {
        #expect(JalaliPeriod.containing(day(1402, 1, 10), kind: .month).previous.key == "1401-12")
        #expect(JalaliPeriod.containing(day(1402, 1, 10), kind: .quarter).previous.key == "1401-Q4")
        #expect(JalaliPeriod.containing(day(1402, 5, 10), kind: .year).previous.key == "1401")
        #expect(JalaliPeriod.containing(day(1403, 1, 1), kind: .week).previous.key == "1402-W52")
    }

    @Test func sameLastYear() {
        #expect(JalaliPeriod.containing(day(1403, 12, 30), kind: .month).sameLastYear.key == "1402-12")
        #expect(JalaliPeriod.containing(day(1403, 5, 1), kind: .quarter).sameLastYear.key == "1402-Q2")
        #expect(JalaliPeriod.containing(day(1403, 5, 1), kind: .year).sameLastYear.key == "1402")
        #expect(JalaliPeriod.containing(day(1403, 3, 1), kind: .week).sameLastYear.key
            == JalaliPeriod.containing(day(1403, 3, 1), kind: .week).key.replacingOccurrences(of: "1403-", with: "1402-"))
    }

    @Test func week53MapsToLastWeekOfA52WeekYear() {
        // Find a 53-week year whose previous year has 52 weeks.
        for year in 1391...1430 {
            let w53 = JalaliPeriod.containing(JalaliDate(unchecked: year + 1, 1, 1), kind: .week).previous
            guard w53.key.hasSuffix("W53") else { continue }
            let last = w53.sameLastYear
            #expect(last.key.hasPrefix("\(year - 1)-W5"))
            #expect(JalaliPeriod.containing(JalaliDate(unchecked: year, 1, 1), kind: .week).previous == last
                || last.key.hasSuffix("W53"))
            return
        }
        Issue.record("no 53-week year found")
    }

    /// `yyyy-W53` of a 52-week year has the form and no such week: refused as well-formed (the API's 422).
    @Test func week53OfA52WeekYearIsRefusedAsWellFormed() throws {
        let year = try #require((1391...1430).first { y in
            !JalaliPeriod.containing(JalaliDate(unchecked: y + 1, 1, 1), kind: .week).previous.key.hasSuffix("W53")
        })
        #expect(throws: JalaliDateError.weekOutOfRange(year: year, week: 53)) { try JalaliPeriod(key: "\(year)-W53") }
        #expect(JalaliDateError.weekOutOfRange(year: year, week: 53).isWellFormed)
        #expect(throws: JalaliDateError.malformed) { try JalaliPeriod(key: "\(year)-W54") }
        #expect(!JalaliDateError.malformed.isWellFormed)
    }

    @Test func labels() {
        #expect(JalaliPeriod.containing(day(1402, 3, 4), kind: .month).labelFa == "خرداد ۱۴۰۲")
        #expect(JalaliPeriod.containing(day(1402, 3, 4), kind: .quarter).labelFa == "فصل ۱ سال ۱۴۰۲")
        #expect(JalaliPeriod.containing(day(1402, 3, 4), kind: .year).labelFa == "سال ۱۴۰۲")
        #expect(JalaliPeriod.containing(day(1403, 1, 1), kind: .week).labelFa == "هفتهٔ ۱ سال ۱۴۰۳")
    }

    @Test func keyRoundTrip() throws {
        var d = JalaliDate(unchecked: 1401, 1, 1)
        while d.year < 1406 {
            for kind in JalaliPeriod.Kind.allCases {
                let p = JalaliPeriod.containing(d, kind: kind)
                #expect(try JalaliPeriod(key: p.key) == p)
            }
            d = d.adding(days: 5)
        }
        #expect(try JalaliPeriod(key: "۱۴۰۲-q1").key == "1402-Q1")
    }

    @Test(arguments: ["", "14", "1402-", "1402-13", "1402-00", "1402-Q5", "1402-Q0", "1402-W00", "1402-W60",
                      "1402-X1", "1402-3", "1402-W1", "1402-03-04", "abcd", "😀", "9999-01"])
    func badKeys(key: String) {
        #expect(throws: JalaliDateError.self) { try JalaliPeriod(key: key) }
    }

    @Test func allKindsIterate() {
        #expect(JalaliPeriod.Kind.allCases.count == 4)
        for kind in JalaliPeriod.Kind.allCases {
            let p = JalaliPeriod.containing(Date(), kind: kind)
            #expect(p.start <= Date() && Date() < p.end)
            #expect(p.kind == kind)
        }
    }
}
