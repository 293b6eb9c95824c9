import PersianKit

/// Free text from people: normalised once on the way in, then checked for length.
public enum TextInput {
    public static let maxSubject = 200
    public static let maxBody = 4_000
    public static let maxNote = 4_000
    public static let maxName = 100

    /// Normalises and requires non-empty text of at most `max` characters.
    public static func required(_ raw: String?, field: String, fa: String, max: Int) throws(DomainError) -> String {
        let text = PersianText.normalize(raw ?? "")
        guard !text.isEmpty else { throw .required(field, fa: fa) }
        guard text.count <= max else { throw .tooLong(field, fa: fa, max: max) }
        return text
    }

    /// Normalises optional text; empty becomes nil.
    public static func optional(_ raw: String?, field: String, fa: String, max: Int) throws(DomainError) -> String? {
        let text = PersianText.normalize(raw ?? "")
        if text.isEmpty { return nil }
        guard text.count <= max else { throw .tooLong(field, fa: fa, max: max) }
        return text
    }
}
