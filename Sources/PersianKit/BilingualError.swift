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
}
