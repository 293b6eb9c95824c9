import Foundation

/// The mobile operator prefix table, loaded once from `Resources/mobile-prefixes.json`.
///
/// Kept as data because the regulator (CRA) assigns new ranges every year or two; adding one
/// is a JSON edit. Prefixes have 4 or 5 digits (MVNOs get 5-digit blocks inside `099x`);
/// the longest matching prefix wins.
struct MobilePrefixTable: Sendable {
    struct Operator: Sendable, Decodable {
        let id: String
        let name: String
        let nameFa: String
        let prefixes: [String]
    }

    private struct File: Decodable {
        let operators: [Operator]
    }

    let byPrefix: [String: Operator]

    init(operators: [Operator]) {
        var map: [String: Operator] = [:]
        for op in operators { for p in op.prefixes { map[p] = op } }
        byPrefix = map
    }

    static let shared: MobilePrefixTable = {
        guard let url = Bundle.module.url(forResource: "mobile-prefixes", withExtension: "json"),
              let data = try? Data(contentsOf: url),
              let file = try? JSONDecoder().decode(File.self, from: data)
        else {
            // The file ships inside the module; failing to read it is a packaging bug, not bad input.
            preconditionFailure("PersianKit: Resources/mobile-prefixes.json missing or malformed")
        }
        return MobilePrefixTable(operators: file.operators)
    }()

    /// Longest-prefix match on an `09…` number.
    func operatorFor(_ number: String) -> Operator? {
        for length in stride(from: 6, through: 4, by: -1) where number.utf8.count >= length {
            if let op = byPrefix[String(number.prefix(length))] { return op }
        }
        return nil
    }
}
