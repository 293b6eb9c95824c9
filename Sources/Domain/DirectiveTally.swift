import Foundation
import PersianKit

/// What became of one official's directives: how many are still open (and how many of those are
/// overdue), answered on time or late, returned as not the agency's, or withdrawn. Read from each
/// directive's clock (`HopClock`), so the list per official and the clocks on it always agree.
public struct DirectiveTally: Sendable, Hashable {
    public var issuer: DirectiveIssuer
    public var total = 0
    public var open = 0
    public var overdue = 0
    public var answeredOnTime = 0
    public var answeredLate = 0
    public var returned = 0
    public var withdrawn = 0

    public init(issuer: DirectiveIssuer) {
        self.issuer = issuer
    }

    /// Counts one directive as its clock stands at `now`.
    public mutating func count(_ clock: HopClock) {
        total += 1
        switch clock.state {
        case .onTime, .dueSoon: open += 1
        case .overdue:
            open += 1
            overdue += 1
        case .done: if clock.onTime == true { answeredOnTime += 1 } else { answeredLate += 1 }
        case .returned: returned += 1
        case .stopped: withdrawn += 1
        }
    }

    /// One tally per issuer of `directives`, the most directives first (then by name).
    public static func tallies(_ directives: [Referral], now: Date, calendar: BusinessCalendar) -> [DirectiveTally] {
        var byIssuer: [Int: DirectiveTally] = [:]
        for r in directives {
            guard let issuer = r.directedBy else { continue }
            byIssuer[issuer.id, default: DirectiveTally(issuer: issuer)].count(HopClock(r, now: now, calendar: calendar))
        }
        return byIssuer.values.sorted { ($1.total, $0.issuer.name) < ($0.total, $1.issuer.name) }
    }
}
