/// An Iranian mobile number in national format: `09` followed by 9 digits (11 ASCII digits).
///
/// Input in any common form is accepted — `+98 912 345 6789`, `00989123456789`,
/// `989123456789`, `09123456789`, `9123456789`, with Persian digits, spaces or dashes —
/// and must start with a prefix assigned to a mobile operator (`Resources/mobile-prefixes.json`).
public struct MobileNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `09xxxxxxxxx`, ASCII digits.
    public let value: String

    public init(parsing input: String) throws(IdentifierError) {
        let s = try IdentifierInput.digits(input, kind: .mobile, allowPlus: true)
        var national = Substring(s)
        if national.hasPrefix("+") {
            national = national.dropFirst()
            guard national.hasPrefix("98") else { throw .notMobilePrefix }
            national = national.dropFirst(2)
        } else if national.hasPrefix("0098") {
            national = national.dropFirst(4)
        } else if national.hasPrefix("98") && national.utf8.count == 12 {
            national = national.dropFirst(2)
        }
        // "0912…" nationally, and people often keep the 0 after +98 ("+98 0912…").
        if national.hasPrefix("0") { national = national.dropFirst() }
        guard national.hasPrefix("9") else { throw .notMobilePrefix }
        let number = "0" + national
        let count = number.utf8.count
        guard count == 11 else { throw .wrongLength(.mobile, expected: 11, actual: count) }
        guard MobilePrefixTable.shared.operatorFor(number) != nil else {
            throw .unknownMobilePrefix(String(number.prefix(4)))
        }
        value = number
    }

    /// Stands in for a number erased on request (`samad citizen erase`): 0980 is no operator's
    /// prefix, so it is nobody's number, and parsing never yields it.
    public static let erased = MobileNumber(unchecked: "09800000000")

    private init(unchecked value: String) {
        self.value = value
    }

    /// For lists and logs: `0912***4567`.
    public var masked: String {
        String(value.prefix(4)) + "***" + String(value.suffix(4))
    }

    /// The operator the number's prefix was assigned to (e.g. "MCI", "Irancell", "RighTel").
    /// Numbers can be ported between operators, so this is the *original* operator.
    public var operatorName: String? { MobilePrefixTable.shared.operatorFor(value)?.name }

    /// The operator's Persian name (e.g. «همراه اول»).
    public var operatorNameFa: String? { MobilePrefixTable.shared.operatorFor(value)?.nameFa }

    /// `+989123456789`, for SMS gateways that want E.164.
    public var e164: String { "+98" + value.dropFirst() }

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
