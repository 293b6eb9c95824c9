/// Caps on what a request may send in fields that become keys (rate-limit windows, look-ups) or
/// go through slow hashing. They are checked before the value is used, so a huge username or
/// token costs a length check, not a Bcrypt round, a database query or memory in a counter.
public enum InputLimits {
    /// Usernames are at most 64 characters when created; sign-in refuses anything over this at once.
    public static let maxUsername = 100
    /// Passwords (sign-in, current and new): far above any real one; Bcrypt reads 72 bytes anyway.
    public static let maxPassword = 1_000
    /// Bearer tokens, session cookies, CSRF tokens, sign-in and second-factor codes, idempotency keys.
    public static let maxSecret = 200
    /// Identifiers typed by people (mobile, national ID, tracking code) before normalisation.
    public static let maxIdentifier = 64
    /// The text search query of case lists.
    public static let maxQuery = 200

    /// Throws `<field>_too_long` when `value` has more than `max` characters (counted in UTF-8
    /// bytes first, so a long value is refused without walking its graphemes).
    public static func check(_ value: String, field: String, fa: String, max: Int) throws(DomainError) {
        let bytes = value.utf8.count
        if bytes > max * 4 || (bytes > max && value.count > max) { throw .tooLong(field, fa: fa, max: max) }
    }

    /// An `Idempotency-Key`: 1 to 200 printable ASCII characters, not starting or ending with a space
    /// (HTTP trims those, so the key stored would not be the key sent), as openapi.yaml's pattern says.
    public static func checkIdempotencyKey(_ key: String) throws(DomainError) {
        try check(key, field: "idempotencyKey", fa: "کلید تکرار", max: maxSecret)
        let bytes = key.utf8
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20,
            bytes.allSatisfy({ (0x20...0x7E).contains($0) })
        else {
            throw DomainError(
                .invalid, "invalid_idempotency_key", fa: "کلید تکرار باید از نویسه‌های لاتین چاپی باشد.",
                en: "Idempotency-Key must be printable ASCII, without spaces at either end.", field: "idempotencyKey")
        }
    }
}
