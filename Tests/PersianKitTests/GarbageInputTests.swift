import Foundation
import Testing
@testable import PersianKit

/// Parsers return typed errors for anything; they never trap.
@Suite(.timeLimit(.minutes(10))) struct GarbageInputTests {
    static let garbage: [String] = [
        "", " ", "\n\t", "😀", "👨‍👩‍👧‍👦👨‍👩‍👧‍👦", "\u{0000}", "\u{200C}\u{200F}", "ـــ", "+", "++98", "+98",
        String(repeating: "1", count: 1_000), String(repeating: "۹", count: 1_000),
        String(repeating: "0", count: 1_000), "-1", "1e10", "NaN", "null", "٫٬", "9" + String(repeating: "x", count: 50),
        "۱۴۰۲/۰۳/۰۴/۰۵", "99999/1/1", "1402/1/99999999999999999999", "-1402/1/1", "1402/-1/1",
        "//", "--", "..", "1402/۱۲/٣٠", String(repeating: "/", count: 500), "\u{FFFF}\u{10FFFF}",
    ]

    @Test(arguments: garbage)
    func identifiers(input: String) {
        #expect(throws: IdentifierError.self) { try NationalID(parsing: input) }
        #expect(throws: IdentifierError.self) { try MobileNumber(parsing: input) }
        #expect(throws: IdentifierError.self) { try TrackingCode(parsing: input) }
    }

    @Test(arguments: garbage)
    func dates(input: String) {
        #expect(throws: JalaliDateError.self) { try JalaliDate(parsing: input) }
    }

    @Test(arguments: garbage)
    func textFunctionsAreTotal(input: String) {
        _ = PersianText.normalize(input)
        _ = PersianText.searchKey(input)
        _ = PersianText.normalizeIdentifier(input)
        _ = PersianDigits.toASCII(input)
    }

    @Test func extremeNumbers() {
        #expect(throws: JalaliDateError.self) { try JalaliDate(year: .max, month: .max, day: .max) }
        #expect(throws: JalaliDateError.self) { try JalaliDate(year: .min, month: 1, day: 1) }
        #expect(throws: JalaliDateError.self) { try JalaliDate(year: 1402, month: 1, day: .min) }
    }

    @Test func everyErrorHasCodeAndMessages() {
        let errors: [any BilingualError] = [
            IdentifierError.empty(.nationalID), IdentifierError.notDigits(.mobile),
            IdentifierError.wrongLength(.trackingCode, expected: 11, actual: 1_000),
            IdentifierError.allSameDigits, IdentifierError.badCheckDigit(.nationalID),
            IdentifierError.badCheckDigit(.trackingCode), IdentifierError.notMobilePrefix,
            IdentifierError.unknownMobilePrefix("0970"), IdentifierError.leadingZero,
            JalaliDateError.empty, JalaliDateError.malformed, JalaliDateError.yearOutOfRange(0),
            JalaliDateError.monthOutOfRange(13),
            JalaliDateError.dayOutOfRange(year: 1404, month: 12, day: 30, daysInMonth: 29),
        ]
        let codes: Set<String> = ["invalid_national_id", "invalid_mobile", "invalid_tracking_code", "invalid_date"]
        for e in errors {
            #expect(codes.contains(e.code))
            #expect(!e.messageFa.isEmpty && !e.messageEn.isEmpty)
            #expect(e.messageFa.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) })
            #expect(!e.messageFa.unicodeScalars.contains { (0x30...0x39).contains($0.value) }, "ASCII digits in: \(e.messageFa)")
        }
    }
}
