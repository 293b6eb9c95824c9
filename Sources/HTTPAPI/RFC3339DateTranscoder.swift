import Foundation
import OpenAPIRuntime

/// Dates in and out of the API as RFC 3339. Writes whole seconds with an offset (`2026-12-03T10:00:00Z`),
/// as before; reads them with or without fractional seconds, with `Z` or any offset, and with a
/// lower-case `t` or `z`, which RFC 3339 allows and the runtime's default transcoder refuses.
struct RFC3339DateTranscoder: DateTranscoder, @unchecked Sendable {
    private let lock = NSLock()
    private let whole: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter
    }()
    private let fractional: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()

    func encode(_ date: Date) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        return whole.string(from: date)
    }

    func decode(_ dateString: String) throws -> Date {
        let text = dateString.uppercased()
        lock.lock()
        let date = whole.date(from: text) ?? fractional.date(from: text)
        lock.unlock()
        guard let date else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "Expected an RFC 3339 date-time, got \(dateString.prefix(64))"))
        }
        return date
    }
}
