/// The character tables behind `PersianText`. Kept in one place so `docs/persian.md` can
/// mirror them and a reviewer can see every mapping at a glance.
enum PersianCharacters {
    static let zwnj: Unicode.Scalar = "\u{200C}"
    static let farsiYeh: Unicode.Scalar = "\u{06CC}"
    static let keheh: Unicode.Scalar = "\u{06A9}"
    static let heh: Unicode.Scalar = "\u{0647}"

    /// Letters replaced by their Persian form. Arabic yeh/alef maksura and Arabic kaf come from
    /// Arabic keyboard layouts and old Windows code pages; the heh variants from Urdu/Kurdish
    /// layouts. They look (almost) the same but would break equality and search.
    static let letterMap: [UInt32: Unicode.Scalar] = [
        0x064A: farsiYeh,  // ي ARABIC LETTER YEH
        0x0649: farsiYeh,  // ى ARABIC LETTER ALEF MAKSURA
        0x06D0: farsiYeh,  // ې ARABIC LETTER E (Pashto/Uyghur keyboards)
        0x0643: keheh,     // ك ARABIC LETTER KAF
        0x06AA: keheh,     // ڪ ARABIC LETTER SWASH KAF
        0x06BE: heh,       // ھ ARABIC LETTER HEH DOACHASHMEE
        0x06C1: heh,       // ہ ARABIC LETTER HEH GOAL
        0x06D5: heh,       // ە ARABIC LETTER AE
    ]

    /// Invisible characters that only carry layout or encoding noise from copy-paste: removed.
    /// ZWNJ (U+200C) is deliberately *not* here: it is part of Persian spelling.
    static func isInvisibleNoise(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x0640: return true                     // ـ kashida (tatweel), pure elongation
        case 0x00AD: return true                     // soft hyphen
        case 0x200B: return true                     // zero width space
        case 0x200E, 0x200F, 0x061C: return true     // LRM, RLM, ALM
        case 0x202A...0x202E: return true            // bidi embeddings/overrides
        case 0x2066...0x2069: return true            // bidi isolates
        case 0xFEFF: return true                     // BOM / zero width no-break space
        case 0x0000...0x0008, 0x000E...0x001F, 0x007F...0x0084, 0x0086...0x009F: return true // controls
        default: return false
        }
    }

    /// Letters and symbols that Unicode counts as visible but that draw nothing: the Hangul
    /// fillers (U+115F, U+1160, U+3164, U+FFA0), the Braille blank (U+2800) and the Khmer
    /// inherent vowels (U+17B4, U+17B5). Text made only of these (and of spaces and format
    /// characters) has no visible content.
    static func isBlankLookingGlyph(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x17B4, 0x17B5: return true
        default: return false
        }
    }

    static func isNewline(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x000A, 0x000B, 0x000C, 0x000D, 0x0085, 0x2028, 0x2029: return true
        default: return false
        }
    }

    static func isHorizontalSpace(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x0009, 0x0020, 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Whether a scalar is left as it is by NFC whatever surrounds it (NFC_Quick_Check = Yes and
    /// no composition with a neighbour), for the blocks Persian text is written in: Basic Latin to
    /// Spacing Modifiers, Arabic except the combining maddah and hamza marks, and General
    /// Punctuation. Anything else sends the text through full composition.
    static func isComposed(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x0000...0x02FF: return true
        case 0x0653...0x0655: return false  // maddah/hamza above and below compose with alef, waw, yeh
        case 0x0600...0x06FF: return true
        case 0x200C, 0x200D, 0x2010...0x205E: return true
        default: return false
        }
    }

    /// Arabic Presentation Forms-A and -B: contextual glyph codes from PDFs and legacy software.
    /// They are replaced by their compatibility decomposition (the base letters).
    static func isPresentationForm(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0xFB50...0xFDFF, 0xFE70...0xFEFE: return true
        default: return false
        }
    }

    /// Arabic diacritics (harakat, tanwin, shadda, sukun, maddah/hamza marks, superscript alef).
    /// Kept by `normalize` (they can matter in names), removed by `searchKey`.
    static func isDiacritic(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x064B...0x065F: return true  // fathatan … (tanwin, harakat, shadda, sukun, hamza marks)
        case 0x0670: return true           // superscript alef
        case 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8, 0x06EA...0x06ED: return true // Quranic marks
        default: return false
        }
    }

    /// Characters dropped from identifiers: every kind of space, dash, dot, slash, bracket
    /// and invisible mark people or phones put between digit groups.
    static func isIdentifierSeparator(_ u: Unicode.Scalar) -> Bool {
        if isHorizontalSpace(u) || isNewline(u) || isInvisibleNoise(u) { return true }
        switch u.value {
        case 0x200C, 0x200D: return true                           // ZWNJ, ZWJ
        case 0x002D, 0x2010...0x2015, 0x2212, 0xFE63, 0xFF0D: return true  // dashes and minus signs
        case 0x005F, 0x002E, 0x002F, 0x005C, 0x002C: return true   // _ . / \ ,
        case 0x0028, 0x0029, 0x005B, 0x005D: return true           // ( ) [ ]
        case 0x060C, 0x066B, 0x066C, 0x06D4: return true           // ، ٫ ٬ ۔
        default: return false
        }
    }
}
