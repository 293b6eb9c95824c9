import Foundation
import Testing
@testable import PersianKit

/// `PersianText.normalize` against hazm's `Normalizer` on the seed sentences and their noisy
/// twins (Fixtures/normalizer.jsonl, made by scripts/gen_normalizer_fixture.py).
///
/// We compare the **letters and digit values**: every letter hazm rewrites (ي→ی, ك→ک, ھ→ه,
/// presentation forms → base letters, kashida removed) we must rewrite the same way.
///
/// Intended differences from hazm, each neutralised below and nowhere else:
/// 1. Digits: hazm converts all digits to Persian; we keep digits as typed (identifiers are
///    normalised separately, display converts to Persian). Compared by value, and we check that
///    our digits are exactly the input's.
/// 2. Diacritics: hazm removes harakat/tanwin/shadda/sukun and hamza marks; we keep them (they
///    can matter in names); search keys drop them. Nonspacing marks are left out of the comparison.
/// 3. Spacing and punctuation: hazm re-spaces words, affixes (کتاب ها → کتاب‌ها, می خواهم →
///    می‌خواهم) and punctuation, and rewrites "…" → «…», . → ٫ between digits, % → ٪, ... → …;
///    we only fold whitespace runs and never reinterpret punctuation (search keys unify affix
///    spellings instead). Spaces, ZWNJ and punctuation are left out of the comparison.
/// 4. Repeated letters: hazm shortens runs of 3+ identical letters using its word list; we never
///    delete letters. A run in our output may therefore be longer than hazm's.
struct HazmOracleTests {
    struct Row: Decodable {
        let id: String?
        let variant: String?
        let input: String?
        let hazm: String?
    }

    static func rows() throws -> [Row] {
        let decoder = JSONDecoder()
        return try FixtureLoader.lines("normalizer.jsonl").map { try decoder.decode(Row.self, from: Data($0.utf8)) }
            .filter { $0.input != nil }
    }

    /// Letters and digit values only (difference 1, 2, 3).
    static func skeleton(_ s: String) -> [Unicode.Scalar] {
        PersianDigits.toASCII(s).unicodeScalars.filter { u in
            switch u.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .otherLetter, .decimalNumber: true
            default: false
            }
        }
    }

    /// Difference 4: collapse runs of 3+ identical letters to 2 or 1, as hazm may.
    static func sameUpToRepeatedLetters(_ ours: [Unicode.Scalar], _ hazm: [Unicode.Scalar]) -> Bool {
        if ours == hazm { return true }
        func collapse(_ s: [Unicode.Scalar], keep: Int) -> [Unicode.Scalar] {
            var out: [Unicode.Scalar] = []
            var i = 0
            while i < s.count {
                var j = i
                while j < s.count && s[j] == s[i] { j += 1 }
                let run = j - i
                out += Array(repeating: s[i], count: run >= 3 && !("0"..."9").contains(s[i]) ? keep : run)
                i = j
            }
            return out
        }
        return collapse(ours, keep: 1) == hazm || collapse(ours, keep: 2) == hazm
    }

    @Test func fixtureIsThere() throws {
        let rows = try Self.rows()
        #expect(rows.count >= 200)
        // The oracle has teeth: in many rows hazm rewrites letters, not just spacing.
        let letterChanges = rows.filter { Self.skeleton($0.input ?? "") != Self.skeleton($0.hazm ?? "") }
        #expect(letterChanges.count >= 80, "\(letterChanges.count)")
    }

    @Test func lettersMatchHazm() throws {
        var mismatches: [String] = []
        for row in try Self.rows() {
            guard let input = row.input, let hazm = row.hazm else { continue }
            let ours = PersianText.normalize(input)
            if !Self.sameUpToRepeatedLetters(Self.skeleton(ours), Self.skeleton(hazm)) {
                mismatches.append("\(row.id ?? "?") \(row.variant ?? "?"):\n ours: \(ours)\n hazm: \(hazm)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.prefix(10).joined(separator: "\n"))")
    }

    @Test func digitsKeptAsTyped() throws {
        func digits(_ s: String) -> [Unicode.Scalar] {
            s.unicodeScalars.filter { $0.properties.generalCategory == .decimalNumber }
        }
        for row in try Self.rows() {
            guard let input = row.input else { continue }
            #expect(digits(PersianText.normalize(input)) == digits(input), "\(row.id ?? "?")")
        }
    }

    @Test func noLeftoverNoise() throws {
        for row in try Self.rows() {
            guard let input = row.input else { continue }
            let ours = PersianText.normalize(input)
            #expect(!ours.contains("  ") && !ours.contains("\t") && !ours.contains("\u{00A0}"))
            #expect(!ours.unicodeScalars.contains { [0x064A, 0x0649, 0x0643, 0x06BE, 0x0640].contains($0.value) })
            #expect(!ours.unicodeScalars.contains { PersianCharacters.isPresentationForm($0) })
            #expect(ours == ours.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
