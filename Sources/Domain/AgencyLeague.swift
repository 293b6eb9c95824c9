import Foundation
import PersianKit

/// One referral (or directive) made in a period, as the league table reads it.
public struct LeagueReferral: Sendable, Hashable {
    public var agencyID: Int
    public var agencyName: String
    public var status: ReferralStatus
    public var createdAt: Date
    public var dueAt: Date
    public var answeredAt: Date?
    public var escalationLevel: Int
    /// The case was reopened (a rating of 1–2 or an objection) after this referral's answer.
    public var reopenedAfterAnswer: Bool
    /// The citizen's first rating after this referral's answer, if any.
    public var ratingAfterAnswer: Int?

    public init(
        agencyID: Int, agencyName: String, status: ReferralStatus, createdAt: Date, dueAt: Date, answeredAt: Date?,
        escalationLevel: Int, reopenedAfterAnswer: Bool, ratingAfterAnswer: Int?
    ) {
        self.agencyID = agencyID
        self.agencyName = agencyName
        self.status = status
        self.createdAt = createdAt
        self.dueAt = dueAt
        self.answeredAt = answeredAt
        self.escalationLevel = escalationLevel
        self.reopenedAfterAnswer = reopenedAfterAnswer
        self.ratingAfterAnswer = ratingAfterAnswer
    }
}

/// The agencies of a period ranked on how they answered (رتبه‌بندی دستگاه‌ها): on-time answer rate,
/// median and 90th-percentile business days to answer, return rate, reopen rate, mean rating and
/// breaches (referrals that reached the inspection queue, level 2).
public struct AgencyLeague: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        public var rank: Int
        public var agencyID: Int
        public var agencyName: String
        public var referrals: Int
        public var answered: Int
        /// Answered by the due date, of the referrals that are due (due date passed, or answered).
        public var onTimeRate: Double?
        /// Business days from referral to answer over the answered ones.
        public var medianDays: Double?
        /// Nearest-rank 90th percentile of the same.
        public var p90Days: Int?
        /// Sent back as not the agency's, of all its referrals.
        public var returnRate: Double
        /// Answers after which the citizen reopened the case, of its answers.
        public var reopenRate: Double?
        /// The citizens' first rating after each answer, averaged.
        public var meanRating: Double?
        /// Referrals that reached escalation level 2.
        public var breaches: Int
    }

    public var lines: [Line]

    /// The league of `referrals` at `asOf`. Ranked by on-time rate (higher first; none last), then
    /// median days (fewer first), then return rate (lower first), then breaches, then name; agencies
    /// equal on all of these share a rank.
    public init(_ referrals: [LeagueReferral], asOf: Date, calendar: BusinessCalendar) {
        let byAgency = Dictionary(grouping: referrals, by: \.agencyID)
        var lines: [Line] = byAgency.values.map { rows in
            let answered = rows.filter { $0.status == .answered }
            let due = rows.filter { $0.status == .answered || ($0.status.isOpen && $0.dueAt < asOf) }
            let onTime = answered.filter { ($0.answeredAt ?? .distantFuture) <= $0.dueAt }.count
            let days = answered.compactMap { r in r.answeredAt.map { calendar.businessDays(from: r.createdAt, to: $0) } }.sorted()
            let ratings = answered.compactMap(\.ratingAfterAnswer)
            return Line(
                rank: 0, agencyID: rows[0].agencyID, agencyName: rows[0].agencyName, referrals: rows.count, answered: answered.count,
                onTimeRate: due.isEmpty ? nil : Double(onTime) / Double(due.count), medianDays: Self.median(days),
                p90Days: Self.percentile(90, days), returnRate: Double(rows.filter { $0.status == .returned }.count) / Double(rows.count),
                reopenRate: answered.isEmpty ? nil : Double(answered.filter(\.reopenedAfterAnswer).count) / Double(answered.count),
                meanRating: ratings.isEmpty ? nil : Double(ratings.reduce(0, +)) / Double(ratings.count),
                breaches: rows.filter { $0.escalationLevel >= CaseRules.topEscalationLevel }.count)
        }
        lines.sort { a, b in
            if Self.key(a) != Self.key(b) { return Self.key(a).lexicographicallyPrecedes(Self.key(b)) }
            return (a.agencyName, a.agencyID) < (b.agencyName, b.agencyID)
        }
        for i in lines.indices {
            lines[i].rank = i > 0 && Self.key(lines[i]) == Self.key(lines[i - 1]) ? lines[i - 1].rank : i + 1
        }
        self.lines = lines
    }

    /// What ranks a line, smaller first.
    static func key(_ l: Line) -> [Double] {
        [-(l.onTimeRate ?? -1), l.medianDays ?? .greatestFiniteMagnitude, l.returnRate, Double(l.breaches)]
    }

    /// The middle value, or the mean of the two middle ones; nil for none. `sorted` ascending.
    static func median(_ sorted: [Int]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
    }

    /// Nearest rank: the smallest value with at least `p`% of the values at or below it. `sorted` ascending.
    static func percentile(_ p: Int, _ sorted: [Int]) -> Int? {
        guard !sorted.isEmpty else { return nil }
        let rank = (p * sorted.count + 99) / 100
        return sorted[max(0, rank - 1)]
    }
}
