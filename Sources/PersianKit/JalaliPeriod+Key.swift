import Foundation

extension JalaliPeriod {
    /// Parses a period key back into its period: `1402`, `1402-03`, `1402-Q1`, `1402-W12`
    /// (Persian digits accepted). Used for report query parameters.
    public init(key input: String) throws(JalaliDateError) {
        let key = PersianDigits.toASCII(input).trimmingCharacters(in: .whitespaces).uppercased()
        if key.isEmpty { throw .empty }
        let parts = key.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts[0].utf8.count == 4, let year = Int(parts[0]), parts[0].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })
        else { throw .malformed }
        guard JalaliDate.years.contains(year + 1) else { throw .yearOutOfRange(year) }
        if parts.count == 1 {
            self = .containing(JalaliDate(unchecked: year, 1, 1), kind: .year)
            return
        }
        guard parts.count == 2, let tag = parts[1].first else { throw .malformed }
        let digits = parts[1].drop(while: { !$0.isNumber })
        guard !digits.isEmpty, digits.utf8.count <= 2, digits.allSatisfy(\.isASCII), let n = Int(digits) else { throw .malformed }
        let period: JalaliPeriod
        switch tag {
        case "Q":
            guard parts[1].utf8.count == 2, (1...4).contains(n) else { throw .malformed }
            period = .containing(JalaliDate(unchecked: year, (n - 1) * 3 + 1, 1), kind: .quarter)
        case "W":
            guard parts[1].utf8.count == 3, (1...53).contains(n) else { throw .malformed }
            period = .containing(JalaliDate(dayNumber: Week.firstSaturday(ofYear: year) + (n - 1) * 7), kind: .week)
            // Week 53 of a 52-week year lands in the next year: refused rather than silently shifted.
            guard period.key == key else { throw .weekOutOfRange(year: year, week: n) }
        default:
            guard parts[1].utf8.count == 2, (1...12).contains(n) else { throw .monthOutOfRange(n) }
            period = .containing(JalaliDate(unchecked: year, n, 1), kind: .month)
        }
        // Week 53 of a 52-week year lands in the next year: reject rather than silently shift.
        guard period.key == key else { throw .malformed }
        self = period
    }
}
