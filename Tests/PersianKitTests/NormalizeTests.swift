import Testing
@testable import PersianKit

@Suite(.timeLimit(.minutes(10))) struct NormalizeTests {
    @Test(arguments: [
        ("علي", "علی"),                       // Arabic yeh
        ("مصطفى", "مصطفی"),                   // alef maksura
        ("كتاب", "کتاب"),                     // Arabic kaf
        ("ڪتاب", "کتاب"),                     // swash kaf
        ("ھمه", "همه"),                       // heh doachashmee
        ("کتابـــخانه", "کتابخانه"),          // kashida
        ("ﻛﺘﺎﺏ", "کتاب"),                      // presentation forms
        ("ﻻ", "لا"),                          // lam-alef ligature
        ("دائرة المعارف", "دائرة المعارف"),   // teh marbuta kept
    ])
    func letters(input: String, expected: String) {
        #expect(PersianText.normalize(input) == expected)
    }

    @Test func whitespaceFoldedAndTrimmed() {
        #expect(PersianText.normalize("  سلام \t\u{00A0} دنیا  ") == "سلام دنیا")
        #expect(PersianText.normalize("خط اول  \r\n\r\n  خط دوم") == "خط اول\nخط دوم")
        #expect(PersianText.normalize("\n\n") == "")
        #expect(PersianText.normalize("") == "")
    }

    @Test func zwnjKeptInsideWords() {
        #expect(PersianText.normalize("می‌خواهم کتاب‌ها") == "می‌خواهم کتاب‌ها")
    }

    @Test func strayZWNJRemoved() {
        #expect(PersianText.normalize("\u{200C}سلام\u{200C} \u{200C}دنیا\u{200C}") == "سلام دنیا")
        #expect(PersianText.normalize("کتاب\u{200C}\u{200C}ها") == "کتاب\u{200C}ها")
    }

    @Test func invisibleNoiseRemoved() {
        #expect(PersianText.normalize("\u{FEFF}\u{200F}سلام\u{200E}\u{200B}") == "سلام")
    }

    @Test func digitsAndDiacriticsKept() {
        #expect(PersianText.normalize("۱۲ و 34 و ٥٦") == "۱۲ و 34 و ٥٦")
        #expect(PersianText.normalize("مُحَمَّد") == "مُحَمَّد")
    }

    @Test func idempotent() {
        for s in ["علي  كتاب‌ها ـ", "ﻛﺘﺎﺏ\n\n x", "  \u{200C} "] {
            let once = PersianText.normalize(s)
            #expect(PersianText.normalize(once) == once)
        }
    }

    @Test func identifierNormalization() {
        #expect(PersianText.normalizeIdentifier("۰۰۱-۲۳۴ ۵۶۷\u{200C}۸") == "0012345678")
        #expect(PersianText.normalizeIdentifier("\u{200E}+۹۸ (۹۱۲) ۳۴۵-۶۷۸۹\u{200F}") == "+989123456789")
        #expect(PersianText.normalizeIdentifier("１２３") == "123")
        #expect(PersianText.normalizeIdentifier("12a") == "12a")
    }
}

/// Visible content: what `TextInput` requires of names, subjects and texts.
@Suite(.timeLimit(.minutes(10))) struct VisibleContentTests {
    @Test(arguments: [
        "", " ", "\u{2060}", "\u{3164}", "\u{115F}", "\u{1160}", "\u{FFA0}", "\u{034F}", "\u{200C}", "\u{200D}",
        "\u{200B}\u{FEFF}", "\u{2800}", "\u{17B4}", "\u{180E}", "\u{E0020}\u{E0041}", "\u{064B}", "\u{E000}",
    ])
    func invisibleOnly(_ text: String) {
        #expect(!PersianText.hasVisibleContent(text))
    }

    @Test(arguments: ["رضا", "محمد\u{200C}علی", "\u{2060}a", "۱", "؟", "-", "\u{3164}x"])
    func visible(_ text: String) {
        #expect(PersianText.hasVisibleContent(text))
    }
}

/// Persian alphabetical order: پ چ ژ گ in their Persian places, not after ی as code points put them.
@Suite struct AlphabeticalOrderTests {
    @Test func provincesSortAsInADictionary() {
        let shuffled = ["یزد", "گیلان", "تهران", "آذربایجان غربی", "البرز", "چهارمحال و بختیاری", "آذربایجان شرقی", "کرمان", "بوشهر", "قم"]
        let sorted = shuffled.sorted(by: PersianText.precedesAlphabetically)
        #expect(sorted == ["آذربایجان شرقی", "آذربایجان غربی", "البرز", "بوشهر", "تهران", "چهارمحال و بختیاری", "قم", "کرمان", "گیلان", "یزد"])
        #expect(PersianText.precedesAlphabetically("پارس", "تهران") && !PersianText.precedesAlphabetically("تهران", "پارس"))
        #expect(PersianText.precedesAlphabetically("كرمان", "گیلان"), "Arabic kaf sorts as ک")
        #expect(!PersianText.precedesAlphabetically("قم", "قم"))
    }
}
