import Foundation
import Testing
@testable import PersianKit

@Suite(.timeLimit(.minutes(10))) struct MobileNumberTests {
    @Test(arguments: [
        "09123456789", "9123456789", "+989123456789", "00989123456789", "989123456789",
        "۰۹۱۲۳۴۵۶۷۸۹", "٠٩١٢٣٤٥٦٧٨٩", "0912 345 6789", "0912-345-6789", "+98 912 345 6789",
        "+98 (0) 912 345 6789", "\u{200E}+۹۸۹۱۲۳۴۵۶۷۸۹",
    ])
    func acceptedForms(input: String) throws {
        #expect(try MobileNumber(parsing: input).value == "09123456789")
    }

    @Test(arguments: [
        ("09123456789", "MCI"), ("09901234567", "MCI"), ("09351234567", "Irancell"),
        ("09011234567", "Irancell"), ("09411234567", "Irancell"), ("09201234567", "RighTel"),
        ("09981234567", "Shatel Mobile"), ("09991134567", "ApTel"), ("09995234567", "MVNO"),
    ])
    func operators(number: String, name: String) throws {
        #expect(try MobileNumber(parsing: number).operatorName == name)
    }

    @Test func everyListedPrefixParses() throws {
        for (prefix, op) in MobilePrefixTable.shared.byPrefix {
            // Filler 5 extends no listed prefix, so the longest match is `prefix` itself.
            let number = prefix + String(repeating: "5", count: 11 - prefix.count)
            let parsed = try MobileNumber(parsing: number)
            #expect(parsed.operatorName == op.name, "\(prefix)")
        }
        #expect(MobilePrefixTable.shared.byPrefix.count > 40)
    }

    @Test func rejections() {
        #expect(throws: IdentifierError.unknownMobilePrefix("0906")) { try MobileNumber(parsing: "09061234567") }
        #expect(throws: IdentifierError.unknownMobilePrefix("0970")) { try MobileNumber(parsing: "09701234567") }
        #expect(throws: IdentifierError.notMobilePrefix) { try MobileNumber(parsing: "02188776655") }
        #expect(throws: IdentifierError.notMobilePrefix) { try MobileNumber(parsing: "+14155550100") }
        #expect(throws: IdentifierError.wrongLength(.mobile, expected: 11, actual: 10)) { try MobileNumber(parsing: "0912345678") }
        #expect(throws: IdentifierError.wrongLength(.mobile, expected: 11, actual: 12)) { try MobileNumber(parsing: "091234567890") }
        #expect(throws: IdentifierError.notDigits(.mobile)) { try MobileNumber(parsing: "0912abc6789") }
        #expect(throws: IdentifierError.notDigits(.mobile)) { try MobileNumber(parsing: "0912+3456789") }
        #expect(throws: IdentifierError.empty(.mobile)) { try MobileNumber(parsing: "") }
    }

    @Test func everyFailureHasTheMobileCode() {
        for input in ["", "abc", "0912", "02112345678", "09061234567", "+1 555"] {
            do {
                _ = try MobileNumber(parsing: input)
                Issue.record("accepted \(input)")
            } catch {
                #expect(error.code == "invalid_mobile")
            }
        }
    }

    @Test func maskedAndE164() throws {
        let m = try MobileNumber(parsing: "09124564567")
        #expect(m.masked == "0912***4567")
        #expect(m.e164 == "+989124564567")
        #expect(m.operatorNameFa == "همراه اول")
    }

    @Test func codable() throws {
        let m = try MobileNumber(parsing: "+989123456789")
        let data = try JSONEncoder().encode(m)
        #expect(try JSONDecoder().decode(MobileNumber.self, from: data) == m)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(MobileNumber.self, from: Data("\"0912\"".utf8)) }
    }
}
