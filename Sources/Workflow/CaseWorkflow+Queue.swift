import Domain
import Foundation
import Storage

/// What a supervisor asks the screening queue for.
public struct QueueRequest: Sendable {
    public var categoryCode: String?
    public var channel: Channel?
    /// Only letters waiting at least this many days.
    public var olderThanDays: Int?
    /// Only the appeals (reopened after a rating of 1–2 or an objection).
    public var appealsOnly = false
    /// Only the letters agencies returned twice or more.
    public var returnedOnly = false
    public var limit = 50
    public var cursor: String?

    public init() {}
}

/// One page of the screening queue and how many letters wait under its filters.
public struct QueueView: Sendable {
    public let items: [CaseSummary]
    public let total: Int
    public let nextCursor: String?
}

extension CaseWorkflow {
    /// The screening queue of the caller's province (or the country's, for national staff), in the
    /// order screening works it: the appeals first (a citizen said the answer did not do), then the
    /// letters agencies returned twice (the supervisor's to place), then the rest; oldest first
    /// within each. Each tier is its own index range, walked in order; the cursor says which tier
    /// and where in it the next page starts, so a page costs the same deep in the queue.
    public func screeningQueue(_ request: QueueRequest, by caller: StaffCaller) async throws -> QueueView {
        try caller.require(.screenCase)
        var base = CaseQuery()
        base.order = .oldest
        base.scopeProvince = caller.staff.provinceCode
        base.categoryCode = request.categoryCode
        base.channel = request.channel
        if let days = request.olderThanDays, days > 0 { base.to = gate.now().addingTimeInterval(-Double(days) * 86_400) }

        func tier(_ status: CaseStatus, twice: Bool?) -> CaseQuery {
            var q = base
            q.statuses = [status]
            q.returnedTwice = twice == true
            q.returnedLessThanTwice = twice == false
            return q
        }
        var tiers = [tier(.reopened, twice: request.returnedOnly ? true : nil)]
        if !request.appealsOnly {
            tiers.append(tier(.registered, twice: true))
            if !request.returnedOnly { tiers.append(tier(.registered, twice: false)) }
        }
        var counted = base
        counted.statuses = request.appealsOnly ? [.reopened] : [.registered, .reopened]
        counted.returnedTwice = request.returnedOnly
        let total = try await cases.count(counted)

        let limit = max(1, min(request.limit, 200))
        var (index, inner) = try Self.queueCursor(request.cursor, tiers: tiers.count)
        var items: [CaseSummary] = []
        var next: String?
        while index < tiers.count {
            var q = tiers[index]
            q.cursor = inner
            q.limit = limit - items.count
            let page = try await cases.list(q)
            items += page.items
            if let more = page.nextCursor {
                next = "\(index)~\(more)"
                break
            }
            index += 1
            inner = nil
            if items.count == limit {
                // This tier is done and the page full: the next page starts at the next tier that holds a letter.
                for later in index..<tiers.count {
                    var peek = tiers[later]
                    peek.limit = 1
                    if try await !cases.list(peek).items.isEmpty {
                        next = "\(later)~"
                        break
                    }
                }
                break
            }
        }
        return QueueView(items: items, total: total, nextCursor: next)
    }

    /// A queue cursor («tier~cursor within it»); anything else is `invalid_cursor`.
    static func queueCursor(_ raw: String?, tiers: Int) throws -> (Int, String?) {
        guard let raw, !raw.isEmpty else { return (0, nil) }
        let parts = raw.split(separator: "~", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let tier = Int(parts[0]), (0..<tiers).contains(tier) else {
            throw DomainError.invalidCursor
        }
        return (tier, parts[1].isEmpty ? nil : String(parts[1]))
    }
}
