/// The Damm check-digit algorithm (H. Michael Damm, 2004).
///
/// Uses a totally anti-symmetric quasigroup of order 10, so a single check digit detects
/// every single-digit error and every transposition of two adjacent digits — the two
/// mistakes people make when reading a code over the phone. Unlike Luhn, there are no
/// exceptions (Luhn misses 09↔90).
enum Damm {
    private static let table: [[UInt8]] = [
        [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
        [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
        [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
        [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
        [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
        [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
        [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
        [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
        [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
        [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
    ]

    /// Interim digit after processing `digits` (values 0…9). The check digit of a payload is
    /// this value; a payload followed by its check digit yields 0.
    static func interim(_ digits: some Sequence<Int>) -> Int {
        var state = 0
        for d in digits { state = Int(table[state][d]) }
        return state
    }

    static func checkDigit(_ digits: some Sequence<Int>) -> Int { interim(digits) }

    static func isValid(_ digits: some Sequence<Int>) -> Bool { interim(digits) == 0 }
}
