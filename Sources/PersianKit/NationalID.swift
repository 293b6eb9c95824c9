/// An Iranian national ID (کد ملی): 10 ASCII digits, the last one a mod-11 check digit.
///
/// Check digit: with digits d₀…d₉, s = Σ dᵢ·(10−i) for i = 0…8 and r = s mod 11;
/// valid iff d₉ = r when r < 2, and d₉ = 11 − r otherwise.
/// IDs issued with leading zeros are often typed (or stored in spreadsheets) without them,
/// so 8- and 9-digit input is left-padded with zeros before checking.
public struct NationalID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// 10 ASCII digits.
    public let value: String

    /// Parses user input: Persian/Arabic digits, spaces and dashes are accepted.
    public init(parsing input: String) throws(IdentifierError) {
        var s = try IdentifierInput.digits(input, kind: .nationalID)
        let count = s.utf8.count
        guard (8...10).contains(count) else { throw .wrongLength(.nationalID, expected: 10, actual: count) }
        if count < 10 { s = String(repeating: "0", count: 10 - count) + s }
        let digits = s.utf8.map { Int($0) - 48 }
        if Set(digits).count == 1 { throw .allSameDigits }
        guard Self.checkDigit(of: digits.prefix(9)) == digits[9] else { throw .badCheckDigit(.nationalID) }
        value = s
    }

    /// The check digit for the first nine digits.
    static func checkDigit(of first9: some Collection<Int>) -> Int {
        var sum = 0
        for (i, d) in first9.enumerated() { sum += d * (10 - i) }
        let r = sum % 11
        return r < 2 ? r : 11 - r
    }

    /// For lists and logs: first three and last digit visible, e.g. `001******9`.
    public var masked: String {
        String(value.prefix(3)) + String(repeating: "*", count: 6) + String(value.suffix(1))
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
