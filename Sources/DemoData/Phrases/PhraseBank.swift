import Foundation

/// Phrase banks for generating realistic Persian demo cases (names, subjects, bodies,
/// answers, return reasons and rating comments).
///
/// Everything is plain arrays and byte/string concatenation, so generating millions of cases
/// is cheap, and the output depends only on the random number generator passed in: the same
/// seeded generator yields the same text. Each function draws exactly one `UInt64` from the
/// caller's generator (with `UInt64.random(in:using:)`) and makes its picks from a local
/// SplitMix64 seeded with it (see `Mixer`).
///
/// Category codes are those of the case categories (`"interestFreeLoan"`,
/// `"livingAssistance"`, `"employment"`, `"selfEmploymentLoan"`, `"housingLoan"`,
/// `"medicalInsurance"`, `"veteransAffairs"`, `"housingUrban"`, `"municipalServices"`,
/// `"other"`); unknown codes fall back to `"other"`.
///
/// Clean text uses Persian ی/ک and ZWNJ half-spaces; about one body in five is roughened the
/// way real letters are (broken half-spaces, Arabic yeh/kaf U+064A/U+0643, doubled
/// spaces, missing full stops).
public enum PhraseBank {
    /// A subject line for a case of the given category code.
    public static func subject<R: RandomNumberGenerator>(category: String, using rng: inout R) -> String {
        var mixer = Mixer(&rng)
        return pick(phrases(for: category).subjects, &mixer)
    }

    /// A body of 1–5 sentences, in a citizen's voice, for the category.
    ///
    /// The body is built from an optional greeting, then some of: an introduction, the
    /// situation, a supporting detail, the request and a closing. About one body in five is
    /// roughened (see ``PhraseBank``). Bodies stay under 1,000 characters (about 400 at most).
    public static func body<R: RandomNumberGenerator>(category: String, using rng: inout R) -> String {
        var mixer = Mixer(&rng)
        return makeBody(phrases(for: category), &mixer)
    }

    /// An answer an agency or the screening office would write for that category (polite
    /// official Persian): salutation, the substance, and usually a closing formula.
    public static func answer<R: RandomNumberGenerator>(category: String, using rng: inout R) -> String {
        var mixer = Mixer(&rng)
        var text = Text(capacity: 640)
        text.add(pick(answerOpenings, &mixer))
        text.space()
        text.add(pick(answerLeads, &mixer))
        text.add(pick(phrases(for: category).answers, &mixer))
        let closing = pick(answerClosings, &mixer)
        if !closing.isEmpty { text.space(); text.add(closing) }
        return text.string
    }

    /// A reason an agency gives when returning a referral as not its own.
    public static func returnReason<R: RandomNumberGenerator>(using rng: inout R) -> String {
        var mixer = Mixer(&rng)
        let reason = pick(returnReasons, &mixer)
        if Int.random(in: 0..<3, using: &mixer) != 0 { return reason }
        return reason + " " + pick(returnSuffixes, &mixer)
    }

    /// A satisfaction comment for a rating 1...5 (values outside are clamped).
    public static func ratingComment<R: RandomNumberGenerator>(rating: Int, using rng: inout R) -> String {
        var mixer = Mixer(&rng)
        return pick(ratingComments[min(max(rating, 1), 5) - 1], &mixer)
    }

    // MARK: - Composition

