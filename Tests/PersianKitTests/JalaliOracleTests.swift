import Foundation
import Testing
@testable import PersianKit

/// Every day of 1300–1500 against jdatetime (Fixtures/jalali.txt, made by
/// scripts/gen_jalali_fixture.py): Jalali → Gregorian and Gregorian → Jalali.
struct JalaliOracleTests {
    struct Pair {
        let jalali: (Int, Int, Int)
        let gregorian: (Int, Int, Int)
    }

    static func pairs() throws -> [Pair] {
        func split(_ s: Substring) -> (Int, Int, Int) {
            let n = Int(s) ?? 0
            return (n / 10_000, n / 100 % 100, n % 100)
        }
        return try FixtureLoader.lines("jalali.txt").map { line in
            let parts = line.split(separator: " ")
            return Pair(jalali: split(parts[0]), gregorian: split(parts[1]))
        }
    }

    static let gregorianUTC: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(secondsFromGMT: 0)!
        return c
    }()

    @Test func fixtureCoversTwoHundredYears() throws {
        let pairs = try Self.pairs()
        #expect(pairs.count == 73_414)
        let first = try #require(pairs.first)
        #expect(first.jalali == (1300, 1, 1) && first.gregorian == (1921, 3, 21))
    }

    @Test func bothDirectionsForEveryDay() throws {
        var failures: [String] = []
        for p in try Self.pairs() {
            let (jy, jm, jd) = p.jalali
            let (gy, gm, gd) = p.gregorian
            // Gregorian noon in Tehran → Jalali.
            let comps = DateComponents(year: gy, month: gm, day: gd, hour: 12)
            guard let instant = JalaliCalendars.gregorianTehran.date(from: comps) else {
                failures.append("no date for \(p.gregorian)"); continue
            }
            let j = JalaliDate(instant)
            if (j.year, j.month, j.day) != (jy, jm, jd) { failures.append("G→J \(p.gregorian): got \(j)") }
            // Jalali → Gregorian (through our validating init and start of day in Tehran).
            guard let date = try? JalaliDate(year: jy, month: jm, day: jd) else {
                failures.append("rejected valid \(p.jalali)"); continue
            }
            let g = JalaliCalendars.gregorianTehran.dateComponents([.year, .month, .day], from: date.startOfDay())
            if (g.year, g.month, g.day) != (gy, gm, gd) { failures.append("J→G \(p.jalali): got \(g)") }
            if failures.count > 20 { break }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    /// The fixture lists every valid day, so its set of month lengths is the calendar's: each
    /// Esfand 30 present exactly in our leap years.
    @Test func leapYearsMatch() throws {
        var esfand30 = Set<Int>()
        for p in try Self.pairs() where p.jalali.1 == 12 && p.jalali.2 == 30 { esfand30.insert(p.jalali.0) }
        for year in 1300...1500 {
            #expect(JalaliDate.isLeapYear(year) == esfand30.contains(year), "\(year)")
        }
    }

    @Test func dayNumbersAreConsecutive() throws {
        let pairs = try Self.pairs()
        let first = JalaliDate(unchecked: 1300, 1, 1).dayNumber
        for (i, p) in pairs.enumerated() where i % 97 == 0 {
            let d = JalaliDate(unchecked: p.jalali.0, p.jalali.1, p.jalali.2)
            #expect(d.dayNumber == first + i)
            #expect(JalaliDate(dayNumber: first + i) == d)
        }
    }
}
