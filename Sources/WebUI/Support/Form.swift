import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body.
struct Form: Sendable {
    private var values: [String: [String]] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard let key = Self.decode(parts[0]) else { continue }
            values[key, default: []].append(parts.count > 1 ? Self.decode(parts[1]) ?? "" : "")
        }
    }

    static func decode(_ s: String) -> String? {
        s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// Reads a form body of at most 64 KiB.
    static func read(_ request: Request) async throws -> Form {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        return Form(String(buffer: buffer))
    }

    subscript(_ key: String) -> String? { values[key]?.first }
    func all(_ key: String) -> [String] { values[key] ?? [] }
    func text(_ key: String) -> String { values[key]?.first ?? "" }

    /// The typed values of `keys`, to show again when the form comes back with errors.
    func kept(_ keys: [String]) -> [String: String] {
        var kept: [String: String] = [:]
        for key in keys { kept[key] = self[key] }
        return kept
    }
}
