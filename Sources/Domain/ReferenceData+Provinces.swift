import Foundation

/// A county (شهرستان) as seeded.
///
/// `code` is `"<province code>-<nn>"`, e.g. `"05-01"`; `nn` is `01` for the county
/// that holds the provincial capital and then counts up in the order listed.
public struct CountySeed: Sendable, Hashable {
    /// Stable code, `"<province>-<nn>"`.
    public let code: String
    /// Persian name, e.g. `"تبریز"`.
    public let nameFa: String
    /// English (romanised) name, e.g. `"Tabriz"`.
    public let nameEn: String

    /// Creates a county seed.
    public init(code: String, nameFa: String, nameEn: String) {
        self.code = code
        self.nameFa = nameFa
        self.nameEn = nameEn
    }
}

/// A province (استان) as seeded, with its census population for weighting demo data.
public struct ProvinceSeed: Sendable, Hashable {
    /// Two digits `"01"`...`"31"`, stable; provinces are numbered in alphabetical order of
    /// their English names (see ``ReferenceData/provinces``).
    public let code: String
    /// Persian name, e.g. `"آذربایجان شرقی"`.
    public let nameFa: String
    /// English name, e.g. `"East Azerbaijan"`.
    public let nameEn: String
    /// The provincial capital (مرکز استان), e.g. `"تبریز"`.
    public let centerFa: String
    /// Population at the 1395 (2016) national census.
    public let population: Int
    /// The capital's county first, then a few more real counties of the province.
    public let counties: [CountySeed]

    /// Creates a province seed.
    public init(code: String, nameFa: String, nameEn: String, centerFa: String, population: Int, counties: [CountySeed]) {
        self.code = code
        self.nameFa = nameFa
        self.nameEn = nameEn
        self.centerFa = centerFa
        self.population = population
        self.counties = counties
    }
}