    /// Composes a body from a category's tables and the shared pools.
    static func makeBody(_ table: CategoryPhrases, _ rng: inout Mixer) -> String {
        // Sentence count 1...5, weighted towards 2–4; then which optional parts (intro,
        // detail, closing) join the situation and the request.
        var intro = false, detail = false, closing = false
        let count: Int
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: count = 1
        case 1, 2: count = 2
        case 3, 4, 5:
            count = 3
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: intro = true
            case 1: detail = true
            default: closing = true
            }
        case 6, 7:
            count = 4
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: intro = true; detail = true
            case 1: detail = true; closing = true
            default: intro = true; closing = true
            }
        default:
            count = 5
            intro = true; detail = true; closing = true
        }

        var text = Text(capacity: 1024)
        if Int.random(in: 0..<10, using: &rng) < 6 {
            text.add(pick(greetings, &rng))
            text.space()
        }
        if count == 1 {
            // A one-sentence letter: either the situation or the bare request.
            text.add(pick(Int.random(in: 0..<2, using: &rng) == 0 ? table.situations : table.requests, &rng))
        } else {
            if intro { text.add(pick(intros, &rng)); text.space() }
            text.add(pick(table.situations, &rng))
            if detail {
                text.space()
                if Int.random(in: 0..<4, using: &rng) == 0 {
                    text.add("حدود ")
                    text.add(pick(durations, &rng))
                    text.add(" است که ")
                    text.add(pick(persistence, &rng))
                } else {
                    text.add(pick(table.details, &rng))
                }
            }
            text.space()
            text.add(pick(table.requests, &rng))
            if closing { text.space(); text.add(pick(closings, &rng)) }
        }
        if Int.random(in: 0..<5, using: &rng) == 0 { return roughen(text.string, &rng) }
        return text.string
    }

    /// Picks one element; every table is non-empty.
    @inline(__always)
    static func pick(_ items: [String], _ rng: inout Mixer) -> String {
        items[Int.random(in: 0..<items.count, using: &rng)]
    }

    /// Roughens clean UTF-8 text the way hastily typed letters look: ZWNJ turned into a
    /// space or dropped ("می خواهم", "میخواهم"), Arabic yeh/kaf (U+064A/U+0643) for Persian
    /// ی/ک, doubled spaces, no full stops. At least one of these is applied. One pass over
    /// the bytes; every pattern starts with a lead byte, so matches never split a character.
    static func roughen(_ clean: String, _ rng: inout Mixer) -> String {
        var zwnjMode = Int.random(in: 0..<4, using: &rng)  // 0 keep, 1–2 space, 3 drop
        let arabicLetters = Int.random(in: 0..<4, using: &rng) == 0
        let dropStops = Int.random(in: 0..<3, using: &rng) == 0
        let doubleEvery = Int.random(in: 0..<3, using: &rng) == 0 ? Int.random(in: 3...8, using: &rng) : 0
        if zwnjMode == 0 && !arabicLetters && !dropStops && doubleEvery == 0 { zwnjMode = 1 }

        var source = clean
        return source.withUTF8 { b in
            let n = b.count
            // Replacements never lengthen the text; doubled spaces add at most n / 3 bytes.
            return String(unsafeUninitializedCapacity: n + n / 3 + 1) { out in
                var i = 0, o = 0, spaces = 0
                while i < n {
                    let c = b[i]
                    if c == 0xE2 && i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x8C {  // ZWNJ
                        if zwnjMode == 0 {
                            out[o] = 0xE2; out[o + 1] = 0x80; out[o + 2] = 0x8C; o += 3
                        } else if zwnjMode < 3 {
                            out[o] = 0x20; o += 1
                        }
                        i += 3
                        continue
                    }
                    if arabicLetters && i + 1 < n {
                        if c == 0xDB && b[i + 1] == 0x8C { out[o] = 0xD9; out[o + 1] = 0x8A; o += 2; i += 2; continue }  // yeh
                        if c == 0xDA && b[i + 1] == 0xA9 { out[o] = 0xD9; out[o + 1] = 0x83; o += 2; i += 2; continue }  // kaf
                    }
                    i += 1
                    if c == 0x2E && dropStops { continue }
                    out[o] = c; o += 1
                    if c == 0x20 {
                        spaces += 1
                        if doubleEvery > 0 && spaces % doubleEvery == 0 { out[o] = 0x20; o += 1 }
                    }
                }
                return o
            }
        }
    }

    /// A text under construction. Appending to a `String` with reserved capacity avoids
    /// re-validating UTF-8; only roughened text goes through bytes.
    struct Text {
        var string = ""
        init(capacity: Int) { string.reserveCapacity(capacity) }
        @inline(__always) mutating func add(_ s: String) { string.append(s) }
        @inline(__always) mutating func space() { string.append(" ") }
    }

    /// SplitMix64, seeded with one value drawn from the caller's generator. A generic
    /// function called from another module runs unspecialised, and every unspecialised
    /// `Int.random(in:using:)` pays for a metadata lookup; drawing once and making the
    /// dozen picks of a text from this concrete generator keeps the hot path specialised.
    struct Mixer: RandomNumberGenerator {
        private var state: UInt64
        init<R: RandomNumberGenerator>(_ rng: inout R) { state = UInt64.random(in: .min ... .max, using: &rng) }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    // MARK: - Shared pools

    /// Salutations that may open a body (not counted as a sentence).
    static let greetings = [
        "با سلام و احترام،", "سلام", "سلام.", "با سلام", "با عرض سلام و خسته نباشید،",
        "ریاست محترم، با سلام؛", "مسئولین محترم سامانه سامد، با سلام،", "بسمه تعالی. با سلام،",
        "سلام علیکم،", "جناب آقای استاندار، با سلام،",
    ]

    /// Neutral introductions that fit any category.
    static let intros = [
        "مدتی است که با مشکلی جدی روبه‌رو هستم و ناچار به شما مراجعه می‌کنم.",
        "این دومین باری است که به سامانه سامد نامه می‌نویسم.",
        "از طریق تلفن ۱۱۱ راهنمایی شدم که درخواستم را در سامانه ثبت کنم.",
        "با امید فراوان این نامه را خدمت شما می‌نویسم.",
        "ببخشید که وقت شما را می‌گیرم.",
        "شنیده‌ام که در این سامانه به نامه‌های مردم رسیدگی می‌شود.",
        "بنده قبلاً هم این موضوع را در میز خدمت مطرح کرده‌ام.",
        "چند بار تماس گرفتم اما خط ۱۱۱ اشغال بود.",
        "با عرض پوزش از طولانی شدن نامه، مشکلم را عرض می‌کنم.",
        "راستش نمی‌دانستم به کجا مراجعه کنم.",
        "در دیدار مردمی هفته گذشته فرصت نشد مشکلم را کامل بگویم.",
    ]

    /// Durations for the "I have been following this for ..." sentence.
    static let durations = ["دو ماه", "سه ماه", "شش ماه", "هشت ماه", "یک سال", "دو سال", "چند ماه"]

    /// Endings of the "I have been following this for ..." sentence.
    static let persistence = [
        "پیگیر این موضوع هستم اما نتیجه‌ای نگرفته‌ام.",
        "بین ادارات مختلف سرگردانم.",
        "هر هفته به اداره مربوط مراجعه می‌کنم.",
        "منتظر پاسخ هستم و کسی جوابگو نیست.",
        "هر بار می‌گویند هفته بعد مراجعه کنید.",
    ]

    /// Closing sentences of a citizen's letter.
    static let closings = [
        "پیشاپیش از لطف و همراهی شما سپاسگزارم.", "از حضرتعالی تقاضای رسیدگی عاجل دارم.",
        "امیدوارم این نامه بی‌پاسخ نماند.", "منتظر پاسخ شما هستم.", "خدا خیرتان بدهد.", "با تشکر.",
        "با تشکر فراوان.", "ممنون می‌شوم زودتر پاسخ بدهید.", "شماره تماسم در سامانه ثبت شده است.",
        "به امید حل مشکل.",
    ]

    /// Salutations of an official answer.
    static let answerOpenings = [
        "شهروند گرامی، با سلام و احترام؛", "هموطن گرامی، با سلام؛", "با سلام و احترام؛",
        "سلام علیکم؛", "با سلام و تحیات؛",
    ]

    /// Lead-ins after the salutation; each reads before an answer core (may be empty).
    static let answerLeads = [
        "به استحضار می‌رساند ", "ضمن تشکر از ارتباط شما با سامانه سامد، به استحضار می‌رساند ",
        "در پاسخ به نامه جنابعالی به استحضار می‌رساند ", "پیرو درخواست ثبت‌شده در سامانه سامد، ", "",
    ]

    /// Closing formulas of an official answer (may be empty).
    static let answerClosings = [
        "در صورت نیاز می‌توانید با کد رهگیری از طریق سامانه ۱۱۱ پیگیری فرمایید.",
        "با آرزوی توفیق الهی.", "از صبر و شکیبایی جنابعالی سپاسگزاریم.",
        "دفتر ارتباطات مردمی استانداری آماده پاسخگویی به سؤالات بعدی شماست.", "",
    ]

    /// Reasons an agency returns a referral.
    static let returnReasons = [
        "موضوع نامه در حیطه وظایف این دستگاه نیست و مربوط به شهرداری است.",
        "رسیدگی به این درخواست بر عهده کمیته امداد امام خمینی (ره) است.",
        "متقاضی به این بانک معرفی نشده و درخواست باید به بانک عامل معرفی‌کننده ارجاع شود.",
        "موضوع مربوط به اداره کل راه و شهرسازی است.",
        "این موضوع در صلاحیت دانشگاه علوم پزشکی است و به اشتباه به این اداره ارجاع شده است.",
        "محل سکونت متقاضی در حوزه فرمانداری شهرستان دیگری است.",
        "پرونده متقاضی در بنیاد شهید و امور ایثارگران تشکیل شده و رسیدگی به آن بر عهده آن بنیاد است.",
        "درخواست مربوط به تسهیلات خوداشتغالی و در حیطه صندوق کارآفرینی امید است.",
        "موضوع در حیطه اختیارات شورای اسلامی شهر است.",
        "موضوع جنبه قضایی دارد و باید از طریق مراجع قضایی پیگیری شود.",
        "رسیدگی به این موضوع بر عهده شرکت آب و فاضلاب است.",
        "اطلاعات نامه ناقص است و دستگاه مسئول از متن آن قابل تشخیص نیست.",
        "درخواست تکراری است و پیش از این توسط دستگاه دیگری پاسخ داده شده است.",
        "متقاضی مددجوی اداره بهزیستی است و پرونده‌ای در این نهاد ندارد.",
    ]

    /// Optional second sentence of a return reason.
    static let returnSuffixes = [
        "خواهشمند است به دستگاه ذی‌ربط ارجاع شود.", "مراتب جهت اقدام مقتضی اعلام می‌گردد.",
        "لطفاً ارجاع نامه اصلاح شود.",
    ]

    /// Satisfaction comments, index 0 for rating 1 ... index 4 for rating 5.
    static let ratingComments: [[String]] = [
        ["هیچ رسیدگی‌ای انجام نشد.", "فقط یک جواب کلیشه‌ای دادند.", "بعد از سه ماه هنوز همان‌جا هستم.",
         "هنوز هیچ اقدامی انجام نشده است.", "پاسخ ربطی به درخواست من نداشت.", "کسی حتی تماس نگرفت.",
         "کاملاً ناراضی هستم."],
        ["پاسخ دادند ولی مشکلم حل نشد.", "خیلی دیر جواب دادند.", "فقط مرا به اداره دیگری حواله دادند.",
         "قول دادند ولی عمل نکردند.", "رسیدگی ناقص بود."],
        ["معمولی بود.", "پاسخ دادند ولی هنوز منتظر اقدام عملی هستم.", "بخشی از مشکلم حل شد.",
         "سرعت پاسخ خوب بود اما نتیجه کامل نبود.", "بد نبود."],
        ["از پیگیری شما ممنونم.", "مشکلم تقریباً حل شد.", "کارشناس سامد بسیار مؤدب بود.",
         "پاسخ به موقع بود، ممنون.", "راضی هستم، فقط کمی طول کشید."],
        ["خدا خیرتان بدهد، مشکلم حل شد.", "از سرعت رسیدگی بسیار راضی هستم.", "مشکلم کامل حل شد، بسیار سپاسگزارم.",
         "واقعاً انتظار نداشتم به این سرعت رسیدگی شود.", "دست مریزاد.", "از همه عزیزان سامد تشکر می‌کنم."],
    ]
}

