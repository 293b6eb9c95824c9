import Foundation

/// Text normalisation for Persian input.
///
/// `normalize` is applied once to free text on the way in (complaint subject/body, names),
/// `normalizeIdentifier` to anything that must be digits (national ID, mobile, tracking code),
/// and `searchKey` (see `PersianText+Search.swift`) to build the full-text search column.
public enum PersianText {
    /// Normalises free text:
    /// - Arabic ي / ى → Persian ی, Arabic ك → Persian ک, heh variants (ھ ہ ە) → ه;
    /// - ة (teh marbuta) is **kept**: it is correct in Arabic phrases used in Persian
    ///   (e.g. «دائرة المعارف»); `searchKey` folds it to ه;
    /// - kashida (ـ), bidi marks, BOM, soft hyphen, zero-width space and control characters removed;
    /// - Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFE) decomposed to base letters;
    /// - whitespace runs folded to one space, or to one `\n` if the run contains a line break;
    ///   the result is trimmed;
    /// - ZWNJ (U+200C) kept, but duplicates and ZWNJ next to a space or at either end removed;
    /// - digits left as typed, diacritics kept; result in Unicode NFC.
    public static func normalize(_ s: String) -> String {
        enum Pending { case none, space, newline }
        var out = UTF8Builder(capacity: s.utf8.count)
        var pending = Pending.none
        var lastWasZWNJ = false
        // Composition (NFC) is slow and, for Persian text, almost never changes anything: run it
        // only when a scalar that can compose or decompose was written.
        var mayNeedComposition = false

        func emit(_ u: Unicode.Scalar) {
            if PersianCharacters.isInvisibleNoise(u) { return }
            if PersianCharacters.isNewline(u) { pending = .newline; return }
            if PersianCharacters.isHorizontalSpace(u) {
                if pending == .none { pending = .space }
                return
            }
            if u == PersianCharacters.zwnj {
                // A ZWNJ only means something between two letters of one word.
                if pending != .none || out.isEmpty || lastWasZWNJ { return }
                out.append(u)
                lastWasZWNJ = true
                return
            }
            if pending != .none {
                if lastWasZWNJ { out.removeLastScalar(); lastWasZWNJ = false }
                if !out.isEmpty { out.append(pending == .newline ? "\n" : " ") }
                pending = .none
            }
            out.append((0x0600...0x06FF).contains(u.value) ? PersianCharacters.letterMap[u.value] ?? u : u)
            lastWasZWNJ = false
            if !mayNeedComposition, !PersianCharacters.isComposed(u) { mayNeedComposition = true }
        }

        for u in s.unicodeScalars {
            if PersianCharacters.isPresentationForm(u) {
                let decomposed = String(Character(u)).decomposedStringWithCompatibilityMapping
                for d in decomposed.unicodeScalars { emit(d) }
            } else {
                emit(u)
            }
        }
        if lastWasZWNJ { out.removeLastScalar() }
        return mayNeedComposition ? out.string.precomposedStringWithCanonicalMapping : out.string
    }

    /// Normalises identifier input (national ID, mobile number, tracking code, numbers typed in
    /// forms): Persian, Arabic-Indic and full-width digits → ASCII; spaces, dashes, dots,
    /// slashes, brackets, ZWNJ, LRM/RLM and other separators removed. Letters and `+` are kept,
    /// so the parsers can reject or interpret them.
    public static func normalizeIdentifier(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if PersianCharacters.isIdentifierSeparator(u) { continue }
            if let d = PersianDigits.asciiDigit(u) {
                out.append(d)
            } else if (0xFF10...0xFF19).contains(u.value) {  // full-width digits from CJK input methods
                out.append(Unicode.Scalar(u.value - 0xFF10 + 0x30)!)
            } else if u.value == 0xFF0B {                    // full-width plus
                out.append("+")
            } else {
                out.append(u)
            }
        }
        return String(out)
    }
}
