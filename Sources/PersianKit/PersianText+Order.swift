/// Persian alphabetical order, the order of a dictionary or a phone book: آ ا ب پ ت ث ج چ ح خ د ذ ر
/// ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن و ه ی. Unicode's code points put پ چ ژ گ after the Arabic
/// letters, so a plain string sort shows «پ» after «ی»; this order does not depend on the machine's
/// collation tables either.
extension PersianText {
    static let alphabet: [Unicode.Scalar: Int] = {
        let letters = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
        var rank: [Unicode.Scalar: Int] = [:]
        for (i, u) in letters.unicodeScalars.enumerated() { rank[u] = i + 1 }
        // Arabic forms typed for Persian ones sort with them.
        rank["ي"] = rank["ی"]
        rank["ى"] = rank["ی"]
        rank["ك"] = rank["ک"]
        rank["أ"] = rank["ا"]
        rank["إ"] = rank["ا"]
        rank["ة"] = rank["ه"]
        rank["ؤ"] = rank["و"]
        return rank
    }()

    /// True when `a` comes before `b` in Persian alphabetical order. Spaces and half-spaces come
    /// before every letter (so «آذربایجان شرقی» precedes «آذربایجان غربی» and both precede «اردبیل»);
    /// other characters follow the letters in code-point order.
    public static func precedesAlphabetically(_ a: String, _ b: String) -> Bool {
        func key(_ u: Unicode.Scalar) -> Int {
            if u == " " || u == "\u{200C}" { return 0 }
            if let rank = alphabet[u] { return rank }
            return 100 + Int(u.value)
        }
        var left = a.unicodeScalars.makeIterator()
        var right = b.unicodeScalars.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?):
                let (kx, ky) = (key(x), key(y))
                if kx != ky { return kx < ky }
            }
        }
    }
}
