/// One thing `samad audit verify` found wrong with a chain: which chain, which row, and what.
public struct ChainProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Chain: Sendable, Hashable {
        /// A case's history, named by its tracking code.
        case caseHistory(trackingCode: String)
        case auditLog
    }

    public enum Kind: String, Sendable, Hashable {
        /// A row's fields no longer match its hash.
        case edited
        /// Rows are missing before this one, or at the end (the head names more).
        case deleted
        /// A row that was never chained, or that does not follow the row before it.
        case inserted
        /// The rows' order in the table differs from their order in the chain.
        case reordered
    }

    public let chain: Chain
    public let kind: Kind
    /// The row's id in its table, when the problem is one row's.
    public let rowID: Int?
    public let detail: String

    public init(chain: Chain, kind: Kind, rowID: Int?, detail: String) {
        self.chain = chain
        self.kind = kind
        self.rowID = rowID
        self.detail = detail
    }

    public var description: String {
        let name = switch chain {
        case .caseHistory(let code): "case \(code)"
        case .auditLog: "audit log"
        }
        return "\(name)\t\(kind.rawValue)\t\(rowID.map { "row \($0)" } ?? "-")\t\(detail)"
    }
}

/// Checks one chain's rows, given in chain order, against their hashes and the chain's head.
struct ChainWalk {
    struct Row {
        let id: Int
        let seq: Int?
        let prevHash: String?
        let hash: String?
        /// The hash the row's fields give after `prevHash`.
        let recomputed: String
    }

    let chain: ChainProblem.Chain
    private(set) var problems: [ChainProblem] = []
    private var expectedSeq = 1
    private var previous: String?
    private var lastID = 0
    private var count = 0

    init(chain: ChainProblem.Chain) {
        self.chain = chain
    }

    /// Rows sorted by their place in the chain; unchained rows last.
    static func inChainOrder(_ rows: [Row]) -> [Row] {
        rows.sorted { ($0.seq ?? .max, $0.id) < ($1.seq ?? .max, $1.id) }
    }

    mutating func visit(_ row: Row) {
        guard let seq = row.seq, let hash = row.hash else {
            problems.append(.init(chain: chain, kind: .inserted, rowID: row.id, detail: "row has no place in the chain"))
            return
        }
        count += 1
        if seq > expectedSeq {
            let gap = expectedSeq == seq - 1 ? "row \(expectedSeq) of the chain is" : "rows \(expectedSeq)–\(seq - 1) of the chain are"
            problems.append(.init(chain: chain, kind: .deleted, rowID: row.id, detail: "\(gap) missing before this one"))
        } else if row.prevHash != previous {
            problems.append(
                .init(chain: chain, kind: .inserted, rowID: row.id, detail: "does not follow the row before it in the chain"))
        }
        if row.recomputed != hash {
            problems.append(.init(chain: chain, kind: .edited, rowID: row.id, detail: "fields do not match the row's hash"))
        }
        if row.id < lastID {
            problems.append(
                .init(chain: chain, kind: .reordered, rowID: row.id, detail: "place \(seq) in the chain, but stored before row \(lastID)"))
        }
        lastID = max(lastID, row.id)
        previous = hash
        expectedSeq = seq + 1
    }

    /// Compares the walk with the head the chain's owner keeps (row count and last hash).
    mutating func finish(headCount: Int, headHash: String?) {
        if count < headCount {
            problems.append(
                .init(chain: chain, kind: .deleted, rowID: nil, detail: "head names \(headCount) rows, \(count) are left"))
        } else if count > headCount {
            problems.append(
                .init(chain: chain, kind: .inserted, rowID: nil, detail: "head names \(headCount) rows, \(count) are there"))
        } else if previous != headHash {
            problems.append(.init(chain: chain, kind: .edited, rowID: nil, detail: "last row's hash is not the head's"))
        }
    }
}
