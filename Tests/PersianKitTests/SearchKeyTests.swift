import Testing
@testable import PersianKit

@Suite(.timeLimit(.minutes(10))) struct SearchKeyTests {
    /// Groups of spellings that must share one search key.
    @Test(arguments: [
        ["می خواهم", "می‌خواهم", "میخواهم", "مي خواهم"],
        ["نمی خواهم", "نمی‌خواهم", "نمیخواهم"],
        ["کتاب ها", "کتاب‌ها", "کتابها", "كتاب ها"],
        ["کتاب های", "کتاب‌های", "کتابهای"],
        ["بزرگ تر", "بزرگ‌تر", "بزرگتر"],
        ["بزرگ ترین", "بزرگ‌ترین", "بزرگترین"],
        ["خانه ای", "خانه‌ای", "خانهای"],
        ["پائیز", "پاییز"],
        ["مُحَمَّد", "محمد"],
        ["رحمة", "رحمه"],
        ["۱۴۰۲", "1402", "١٤٠٢"],
        ["ABC", "abc"],
    ])
    func spellingsShareAKey(spellings: [String]) {
        let keys = Set(spellings.map(PersianText.searchKey(_:)))
        #expect(keys.count == 1, "keys: \(keys)")
    }

    /// The shortcut for normalised text gives the same key, on text with every kind of noise.
    @Test(arguments: [
        "شهروندان  می‌خواهند\nكتاب‌هاي درسي ‌به موقع برسد.‌", "ﺳﻼﻡ ﺑﺮ ﺷﻤﺎ", "ئ و اٴ و ئ", "ÉCOLE Straße ΣΊΣΥΦΟΣ", "۱۲۳ ١٢٣ 123",
        "\u{200F}متن\u{200C}\u{200C}دار\u{0640}ـی", "café\u{0301} e\u{0301}",
    ])
    func normalizedShortcutGivesTheSameKey(text: String) {
        #expect(PersianText.searchKey(normalized: PersianText.normalize(text)) == PersianText.searchKey(text))
        #expect(PersianText.normalize(PersianText.normalize(text)) == PersianText.normalize(text))
    }

    @Test func substringSearchFindsOtherSpelling() {
        let stored = PersianText.searchKey("شهروندان می‌خواهند کتاب‌های درسی به موقع برسد.")
        for query in ["میخواهند", "می خواهند", "کتاب های درسی", "كتابهاي", "خواهند"] {
            #expect(stored.contains(PersianText.searchKey(query)), "\(query)")
        }
    }

    @Test func suffixBeforePunctuationStillJoins() {
        #expect(PersianText.searchKey("کتاب ها، دفتر") == PersianText.searchKey("کتاب‌ها، دفتر"))
    }

    @Test func keyIsOneLine() {
        #expect(!PersianText.searchKey("خط\nدوم").contains("\n"))
    }

    @Test func affixAtStartIsLeftAlone() {
        #expect(PersianText.searchKey("ها") == "ها")
        #expect(PersianText.searchKey("می") == "می")
    }
}
