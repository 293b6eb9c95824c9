/// Which identifier an `IdentifierError` is about; decides the error `code`.
public enum IdentifierKind: String, Sendable, Hashable, CaseIterable {
    case nationalID = "national_id"
    case mobile
    case trackingCode = "tracking_code"

    var nameFa: String {
        switch self {
        case .nationalID: "کد ملی"
        case .mobile: "شمارهٔ تلفن همراه"
        case .trackingCode: "کد رهگیری"
        }
    }

    var nameEn: String {
        switch self {
        case .nationalID: "National ID"
        case .mobile: "Mobile number"
        case .trackingCode: "Tracking code"
        }
    }
}

/// Why a national ID, mobile number or tracking code was rejected.
///
/// `code` is `invalid_national_id`, `invalid_mobile` or `invalid_tracking_code` for every
/// failure of that identifier (clients branch on the code); the messages say exactly what is wrong.
public enum IdentifierError: BilingualError, Equatable {
    /// Nothing (or only separators) was entered.
    case empty(IdentifierKind)
    /// Something other than digits (letters, emoji, symbols) was entered.
    case notDigits(IdentifierKind)
    /// Wrong number of digits.
    case wrongLength(IdentifierKind, expected: Int, actual: Int)
    /// National ID made of one repeated digit (e.g. 1111111111): passes the checksum, never issued.
    case allSameDigits
    /// The check digit does not match (a typo in some digit).
    case badCheckDigit(IdentifierKind)
    /// A mobile number that does not start with 09 (after removing +98 / 0098 / 98).
    case notMobilePrefix
    /// A 09… number whose prefix is not assigned to any known mobile operator.
    case unknownMobilePrefix(String)
    /// A tracking code starting with 0 (generated codes never do; usually a dropped digit).
    case leadingZero

    public var kind: IdentifierKind {
        switch self {
        case .empty(let k), .notDigits(let k), .wrongLength(let k, _, _), .badCheckDigit(let k): k
        case .allSameDigits: .nationalID
        case .notMobilePrefix, .unknownMobilePrefix: .mobile
        case .leadingZero: .trackingCode
        }
    }

    public var code: String { "invalid_" + kind.rawValue }

    /// The digits were all there and a rule refused them (a check digit, a repeated digit, a prefix no
    /// operator holds, a leading zero): the shape openapi.yaml's pattern gives was right.
    public var isWellFormed: Bool {
        switch self {
        case .empty, .notDigits, .wrongLength, .notMobilePrefix: false
        case .allSameDigits, .badCheckDigit, .unknownMobilePrefix, .leadingZero: true
        }
    }

    public var messageFa: String {
        let name = kind.nameFa
        switch self {
        case .empty:
            return "\(name) وارد نشده است."
        case .notDigits:
            return "\(name) باید فقط از رقم تشکیل شده باشد."
        case .wrongLength(_, let expected, let actual):
            return "\(name) باید \(fa(expected)) رقم باشد؛ \(fa(actual)) رقم وارد شده است."
        case .allSameDigits:
            return "کد ملی نمی‌تواند از تکرار یک رقم تشکیل شده باشد."
        case .badCheckDigit:
            return "\(name) معتبر نیست (رقم کنترل آن نادرست است)؛ لطفاً رقم‌ها را دوباره بررسی کنید."
        case .notMobilePrefix:
            return "شمارهٔ تلفن همراه باید با ۰۹ شروع شود."
        case .unknownMobilePrefix(let prefix):
            return "پیش‌شمارهٔ \(PersianDigits.toPersian(prefix)) به هیچ اپراتور تلفن همراهی تعلق ندارد."
        case .leadingZero:
            return "کد رهگیری با صفر شروع نمی‌شود؛ لطفاً رقم‌ها را دوباره بررسی کنید."
        }
    }

    public var messageEn: String {
        let name = kind.nameEn
        switch self {
        case .empty:
            return "\(name) is empty."
        case .notDigits:
            return "\(name) must contain digits only."
        case .wrongLength(_, let expected, let actual):
            return "\(name) must have \(expected) digits; \(actual) were given."
        case .allSameDigits:
            return "National ID cannot consist of a single repeated digit."
        case .badCheckDigit:
            return "\(name) is not valid (wrong check digit); please check the digits."
        case .notMobilePrefix:
            return "Mobile number must start with 09."
        case .unknownMobilePrefix(let prefix):
            return "Prefix \(prefix) is not assigned to any mobile operator."
        case .leadingZero:
            return "Tracking code never starts with 0; please check the digits."
        }
    }

    private func fa(_ n: Int) -> String { PersianDigits.toPersian(String(n)) }
}

/// Shared first steps of the identifier parsers.
enum IdentifierInput {
    /// `normalizeIdentifier`, then reject empty or non-digit input (`+` allowed only if `allowPlus`).
    static func digits(_ input: String, kind: IdentifierKind, allowPlus: Bool = false) throws(IdentifierError) -> String {
        // No identifier is longer than a few dozen scalars, even with spaces and dashes: a huge
        // input is refused before it is normalised (64, the maxLength openapi.yaml gives them).
        guard input.utf8.count <= 256, input.unicodeScalars.count <= 64 else {
            throw .wrongLength(kind, expected: kind == .nationalID ? 10 : 11, actual: input.unicodeScalars.count)
        }
        let s = PersianText.normalizeIdentifier(input)
        if s.isEmpty { throw .empty(kind) }
        for (i, u) in s.unicodeScalars.enumerated() {
            let isDigit = u.value >= 0x30 && u.value <= 0x39
            if !isDigit && !(allowPlus && i == 0 && u == "+") { throw .notDigits(kind) }
        }
        return s
    }
}
