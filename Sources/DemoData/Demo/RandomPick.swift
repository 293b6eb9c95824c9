import Foundation
import Domain

/// Weighted choices that mirror the articles' figures.
struct Weighted<T: Sendable>: Sendable {
    let items: [T]
    let cumulative: [Int]

    init(_ pairs: [(T, Int)]) {
        items = pairs.map(\.0)
        var sum = 0
        cumulative = pairs.map { sum += $0.1; return sum }
    }

    func pick<R: RandomNumberGenerator>(using rng: inout R) -> T {
        let x = Int.random(in: 0..<cumulative.last!, using: &rng)
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > x { hi = mid } else { lo = mid + 1 }
        }
        return items[lo]
    }
}

enum DemoWeights {
    /// Interest-free loans first, then living assistance, employment, self-employment and housing loans.
    static let categories = Weighted<String>([
        ("interestFreeLoan", 25), ("livingAssistance", 18), ("employment", 14), ("selfEmploymentLoan", 10),
        ("housingLoan", 9), ("medicalInsurance", 7), ("housingUrban", 5), ("municipalServices", 5),
        ("veteransAffairs", 4), ("other", 3),
    ])
    /// The 111 line is the largest door.
    static let channels = Weighted<Channel>([
        (.phone111, 50), (.web, 20), (.letter, 10), (.email, 8), (.serviceDesk, 8), (.meeting, 4),
    ])
    static let kinds = Weighted<CaseKind>([
        (.request, 60), (.complaint, 20), (.report, 7), (.suggestion, 5), (.criticism, 5), (.idea, 3),
    ])
}

/// Valid identifiers for made-up citizens.
enum DemoIdentity {
    static func nationalID<R: RandomNumberGenerator>(using rng: inout R) -> String {
        while true {
            let digits = (0..<9).map { _ in Int.random(in: 0...9, using: &rng) }
            if Set(digits).count == 1 { continue }
            let sum = digits.enumerated().reduce(0) { $0 + $1.element * (10 - $1.offset) }
            let r = sum % 11
            let check = r < 2 ? r : 11 - r
            return digits.map(String.init).joined() + String(check)
        }
    }

    static let mobilePrefixes = ["0912", "0913", "0914", "0915", "0919", "0935", "0936", "0937", "0938", "0939", "0901", "0902", "0921", "0990"]

    static func mobile<R: RandomNumberGenerator>(using rng: inout R) -> String {
        mobilePrefixes.randomElement(using: &rng)! + (0..<7).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
    }
}