// Local-services and catch-all categories (kept here to keep file sizes even).
extension PhraseBank {
    static let municipalServices = CategoryPhrases(
        subjects: [
            "قطعی مکرر آب آشامیدنی", "درخواست آسفالت کوچه", "مشکل جمع‌آوری زباله در محله",
            "خاموشی چراغ‌های روشنایی معابر", "آب‌گرفتگی معابر پس از بارندگی", "درخواست ایجاد پارک در محله",
            "سگ‌های ولگرد در محله", "نشت فاضلاب و بوی نامطبوع", "نبود سرعت‌گیر در خیابان مدرسه",
            "کمبود اتوبوس در خط محله",
        ],
        situations: [
            "چند هفته است که آب آشامیدنی محله ما هر روز چند ساعت قطع می‌شود.",
            "کوچه ما سال‌هاست خاکی است و در زمستان پر از گل و لای می‌شود.",
            "ماشین جمع‌آوری زباله چند روز است به محله ما نیامده و بوی تعفن همه جا را گرفته است.",
            "چراغ‌های روشنایی خیابان ما ماه‌هاست خاموش است و شب‌ها ناامن شده است.",
            "با هر بارندگی خیابان اصلی محله آب‌گرفته می‌شود و آب به خانه‌ها می‌رود.",
            "سگ‌های ولگرد در محله ما زیاد شده‌اند و بچه‌ها جرئت رفتن به مدرسه را ندارند.",
            "لوله فاضلاب در کوچه ما شکسته و فاضلاب در سطح کوچه جاری است.",
            "آسفالت خیابان پس از حفاری شرکت گاز ترمیم نشده و پر از چاله است.",
            "در محله ما هیچ پارک یا فضای سبزی برای بچه‌ها وجود ندارد.",
            "اتوبوس‌های خط محله ما بسیار کم است و ساعت‌ها باید منتظر بمانیم.",
            "جلوی مدرسه دخترانه محله سرعت‌گیر و خط عابر پیاده وجود ندارد.",
            "فشار آب در طبقات بالای ساختمان‌های محله بسیار کم است.",
        ],
        details: [
            "چند بار با سامانه ۱۳۷ شهرداری تماس گرفته‌ام اما اقدامی نشده است.",
            "همسایه‌ها هم طوماری امضا کرده‌اند.",
            "سالمندان و بچه‌ها بیشترین آسیب را می‌بینند.",
            "عوارض نوسازی را هر سال به موقع پرداخت می‌کنیم.",
            "عکس‌های محل را هم دارم و می‌توانم ارسال کنم.",
            "ماه گذشته یک نفر در همین محل آسیب دید.",
        ],
        requests: [
            "خواهشمندم دستور رسیدگی فوری صادر فرمایید.",
            "تقاضا دارم این مشکل هر چه زودتر برطرف شود.",
            "لطفاً به دستگاه مسئول دستور دهید مشکل را برطرف کند.",
            "درخواست دارم این مشکل در برنامه کاری شهرداری قرار گیرد.",
            "خواهش می‌کنم یک کارشناس برای بازدید از محل اعزام شود.",
            "امیدوارم این بار مشکل محله ما جدی گرفته شود.",
        ],
        answers: [
            "موضوع به شهرداری ارجاع و عملیات آسفالت معبر مورد نظر در برنامه اجرایی سال جاری قرار گرفت.",
            "شرکت آب و فاضلاب علت قطعی را ترمیم خط انتقال اعلام کرده و وضعیت آبرسانی تا پایان هفته عادی خواهد شد.",
            "برنامه جمع‌آوری پسماند محله شما اصلاح شد و از این پس به صورت روزانه انجام می‌شود.",
            "اکیپ روشنایی شرکت توزیع برق از محل بازدید و چراغ‌های معیوب را تعویض کرد.",
            "درخواست احداث فضای سبز در کمیسیون شورای اسلامی شهر مطرح و در نوبت تأمین اعتبار قرار گرفت.",
            "موضوع سگ‌های بلاصاحب به واحد خدمات شهری شهرداری ارجاع شد و اقدامات لازم در دست انجام است.",
        ])

