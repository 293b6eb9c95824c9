import Foundation
import Testing
@testable import PersianKit

@Suite(.timeLimit(.minutes(10))) struct NationalIDTests {
    /// Reason name of an error, to compare with the fixture's `error:<reason>`.
    static func reason(_ e: IdentifierError) -> String {
        switch e {
        case .empty: "empty"
        case .notDigits: "notDigits"
        case .wrongLength: "wrongLength"
        case .allSameDigits: "allSameDigits"
        case .badCheckDigit: "badCheckDigit"
        case .notMobilePrefix: "notMobilePrefix"
        case .unknownMobilePrefix: "unknownMobilePrefix"
        case .leadingZero: "leadingZero"
        }
    }

    @Test func vectorsFromIndependentGenerator() throws {
        let lines = try FixtureLoader.lines("national-ids.tsv")
        #expect(lines.count > 1_000)
        for line in lines {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            let input = String(parts[0]), expected = String(parts[1])
            do {
                let id = try NationalID(parsing: input)
                #expect(id.value == expected, "\(input)")
            } catch {
                #expect(expected == "error:" + Self.reason(error), "\(input)")
                #expect(error.code == "invalid_national_id")
            }
        }
    }

    @Test func knownValid() throws {
        #expect(try NationalID(parsing: "0499370899").value == "0499370899")
        #expect(try NationalID(parsing: "۰۰۱۳۵۴۲۴۱۹").value == "0013542419")
    }

    @Test func classicMistakes() {
        #expect(throws: IdentifierError.allSameDigits) { try NationalID(parsing: "1111111111") }
        #expect(throws: IdentifierError.allSameDigits) { try NationalID(parsing: "00000000") }  // padded, still all zeros
        #expect(throws: IdentifierError.badCheckDigit(.nationalID)) { try NationalID(parsing: "0499370898") }
        #expect(throws: IdentifierError.wrongLength(.nationalID, expected: 10, actual: 7)) { try NationalID(parsing: "1234567") }
        #expect(throws: IdentifierError.notDigits(.nationalID)) { try NationalID(parsing: "04993708ab") }
        #expect(throws: IdentifierError.empty(.nationalID)) { try NationalID(parsing: " ") }
    }

    @Test func nineDigitsArePadded() throws {
        #expect(try NationalID(parsing: "13542419").value == "0013542419")
        #expect(try NationalID(parsing: "499370899").value == "0499370899")
    }

    @Test func masked() throws {
        #expect(try NationalID(parsing: "0013542419").masked == "001******9")
    }

    @Test func codableRoundTripAndRejectsInvalid() throws {
        let id = try NationalID(parsing: "0013542419")
        let data = try JSONEncoder().encode(id)
        #expect(String(decoding: data, as: UTF8.self) == "\"0013542419\"")
        #expect(try JSONDecoder().decode(NationalID.self, from: data) == id)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NationalID.self, from: Data("\"0013542418\"".utf8)) }
    }

    @Test func messagesAreBilingual() {
        let e = IdentifierError.wrongLength(.nationalID, expected: 10, actual: 9)
        #expect(e.messageFa.contains("۱۰") && e.messageFa.contains("کد ملی"))
        #expect(e.messageEn.contains("10"))
    }
}