/// Static reference data used to seed a fresh database and to generate demo data.
public enum ReferenceData {
    /// All 31 provinces of Iran.
    ///
    /// Order and codes: alphabetical by English name (Alborz = "01" ... Zanjan = "31");
    /// the codes are stable and must never be renumbered. Populations are the 1395 (2016)
    /// census figures of the Statistical Centre of Iran (total 79,926,270). County lists are
    /// a sample, not exhaustive; Qom's second and third counties (Kahak, Jafarabad) were
    /// split from Qom county after the census.
    public static let provinces: [ProvinceSeed] = [
        p("01", "البرز", "Alborz", "کرج", 2_712_400, [
            ("کرج", "Karaj"), ("فردیس", "Fardis"), ("نظرآباد", "Nazarabad"),
            ("ساوجبلاغ", "Savojbolagh"), ("اشتهارد", "Eshtehard")]),
        p("02", "اردبیل", "Ardabil", "اردبیل", 1_270_420, [
            ("اردبیل", "Ardabil"), ("مشگین‌شهر", "Meshginshahr"), ("پارس‌آباد", "Parsabad"),
            ("خلخال", "Khalkhal"), ("گرمی", "Germi")]),
        p("03", "بوشهر", "Bushehr", "بوشهر", 1_163_400, [
            ("بوشهر", "Bushehr"), ("دشتستان", "Dashtestan"), ("گناوه", "Genaveh"),
            ("کنگان", "Kangan"), ("دشتی", "Dashti")]),
        p("04", "چهارمحال و بختیاری", "Chaharmahal and Bakhtiari", "شهرکرد", 947_763, [
            ("شهرکرد", "Shahrekord"), ("بروجن", "Borujen"), ("لردگان", "Lordegan"),
            ("فارسان", "Farsan"), ("اردل", "Ardal")]),
        p("05", "آذربایجان شرقی", "East Azerbaijan", "تبریز", 3_909_652, [
            ("تبریز", "Tabriz"), ("مراغه", "Maragheh"), ("مرند", "Marand"),
            ("اهر", "Ahar"), ("میانه", "Mianeh")]),
        p("06", "فارس", "Fars", "شیراز", 4_851_274, [
            ("شیراز", "Shiraz"), ("مرودشت", "Marvdasht"), ("کازرون", "Kazerun"),
            ("جهرم", "Jahrom"), ("فسا", "Fasa")]),
        p("07", "گیلان", "Gilan", "رشت", 2_530_696, [
            ("رشت", "Rasht"), ("بندر انزلی", "Bandar-e Anzali"), ("لاهیجان", "Lahijan"),
            ("تالش", "Talesh"), ("آستارا", "Astara")]),
        p("08", "گلستان", "Golestan", "گرگان", 1_868_819, [
            ("گرگان", "Gorgan"), ("گنبد کاووس", "Gonbad-e Kavus"), ("علی‌آباد کتول", "Aliabad-e Katul"),
            ("بندر ترکمن", "Bandar-e Torkaman"), ("آزادشهر", "Azadshahr")]),
        p("09", "همدان", "Hamadan", "همدان", 1_738_234, [
            ("همدان", "Hamadan"), ("ملایر", "Malayer"), ("نهاوند", "Nahavand"),
            ("تویسرکان", "Tuyserkan"), ("اسدآباد", "Asadabad")]),
        p("10", "هرمزگان", "Hormozgan", "بندرعباس", 1_776_415, [
            ("بندرعباس", "Bandar Abbas"), ("میناب", "Minab"), ("بندر لنگه", "Bandar Lengeh"),
            ("قشم", "Qeshm"), ("جاسک", "Jask")]),
        p("11", "ایلام", "Ilam", "ایلام", 580_158, [
            ("ایلام", "Ilam"), ("دهلران", "Dehloran"), ("ایوان", "Eyvan"),
            ("آبدانان", "Abdanan"), ("مهران", "Mehran")]),
        p("12", "اصفهان", "Isfahan", "اصفهان", 5_120_850, [
            ("اصفهان", "Isfahan"), ("کاشان", "Kashan"), ("نجف‌آباد", "Najafabad"),
            ("خمینی‌شهر", "Khomeyni Shahr"), ("شهرضا", "Shahreza")]),
        p("13", "کرمان", "Kerman", "کرمان", 3_164_718, [
            ("کرمان", "Kerman"), ("سیرجان", "Sirjan"), ("رفسنجان", "Rafsanjan"),
            ("بم", "Bam"), ("جیرفت", "Jiroft")]),
        p("14", "کرمانشاه", "Kermanshah", "کرمانشاه", 1_952_434, [
            ("کرمانشاه", "Kermanshah"), ("اسلام‌آباد غرب", "Eslamabad-e Gharb"), ("سرپل ذهاب", "Sarpol-e Zahab"),
            ("کنگاور", "Kangavar"), ("هرسین", "Harsin")]),
        p("15", "خوزستان", "Khuzestan", "اهواز", 4_710_509, [
            ("اهواز", "Ahvaz"), ("دزفول", "Dezful"), ("آبادان", "Abadan"),
            ("خرمشهر", "Khorramshahr"), ("بهبهان", "Behbahan")]),
        p("16", "کهگیلویه و بویراحمد", "Kohgiluyeh and Boyer-Ahmad", "یاسوج", 713_052, [
            ("بویراحمد", "Boyer-Ahmad"), ("کهگیلویه", "Kohgiluyeh"), ("گچساران", "Gachsaran"),
            ("دنا", "Dena"), ("باشت", "Basht")]),
        p("17", "کردستان", "Kurdistan", "سنندج", 1_603_011, [
            ("سنندج", "Sanandaj"), ("سقز", "Saqqez"), ("مریوان", "Marivan"),
            ("بانه", "Baneh"), ("قروه", "Qorveh")]),
        p("18", "لرستان", "Lorestan", "خرم‌آباد", 1_760_649, [
            ("خرم‌آباد", "Khorramabad"), ("بروجرد", "Borujerd"), ("دورود", "Dorud"),
            ("الیگودرز", "Aligudarz"), ("کوهدشت", "Kuhdasht")]),
        p("19", "مرکزی", "Markazi", "اراک", 1_429_475, [
            ("اراک", "Arak"), ("ساوه", "Saveh"), ("خمین", "Khomeyn"),
            ("محلات", "Mahallat"), ("دلیجان", "Delijan")]),
        p("20", "مازندران", "Mazandaran", "ساری", 3_283_582, [
            ("ساری", "Sari"), ("بابل", "Babol"), ("آمل", "Amol"),
            ("قائم‌شهر", "Qaem Shahr"), ("بهشهر", "Behshahr")]),
        p("21", "خراسان شمالی", "North Khorasan", "بجنورد", 863_092, [
            ("بجنورد", "Bojnurd"), ("شیروان", "Shirvan"), ("اسفراین", "Esfarayen"),
            ("جاجرم", "Jajarm"), ("فاروج", "Faruj")]),
        p("22", "قزوین", "Qazvin", "قزوین", 1_273_761, [
            ("قزوین", "Qazvin"), ("تاکستان", "Takestan"), ("بوئین‌زهرا", "Buin Zahra"),
            ("آبیک", "Abyek"), ("آوج", "Avaj")]),
        p("23", "قم", "Qom", "قم", 1_292_283, [
            ("قم", "Qom"), ("کهک", "Kahak"), ("جعفرآباد", "Jafarabad")]),
        p("24", "خراسان رضوی", "Razavi Khorasan", "مشهد", 6_434_501, [
            ("مشهد", "Mashhad"), ("نیشابور", "Neyshabur"), ("سبزوار", "Sabzevar"),
            ("تربت حیدریه", "Torbat-e Heydarieh"), ("قوچان", "Quchan")]),
        p("25", "سمنان", "Semnan", "سمنان", 702_360, [
            ("سمنان", "Semnan"), ("شاهرود", "Shahrud"), ("دامغان", "Damghan"),
            ("گرمسار", "Garmsar")]),
        p("26", "سیستان و بلوچستان", "Sistan and Baluchestan", "زاهدان", 2_775_014, [
            ("زاهدان", "Zahedan"), ("زابل", "Zabol"), ("ایرانشهر", "Iranshahr"),
            ("چابهار", "Chabahar"), ("سراوان", "Saravan")]),
        p("27", "خراسان جنوبی", "South Khorasan", "بیرجند", 768_898, [
            ("بیرجند", "Birjand"), ("قائنات", "Qaenat"), ("فردوس", "Ferdows"),
            ("نهبندان", "Nehbandan"), ("سربیشه", "Sarbisheh")]),
        p("28", "تهران", "Tehran", "تهران", 13_267_637, [
            ("تهران", "Tehran"), ("شمیرانات", "Shemiranat"), ("ری", "Rey"),
            ("اسلامشهر", "Eslamshahr"), ("شهریار", "Shahriar")]),
        p("29", "آذربایجان غربی", "West Azerbaijan", "ارومیه", 3_265_219, [
            ("ارومیه", "Urmia"), ("خوی", "Khoy"), ("مهاباد", "Mahabad"),
            ("میاندوآب", "Miandoab"), ("سلماس", "Salmas")]),
        p("30", "یزد", "Yazd", "یزد", 1_138_533, [
            ("یزد", "Yazd"), ("میبد", "Meybod"), ("اردکان", "Ardakan"),
            ("تفت", "Taft"), ("مهریز", "Mehriz")]),
        p("31", "زنجان", "Zanjan", "زنجان", 1_057_461, [
            ("زنجان", "Zanjan"), ("ابهر", "Abhar"), ("خدابنده", "Khodabandeh"),
            ("خرمدره", "Khorramdarreh"), ("طارم", "Tarom")]),
    ]

    /// Builds a province, numbering its counties `"<code>-01"`, `"<code>-02"`, ...
    private static func p(
        _ code: String, _ nameFa: String, _ nameEn: String, _ centerFa: String,
        _ population: Int, _ counties: [(fa: String, en: String)]
    ) -> ProvinceSeed {
        var seeds: [CountySeed] = []
        seeds.reserveCapacity(counties.count)
        for (index, county) in counties.enumerated() {
            let n = index + 1
            let suffix = n < 10 ? "0" + String(n) : String(n)
            seeds.append(CountySeed(code: code + "-" + suffix, nameFa: county.fa, nameEn: county.en))
        }
        return ProvinceSeed(code: code, nameFa: nameFa, nameEn: nameEn, centerFa: centerFa,
                            population: population, counties: seeds)
    }
}
