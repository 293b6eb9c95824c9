import Foundation

extension PersianText {
    /// Builds the key used for full-text search. Apply it to stored text *and* to the query, then
    /// do a plain substring match: both spellings of a word reduce to the same key.
    ///
    /// Steps: `normalize`; lowercase; digits → ASCII; diacritics removed (harakat, tanwin, shadda,
    /// sukun, hamza marks, superscript alef); letter variants folded (ة→ه, ۀ→ه, أ/إ/ٱ→ا, ؤ→و,
    /// ئ→ی); line breaks → spaces; ZWNJ removed (so «کتاب‌ها» = «کتابها»); and the split forms
    /// of common affixes joined to their word (so «می خواهم» = «می‌خواهم» = «میخواهم»,
    /// «کتاب ها» = «کتابها»). See `SearchAffixes` for the list.
    public static func searchKey(_ s: String) -> String {
        searchKey(normalized: normalize(s))
    }

    /// `searchKey` of text that already went through `normalize` (a draft's subject and body),
    /// which it would otherwise normalise a second time.
    public static func searchKey(normalized base: String) -> String {
        var folded = UTF8Builder(capacity: base.utf8.count)
        // One pass: lowercase, digits to ASCII, diacritics and ZWNJ dropped, line breaks to spaces,
        // letter variants folded.
        func add(_ scalar: Unicode.Scalar) {
            let u = PersianDigits.asciiDigit(scalar) ?? scalar
            if PersianCharacters.isDiacritic(u) || u == PersianCharacters.zwnj { return }
            if PersianCharacters.isNewline(u) { folded.append(" "); return }
            folded.append((0x0600...0x06FF).contains(u.value) ? SearchAffixes.letterFold[u.value] ?? u : u)
        }
        for u in base.unicodeScalars {
            if u.value < 0x80 {
                add((0x41...0x5A).contains(u.value) ? Unicode.Scalar(u.value + 0x20)! : u)
            } else if u.properties.changesWhenLowercased {
                for lower in u.properties.lowercaseMapping.unicodeScalars { add(lower) }
            } else {
                add(u)
            }
        }
        let tokens = folded.string.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        return SearchAffixes.join(tokens)
    }
}

/// The affixes whose spelling varies between "separate word", "ZWNJ" and "attached".
/// Search keys always use the attached form.
enum SearchAffixes {
    /// Letter variants that are spelling choices rather than different words.
    static let letterFold: [UInt32: Unicode.Scalar] = [
        0x0629: "\u{0647}",  // ة → ه
        0x06C0: "\u{0647}",  // ۀ → ه (the hamza is an ezafe marker, often omitted)
        0x0623: "\u{0627}",  // أ → ا
        0x0625: "\u{0627}",  // إ → ا
        0x0671: "\u{0627}",  // ٱ → ا
        0x0624: "\u{0648}",  // ؤ → و
        0x0626: "\u{06CC}",  // ئ → ی (پائیز / پاییز)
    ]

    /// Prefixes written as a separate word, with ZWNJ, or attached: joined to the next word.
    static let prefixes: Set<String> = ["می", "نمی", "بی"]

    /// Suffixes written as a separate word, with ZWNJ, or attached: joined to the previous word.
    static let suffixes: Set<String> = [
        "ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان",
        "تر", "ترین", "تری", "ای", "ام", "ایم", "اید",
    ]

    static func join(_ tokens: [String]) -> String {
        var words: [String] = []
        var lastWasBarePrefix = false
        for token in tokens {
            if lastWasBarePrefix, startsWithLetter(token) {
                words[words.count - 1] += token
                lastWasBarePrefix = false
            } else if let last = words.last, endsWithLetter(last), isSuffixToken(token) {
                words[words.count - 1] += token
                lastWasBarePrefix = false
            } else {
                words.append(token)
                lastWasBarePrefix = isPrefixToken(token)
            }
        }
        return words.joined(separator: " ")
    }

    // Letters are told apart scalar by scalar (a single scalar is a letter exactly when it is
    // Alphabetic, as `Character.isLetter` decides): grapheme-by-grapheme walks made these checks
    // the most expensive part of building a search key.

    /// "ها" or "ها،" or "ها." — the suffix letters followed only by punctuation.
    static func isSuffixToken(_ token: String) -> Bool {
        let scalars = token.unicodeScalars
        let end = scalars.firstIndex { !isLetter($0) } ?? scalars.endIndex
        guard suffixes.contains(String(scalars[..<end])) else { return false }
        return !scalars[end...].contains(where: isLetter)
    }

    /// "می" or "«می" — the prefix letters preceded only by punctuation.
    static func isPrefixToken(_ token: String) -> Bool {
        let scalars = token.unicodeScalars
        let start = scalars.lastIndex { !isLetter($0) }.map(scalars.index(after:)) ?? scalars.startIndex
        guard prefixes.contains(String(scalars[start...])) else { return false }
        return !scalars[..<start].contains(where: isLetter)
    }

    static func isLetter(_ u: Unicode.Scalar) -> Bool { u.properties.isAlphabetic }
    static func startsWithLetter(_ s: String) -> Bool { s.unicodeScalars.first.map(isLetter) ?? false }
    static func endsWithLetter(_ s: String) -> Bool { s.unicodeScalars.last.map(isLetter) ?? false }
}
