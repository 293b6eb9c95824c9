import Foundation
import Testing
@testable import PersianKit

/// Deterministic generator for property tests (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite(.timeLimit(.minutes(10))) struct TrackingCodeTests {
    @Test func dammKnownVector() {
        // The classic example: 572 → check digit 4.
        #expect(Damm.checkDigit([5, 7, 2]) == 4)
        #expect(Damm.isValid([5, 7, 2, 4]))
    }

    @Test func hundredThousandGeneratedCodesAreValid() {
        var rng = SeededGenerator(seed: 1402)
        var seen = Set<String>()
        var bad: [String] = []
        for _ in 0..<100_000 {
            let code = TrackingCode.generate(using: &rng)
            seen.insert(code.value)
            let ok = code.value.utf8.count == 11 && code.value.first != "0"
                && (try? TrackingCode(parsing: code.value)) == code
            if !ok { bad.append(code.value) }
        }
        #expect(bad.isEmpty, "\(bad.prefix(5))")
        // 10 random digits: 100k codes should practically never collide.
        #expect(seen.count > 99_990)
    }

    @Test func everySingleDigitChangeIsRejected() {
        var rng = SeededGenerator(seed: 7)
        var accepted: [String] = []
        for _ in 0..<1_000 {
            let digits = Array(TrackingCode.generate(using: &rng).value)
            for i in digits.indices {
                for d in "0123456789" where d != digits[i] {
                    var changed = digits
                    changed[i] = d
                    if (try? TrackingCode(parsing: String(changed))) != nil { accepted.append(String(changed)) }
                }
            }
        }
        #expect(accepted.isEmpty, "\(accepted.prefix(5))")
    }

    @Test func everyNeighbourSwapIsRejected() {
        var rng = SeededGenerator(seed: 11)
        var accepted: [String] = []
        for _ in 0..<5_000 {
            let digits = Array(TrackingCode.generate(using: &rng).value)
            for i in 0..<(digits.count - 1) where digits[i] != digits[i + 1] {
                var swapped = digits
                swapped.swapAt(i, i + 1)
                if (try? TrackingCode(parsing: String(swapped))) != nil { accepted.append(String(swapped)) }
            }
        }
        #expect(accepted.isEmpty, "\(accepted.prefix(5))")
    }

    /// The Damm property behind the two tests above, exhaustively on the quasigroup: for every
    /// interim state, different digits give different states, and swapping neighbours changes it.
    @Test func dammTableIsTotallyAntiSymmetric() {
        for state in 0..<10 {
            for a in 0..<10 {
                for b in 0..<10 where a != b {
                    #expect(Damm.interim([state, a]) != Damm.interim([state, b]))
                    #expect(Damm.interim([state, a, b]) != Damm.interim([state, b, a]))
                }
            }
        }
    }

    @Test func parsingAcceptsWhatPeopleType() throws {
        var rng = SeededGenerator(seed: 3)
        let code = TrackingCode.generate(using: &rng)
        #expect(try TrackingCode(parsing: code.grouped) == code)
        #expect(try TrackingCode(parsing: PersianDigits.toPersian(code.value)) == code)
        let dashed = code.value.prefix(3) + "-" + code.value.dropFirst(3)
        #expect(try TrackingCode(parsing: String(dashed)) == code)
    }

    @Test func rejections() {
        #expect(throws: IdentifierError.empty(.trackingCode)) { try TrackingCode(parsing: "") }
        #expect(throws: IdentifierError.wrongLength(.trackingCode, expected: 11, actual: 10)) { try TrackingCode(parsing: "1234567890") }
        #expect(throws: IdentifierError.leadingZero) { try TrackingCode(parsing: "01234567890") }
        #expect(throws: IdentifierError.notDigits(.trackingCode)) { try TrackingCode(parsing: "1234567890X") }
    }

    @Test func grouped() throws {
        // 1234567890 + Damm check digit.
        let check = Damm.checkDigit([1, 2, 3, 4, 5, 6, 7, 8, 9, 0])
        let code = try TrackingCode(parsing: "1234567890\(check)")
        #expect(code.grouped == PersianDigits.toPersian("123 456 789 0\(check)"))
    }

    @Test func systemGenerator() throws {
        let code = TrackingCode.generate()
        #expect(try TrackingCode(parsing: code.value) == code)
        #expect(TrackingCode.generate() != code)
    }

    @Test func errorsCarryTrackingCode() {
        let check = Damm.checkDigit([1, 2, 3, 4, 5, 6, 7, 8, 9, 0])
        do {
            _ = try TrackingCode(parsing: "1234567890\((check + 1) % 10)")
            Issue.record("wrong check digit accepted")
        } catch {
            #expect(error.code == "invalid_tracking_code")
            #expect(error == .badCheckDigit(.trackingCode))
        }
    }
}
