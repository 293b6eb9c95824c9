import PersianKit

/// Valid, collision-free identifiers for generated data at any scale.
///
/// Random draws collide by the birthday paradox (10 million random 9-digit national-ID bodies give
/// about 50,000 duplicates), and a UNIQUE violation would fail a whole batch. So each identifier is
/// a bijection of a sequence number: an affine permutation modulo the size of the space, which looks
/// random, never repeats, and needs no lookup.
enum UniqueIdentities {
    /// Bodies whose nine digits are all the same are not valid national IDs; the permutation runs over
    /// the space without them and `skipDegenerate` maps it back.
    private static let nationalIDSpace = 1_000_000_000 - 10
    /// A prime, so it is coprime with the size of the space and the affine map is a permutation.
    private static let nationalIDMultiplier = 982_451_653
    private static let trackingSpace = 9_000_000_000
    private static let trackingMultiplier = 7_920_000_007
    /// Moves id 1 away from the smallest values. Fixed, not seeded: every run numbers by database id,
    /// so runs with different seeds still never collide.
    private static let offset = 123_456_789

    /// A valid 10-digit national ID, distinct for each distinct `n` in 0..<999,999,990
    /// (callers pass the citizen's database id).
    static func nationalID(_ n: Int) -> String {
        let x = (multiplyMod(n % nationalIDSpace, nationalIDMultiplier, nationalIDSpace) + offset) % nationalIDSpace
        var body = x
        // Skip the ten all-same-digit bodies (0, 111111111, …, 999999999) in increasing order.
        for k in 0..<10 where body >= k * 111_111_111 { body += 1 }
        var digits = [Int](repeating: 0, count: 10)
        var rest = body
        for i in stride(from: 8, through: 0, by: -1) {
            digits[i] = rest % 10
            rest /= 10
        }
        var sum = 0
        for i in 0..<9 { sum += digits[i] * (10 - i) }
        let r = sum % 11
        digits[9] = r < 2 ? r : 11 - r
        return String(decoding: digits.map { UInt8(48 + $0) }, as: UTF8.self)
    }

    /// A valid tracking code (10 digits, first non-zero, then a Damm check digit), distinct for each
    /// distinct `n` in 0..<9,000,000,000 (callers pass the case's database id).
    static func trackingCode(_ n: Int) -> String {
        let x = (multiplyMod(n % trackingSpace, trackingMultiplier, trackingSpace) + offset) % trackingSpace
        var digits = [Int](repeating: 0, count: 11)
        var rest = 1_000_000_000 + x
        for i in stride(from: 9, through: 0, by: -1) {
            digits[i] = rest % 10
            rest /= 10
        }
        var interim = 0
        for d in digits[0..<10] { interim = damm[interim][d] }
        digits[10] = interim
        return String(decoding: digits.map { UInt8(48 + $0) }, as: UTF8.self)
    }

    /// A valid mobile number; mobiles may repeat (families share phones), so a random draw is fine.
    static func mobile<R: RandomNumberGenerator>(using rng: inout R) -> String {
        DemoIdentity.mobile(using: &rng)
    }

    /// The Damm quasigroup (the same table as PersianKit's tracking-code check digit), so codes pass
    /// `TrackingCode(parsing:)`; PersianKit keeps its copy internal.
    private static let damm: [[Int]] = [
        [0, 3, 1, 7, 5, 9, 8, 6, 4, 2], [7, 0, 9, 2, 1, 5, 4, 8, 6, 3], [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
        [1, 7, 5, 0, 9, 8, 3, 4, 2, 6], [6, 1, 2, 3, 0, 4, 5, 9, 7, 8], [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
        [5, 8, 6, 9, 7, 2, 0, 1, 3, 4], [8, 9, 4, 5, 3, 6, 2, 0, 1, 7], [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
        [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
    ]

    /// (a * b) mod m without overflow for m < 2^62.
    private static func multiplyMod(_ a: Int, _ b: Int, _ m: Int) -> Int {
        let (high, low) = a.multipliedFullWidth(by: b)
        return Int(m.dividingFullWidth((high, low.magnitude)).remainder)
    }
}
