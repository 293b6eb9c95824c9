import PersianKit

/// Free text from people: normalised once on the way in, then checked for visible content and length.
public enum TextInput {
    public static let maxSubject = 200
    public static let maxBody = 4_000
    public static let maxNote = 4_000
    public static let maxName = 100
    public static let maxLabel = 100

    /// Normalises and requires text that shows something (not only spaces or invisible
    /// characters such as ZWNJ, U+2060 or Hangul fillers) of at most `max` characters.
    public static func required(_ raw: String?, field: String, fa: String, max: Int) throws(DomainError) -> String {
        let text = PersianText.normalize(raw ?? "")
        guard PersianText.hasVisibleContent(text) else {
            // Nothing or only spaces is a missing field (400; openapi.yaml's `\S`); characters that
            // draw nothing (control and format characters, fillers) are text a rule refused (422).
            let blank = (raw ?? "").unicodeScalars.allSatisfy(\.properties.isWhitespace)
            throw blank ? .required(field, fa: fa) : .invisible(field, fa: fa)
        }
        guard text.count <= max else { throw .tooLong(field, fa: fa, max: max) }
        return text
    }

    /// Normalises optional text; empty or invisible-only text becomes nil.
    public static func optional(_ raw: String?, field: String, fa: String, max: Int) throws(DomainError) -> String? {
        let text = PersianText.normalize(raw ?? "")
        guard PersianText.hasVisibleContent(text) else { return nil }
        guard text.count <= max else { throw .tooLong(field, fa: fa, max: max) }
        return text
    }
}
