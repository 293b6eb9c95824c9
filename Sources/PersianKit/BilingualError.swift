/// An error with a stable machine code and a message in Persian and in English.
///
/// The HTTP layer maps these to `4xx` responses: `code` is the contract with API clients
/// (stable, snake_case, never translated), `messageFa` is shown to citizens and staff,
/// `messageEn` is for API clients and logs.
public protocol BilingualError: Error, Sendable {
    /// Stable snake_case machine code, e.g. `"invalid_national_id"`.
    var code: String { get }
    /// Message for people, in Persian (with Persian digits where numbers appear).
    var messageFa: String { get }
    /// The same message in English.
    var messageEn: String { get }
    /// True when the input had the right shape (digits of the right count, a date in the
    /// `yyyy/mm/dd` form) and a rule refused it (the check digit, a day the month does not have):
    /// the API answers such input 422 rather than 400. False unless a type says otherwise.
    var isWellFormed: Bool { get }
}

extension BilingualError {
    public var isWellFormed: Bool { false }
}
