/// Whether text shows anything at all: names and subjects made only of invisible characters are refused.
extension PersianText {
    /// True when at least one scalar is a letter, digit, punctuation mark or symbol that draws
    /// something. Spaces, format characters (ZWNJ and ZWJ alone, word joiner, bidi marks, tags),
    /// combining marks with nothing to sit on, private-use and unassigned code points, and the
    /// letters that render as blanks (Hangul fillers, Braille blank) do not count.
    public static func hasVisibleContent(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isVisible)
    }

    static func isVisible(_ u: Unicode.Scalar) -> Bool {
        if PersianCharacters.isBlankLookingGlyph(u) { return false }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
