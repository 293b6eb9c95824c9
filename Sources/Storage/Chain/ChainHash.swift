import Crypto
import Foundation

/// The one hash function of Samad's tamper-evident chains (a case's history, the audit log): SHA-256
/// over an unambiguous encoding of a row's fields followed by the previous row's hash. Everything
/// that writes chained rows (the repository, the bulk generator, a migration's backfill, an
/// erasure's re-seal) calls it, so there is one definition of what a row's hash covers.
///
/// Encoding: a version tag, then each field as a type byte and its value: `0x00` for NULL,
/// `0x01` + decimal + `0x1F` for an integer, `0x02` + byte count + `:` + UTF-8 bytes for text; the
/// previous hash last (NULL for a chain's first row). No two different rows encode alike.
public struct ChainHash: Sendable {
    private var bytes: [UInt8]

    /// Starts the encoding of one row of the chain named `tag` ("case_event/1", "audit_log/1").
    public init(_ tag: String) {
        bytes = []
        bytes.reserveCapacity(256)
        text(tag)
    }

    public mutating func int(_ value: Int?) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        bytes.append(contentsOf: Array(String(value).utf8))
        bytes.append(0x1F)
    }

    public mutating func text(_ value: String?) {
        guard let value else { return bytes.append(0) }
        let utf8 = Array(value.utf8)
        bytes.append(2)
        bytes.append(contentsOf: Array(String(utf8.count).utf8))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: utf8)
    }

    /// The row's hash, lowercase hex, sealed with the previous row's hash.
    public consuming func seal(previous: String?) -> String {
        text(previous)
        return SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}

/// The fields of one `case_events` row that its hash covers: all but the row's id (ids are the
/// database's; the chain's own order is `seq`, 1, 2, 3, … within the case).
public struct ChainedCaseEvent: Sendable, Hashable {
    public var caseID: Int
    public var seq: Int
    public var provinceCode: String
    public var atMillis: Int
    public var kind: String
    public var actorKind: String
    public var actorID: Int?
    public var actorName: String
    public var agencyID: Int?
    public var agencyName: String?
    public var text: String?
    public var rating: Int?

    public init(
        caseID: Int, seq: Int, provinceCode: String, atMillis: Int, kind: String, actorKind: String, actorID: Int?,
        actorName: String, agencyID: Int?, agencyName: String?, text: String?, rating: Int?
    ) {
        self.caseID = caseID
        self.seq = seq
        self.provinceCode = provinceCode
        self.atMillis = atMillis
        self.kind = kind
        self.actorKind = actorKind
        self.actorID = actorID
        self.actorName = actorName
        self.agencyID = agencyID
        self.agencyName = agencyName
        self.text = text
        self.rating = rating
    }

    /// This row's hash after the row whose hash is `previous` (nil for the case's first event).
    public func hash(previous: String?) -> String {
        var h = ChainHash("case_event/1")
        h.int(caseID)
        h.int(seq)
        h.text(provinceCode)
        h.int(atMillis)
        h.text(kind)
        h.text(actorKind)
        h.int(actorID)
        h.text(actorName)
        h.int(agencyID)
        h.text(agencyName)
        h.text(text)
        h.int(rating)
        return h.seal(previous: previous)
    }
}
