import Foundation

/// Reads files from `Fixtures/` (copied into the test bundle).
enum FixtureLoader {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "fixture \(name) not found in the test bundle" }
    }

    static func text(_ name: String) throws -> String {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard let url = Bundle.module.url(forResource: parts[0], withExtension: parts.count > 1 ? parts[1] : nil,
                                          subdirectory: "Fixtures") else { throw Missing(name: name) }
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func lines(_ name: String) throws -> [Substring] {
        try text(name).split(separator: "\n").filter { !$0.hasPrefix("#") }
    }
}