    static let other = CategoryPhrases(
        subjects: [
            "پیشنهاد برای بهبود خدمات اداری", "انتقاد از برخورد کارمند اداره", "شکایت از عدم پاسخگویی دستگاه",
            "گزارش تخلف یک واحد صنفی", "انتقاد از کندی سامانه‌های اداری", "درخواست دیدار با استاندار",
            "پیشنهاد ایجاد میز خدمت در شهرستان", "گزارش گران‌فروشی", "شکایت از ضعف اینترنت روستا",
            "درخواست وصل گاز روستا",
        ],
        situations: [
            "هفته گذشته برای کاری اداری به یکی از ادارات مراجعه کردم و کارمند مربوط با من برخورد بسیار نامناسبی داشت.",
            "سه ماه پیش نامه‌ای به یکی از دستگاه‌ها دادم و هنوز هیچ پاسخی دریافت نکرده‌ام.",
            "یکی از نانوایی‌های محله ما کم‌فروشی می‌کند و نان را با کیفیت پایین می‌پزد.",
            "اینترنت روستای ما بسیار ضعیف است و بچه‌ها نمی‌توانند از کلاس‌های مجازی استفاده کنند.",
            "پیشنهادی برای کم کردن صف‌های طولانی ادارات دارم.",
            "قیمت کالاهای اساسی در فروشگاه‌های شهر ما بسیار بیشتر از قیمت مصوب است.",
            "سامانه‌های اینترنتی ادارات مدام قطع می‌شوند و مردم مجبورند حضوری مراجعه کنند.",
            "می‌خواهم از نزدیک با استاندار دیدار کنم و مشکلاتم را حضوری بگویم.",
            "مدرسه روستای ما معلم کافی ندارد و بچه‌ها چند درس را اصلاً نخوانده‌اند.",
            "جاده روستای ما بسیار خطرناک است و تا کنون چند تصادف مرگبار در آن رخ داده است.",
            "پیشنهاد می‌کنم در هر شهرستان یک میز خدمت دائمی سامد ایجاد شود.",
            "گاز روستای ما با وجود وعده‌های متعدد هنوز وصل نشده است.",
        ],
        details: [
            "جزئیات بیشتر را در صورت نیاز حضوری توضیح می‌دهم.",
            "این مشکل فقط مربوط به من نیست و بسیاری از همشهریان با آن درگیرند.",
            "به نظرم با هزینه کم می‌شود این مشکل را حل کرد.",
            "به تلفن ۱۱۱ هم زنگ زدم و گفتند نامه بنویسید.",
            "از راه‌های دیگر هم پیگیری کرده‌ام ولی فایده‌ای نداشت.",
            "امیدوارم این گزارش باعث اصلاح روند کار شود.",
        ],
        requests: [
            "خواهشمندم به این موضوع رسیدگی و نتیجه را اعلام فرمایید.",
            "لطفاً موضوع را به دستگاه مربوط ارجاع دهید.",
            "درخواست دارم مسئولین استان به این موضوع ورود کنند.",
            "منتظر اقدام عملی شما هستم.",
            "خواهش می‌کنم این نامه را با دقت بررسی کنید.",
            "امیدوارم مسئولین محترم به این گزارش توجه کنند.",
        ],
        answers: [
            "موضوع به دستگاه اجرایی مربوط ارجاع و مقرر شد نتیجه رسیدگی ظرف ده روز اعلام شود.",
            "گزارش جنابعالی جهت رسیدگی به اداره بازرسی ارسال شد؛ از همکاری شما سپاسگزاریم.",
            "پیشنهاد ارزشمند جنابعالی جهت بررسی به کارگروه مربوط در استانداری ارسال شد.",
            "در خصوص برخورد کارمند، موضوع به هیئت رسیدگی به تخلفات اداری دستگاه مربوط منعکس شد.",
            "نوبت دیدار مردمی جنابعالی با مسئولین استان تعیین شد و زمان آن از طریق پیامک اعلام خواهد شد.",
            "گزارش گران‌فروشی به اداره کل صنعت، معدن و تجارت و سازمان تعزیرات حکومتی ارجاع شد.",
        ])
}
