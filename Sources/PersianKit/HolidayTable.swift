import Foundation

/// One official holiday.
public struct Holiday: Hashable, Sendable, Decodable {
    public enum Kind: String, Sendable, Decodable {
        /// Fixed in the solar calendar (Nowruz, 22 Bahman, …).
        case solar
        /// Follows the lunar Hijri calendar (Ashura, Eid al-Fitr, …): moves ~11 days a year and
        /// is fixed by the official calendar.
        case lunar
        /// A one-off closure the government declared for that year only.
        case special
    }
    public let date: JalaliDate
    public let nameFa: String
    public let nameEn: String
    public let kind: Kind
    /// True for lunar dates not yet confirmed by a published official calendar.
    public let estimated: Bool
}

/// Iran's official holidays, bundled as one JSON file per Jalali year
/// (`Resources/holidays-YYYY.json`). To add a year, add its file; nothing else changes.
public enum HolidayTable {
    private struct File: Decodable {
        let year: Int
        let holidays: [Holiday]
    }

    /// All bundled holiday dates.
    public static func bundled() -> Set<JalaliDate> {
        Set(entries.map(\.date))
    }

    /// All bundled holidays with their names, sorted by date (a day may appear twice when two
    /// occasions coincide).
    public static let entries: [Holiday] = load()

    /// Jalali years covered by the bundled files.
    public static var years: [Int] {
        Array(Set(entries.map(\.date.year))).sorted()
    }

    private static func load() -> [Holiday] {
        guard let dir = Bundle.module.resourceURL,
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        let urls = names.filter { $0.hasPrefix("holidays-") && $0.hasSuffix(".json") }
            .map { dir.appendingPathComponent($0) }
        var all: [Holiday] = []
        for url in urls {
            // A malformed file is a packaging bug; the test suite decodes every file.
            guard let data = try? Data(contentsOf: url),
                  let file = try? JSONDecoder().decode(File.self, from: data) else { continue }
            all += file.holidays
        }
        return all.sorted { ($0.date, $0.nameEn) < ($1.date, $1.nameEn) }
    }
}
