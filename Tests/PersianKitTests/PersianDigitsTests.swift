import Testing
@testable import PersianKit

@Suite(.timeLimit(.minutes(10))) struct PersianDigitsTests {
    @Test func persianAndArabicIndicToASCII() {
        #expect(PersianDigits.toASCII("۰۱۲۳۴۵۶۷۸۹") == "0123456789")
        #expect(PersianDigits.toASCII("٠١٢٣٤٥٦٧٨٩") == "0123456789")
        #expect(PersianDigits.toASCII("کد ۱۲۳-abc ٤٥") == "کد 123-abc 45")
    }

    @Test func onlyDigitsChange() {
        let s = "متن بدون رقم، با ZWNJ: می‌خواهم ٫٬"
        #expect(PersianDigits.toASCII(s) == s)
        #expect(PersianDigits.toPersian(s) == s)
    }

    @Test func asciiToPersian() {
        #expect(PersianDigits.toPersian("1402/03/04 11:12") == "۱۴۰۲/۰۳/۰۴ ۱۱:۱۲")
        // Arabic-Indic digits are left alone by toPersian: it only converts ASCII.
        #expect(PersianDigits.toPersian("٤") == "٤")
    }

    @Test func roundTrip() {
        for n in [0, 7, 42, 1_234_567_890] {
            let s = String(n)
            #expect(PersianDigits.toASCII(PersianDigits.toPersian(s)) == s)
        }
    }
}
