/// Conversion between ASCII digits and the Persian (Extended Arabic-Indic) and Arabic-Indic digits.
///
/// People type any of the three families (Persian keyboards emit `۰-۹`, Arabic keyboards and some
/// phones emit `٠-٩`); identifiers are stored with ASCII digits, and everything shown to people
/// uses Persian digits.
public enum PersianDigits {
    /// Maps `۰-۹` (U+06F0…U+06F9) and `٠-٩` (U+0660…U+0669) to `0-9`; every other character is unchanged.
    public static func toASCII(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(s.unicodeScalars.count)
        for u in s.unicodeScalars {
            out.append(asciiDigit(u) ?? u)
        }
        return String(out)
    }

    /// Maps `0-9` to `۰-۹`; every other character (including Arabic-Indic digits) is unchanged.
    public static func toPersian(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(s.unicodeScalars.count)
        for u in s.unicodeScalars {
            if u.value >= 0x30 && u.value <= 0x39 {
                out.append(Unicode.Scalar(u.value - 0x30 + 0x06F0)!)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    /// The ASCII digit for a Persian, Arabic-Indic or ASCII digit scalar; `nil` for anything else.
    static func asciiDigit(_ u: Unicode.Scalar) -> Unicode.Scalar? {
        switch u.value {
        case 0x06F0...0x06F9: return Unicode.Scalar(u.value - 0x06F0 + 0x30)
        case 0x0660...0x0669: return Unicode.Scalar(u.value - 0x0660 + 0x30)
        default: return nil
        }
    }
}
