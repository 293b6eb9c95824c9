import DemoData
import Domain
import Foundation

/// Made-up citizens for registrations: every one distinct within a run, with valid identifiers.
enum SyntheticCitizens {
    /// A valid national ID, distinct for each `n` (an affine permutation of the 9-digit bodies, so no
    /// two calls in a run collide); `salt` varies it between runs.
    static func nationalID(_ n: Int, salt: Int) -> String {
        let space = 1_000_000_000 - 10
        var body = (n.multipliedReportingOverflow(by: 982_451_653).partialValue.magnitude % UInt(space) + UInt(salt % space)) % UInt(space)
        // Skip the ten bodies made of one repeated digit, which are never valid.
        for k in 0..<10 where body >= UInt(k * 111_111_111) { body += 1 }
        var digits = [Int](repeating: 0, count: 10)
        var rest = Int(body)
        for i in stride(from: 8, through: 0, by: -1) {
            digits[i] = rest % 10
            rest /= 10
        }
        let sum = (0..<9).reduce(0) { $0 + digits[$1] * (10 - $1) }
        digits[9] = sum % 11 < 2 ? sum % 11 : 11 - sum % 11
        return String(decoding: digits.map { UInt8(48 + $0) }, as: UTF8.self)
    }

    /// A valid Iranian mobile number for citizen `n`.
    static func mobile(_ n: Int) -> String {
        let prefixes = ["0912", "0914", "0935", "0936", "0901", "0990"]
        return prefixes[n % prefixes.count] + String(format: "%07d", (n &* 7_919) % 10_000_000)
    }

    /// The registration body the API takes, as JSON bytes.
    static func registration(_ n: Int, salt: Int, province: String, county: String?) -> Data {
        var rng = SystemRandomNumberGenerator()
        let categories = ["interestFreeLoan", "livingAssistance", "employment", "selfEmploymentLoan", "housingLoan"]
        let category = categories[n % categories.count]
        let female = n % 2 == 0
        let names = female ? PhraseBank.femaleFirstNames : PhraseBank.maleFirstNames
        let body = RegistrationBody(
            channel: "phone111", kind: "request", category: category,
            subject: PhraseBank.subject(category: category, using: &rng), body: PhraseBank.body(category: category, using: &rng),
            confidential: false,
            citizen: .init(
                nationalId: nationalID(n, salt: salt), mobile: mobile(n), firstName: names[n % names.count],
                lastName: PhraseBank.lastNames[n % PhraseBank.lastNames.count], province: province, county: county))
        return try! JSONEncoder().encode(body)
    }
}

/// `POST /api/v1/cases` body (see openapi.yaml, RegisterCase).
struct RegistrationBody: Encodable {
    struct Citizen: Encodable {
        let nationalId: String
        let mobile: String
        let firstName: String
        let lastName: String
        let province: String
        let county: String?
    }

    let channel: String
    let kind: String
    let category: String
    let subject: String
    let body: String
    let confidential: Bool
    let citizen: Citizen
}
