/// A complaint tracking code (کد رهگیری): 11 ASCII digits — 10 random digits (the first is
/// never 0) followed by a Damm check digit.
///
/// Random, not sequential, so codes cannot be guessed or enumerated (public look-ups also need
/// the mobile number). Digits only, so it can be read over the phone and typed on any keypad;
/// the check digit catches every single-digit typo and every swap of neighbouring digits
/// before a look-up hits the database.
public struct TrackingCode: Hashable, Sendable, Codable, CustomStringConvertible {
    /// 11 ASCII digits.
    public let value: String

    static let length = 11

    /// Parses user input (Persian digits, spaces and dashes accepted); checks length, the
    /// leading digit and the check digit.
    public init(parsing input: String) throws(IdentifierError) {
        let s = try IdentifierInput.digits(input, kind: .trackingCode)
        let count = s.utf8.count
        guard count == Self.length else { throw .wrongLength(.trackingCode, expected: Self.length, actual: count) }
        guard s.utf8.first != UInt8(ascii: "0") else { throw .leadingZero }
        guard Damm.isValid(s.utf8.map { Int($0) - 48 }) else { throw .badCheckDigit(.trackingCode) }
        value = s
    }

    private init(validated: String) { value = validated }

    /// A new random code drawn from `rng` (use a seeded generator in tests).
    public static func generate<R: RandomNumberGenerator>(using rng: inout R) -> TrackingCode {
        var digits = [Int.random(in: 1...9, using: &rng)]
        for _ in 1..<(length - 1) { digits.append(Int.random(in: 0...9, using: &rng)) }
        digits.append(Damm.checkDigit(digits))
        return TrackingCode(validated: String(digits.map { Character(String($0)) }))
    }

    /// A new random code from the system's cryptographically secure generator.
    public static func generate() -> TrackingCode {
        var rng = SystemRandomNumberGenerator()
        return generate(using: &rng)
    }

    /// For dictation and SMS: Persian digits in groups of 3-3-3-2, e.g. `۱۲۳ ۴۵۶ ۷۸۹ ۰۱`.
    public var grouped: String {
        let chars = Array(value)
        let groups = [chars[0..<3], chars[3..<6], chars[6..<9], chars[9..<11]].map { String($0) }
        return PersianDigits.toPersian(groups.joined(separator: " "))
    }

    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: raw) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.messageEn))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}
