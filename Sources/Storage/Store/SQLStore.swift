import Domain
import Foundation
import PersianKit
import SQLKit

/// The one SQL implementation of every repository, for SQLite and PostgreSQL alike.
public struct SQLStore: Sendable {
    public let client: any DatabaseClient
    /// The clock every write reads; tests fix it.
    public let now: @Sendable () -> Date
    /// The address SMS 3 sends a citizen to for one case; the app builds it from its page table.
    public let trackingLink: @Sendable (TrackingCode) -> String
    public let calendar: BusinessCalendar

    public init(
        client: any DatabaseClient, trackingLink: @escaping @Sendable (TrackingCode) -> String = { $0.value },
        calendar: BusinessCalendar = .iran, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.client = client
        self.trackingLink = trackingLink
        self.calendar = calendar
        self.now = now
    }

    var engine: DatabaseEngine { client.engine }
}

extension SQLRow {
    func int(_ column: String) throws -> Int { try decode(column: column, as: Int.self) }
    func string(_ column: String) throws -> String { try decode(column: column, as: String.self) }
    func bool(_ column: String) throws -> Bool { try int(column) != 0 }
    func date(_ column: String) throws -> Date { Date(millis: try int(column)) }

    func optionalInt(_ column: String) throws -> Int? {
        try decodeNil(column: column) ? nil : try int(column)
    }

    func optionalString(_ column: String) throws -> String? {
        try decodeNil(column: column) ? nil : try string(column)
    }

    /// A stored national ID; NULL for a citizen who gave none.
    func nationalID(_ column: String = "national_id") throws -> NationalID? {
        try optionalString(column).map { try NationalID(parsing: $0) }
    }

    /// A citizen's stored mobile; an erased one (`erased:<id>`, unique per citizen) reads as `MobileNumber.erased`.
    func mobile(_ column: String = "mobile") throws -> MobileNumber {
        let raw = try string(column)
        if raw.hasPrefix(SQLStore.erasedPrefix) { return .erased }
        return try MobileNumber(parsing: raw)
    }

    func optionalDate(_ column: String) throws -> Date? { try optionalInt(column).map(Date.init(millis:)) }

    func enumValue<E: RawRepresentable>(_ column: String, as: E.Type) throws -> E where E.RawValue == String {
        let raw = try string(column)
        guard let value = E(rawValue: raw) else { throw StorageError.corrupt("\(column)=\(raw)") }
        return value
    }
}

extension SQLRawBuilder {
    /// The one row a statement always yields (`RETURNING`, an aggregate); a missing row is a
    /// storage fault, thrown rather than trapped, so a request fails alone instead of the server.
    func one() async throws -> any SQLRow {
        guard let row = try await first() else { throw StorageError.noRow }
        return row
    }
}

/// Data in the database that the code cannot read: a bug or a hand edit, never user input.
public enum StorageError: Error, CustomStringConvertible {
    case corrupt(String)
    /// A statement that always yields a row yielded none.
    case noRow
    public var description: String {
        switch self {
        case .corrupt(let what): "unreadable stored value: \(what)"
        case .noRow: "a statement that returns a row returned none"
        }
    }
}
