/// What staff type into the search box: common words (loan, bank), rarer ones (a place, an
/// institution), a split and a joined spelling, and a word that appears in no generated letter.
enum SearchTerms {
    static let all = [
        "وام", "ضامن", "بهزیستی", "جهیزیه", "می خواهم", "قرض‌الحسنه", "نهضت ملی مسکن", "صندوق کارآفرینی امید",
        "کارخانه", "اجاره", "آسفالت", "بیمه بیکاری", "گلخانه", "زلزله", "یارانه", "کالابرگ", "پرورش قارچ",
        "فرزندآوری", "کتابخانه مرکزی", "وانت",
    ]
}
