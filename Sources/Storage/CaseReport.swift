import Domain
import Foundation
import PersianKit

/// What happened to the cases registered in one Jalali period (week, month, quarter or year), for
/// the whole country or one province: how many came, by what, where they stand now, how satisfied
/// citizens were, and how each agency answered the referrals of that period.
public struct CaseReport: Sendable, Equatable {
    /// Cases counted by one attribute (status, category, channel or kind), largest first.
    public struct Count: Sendable, Equatable {
        public var key: String
        /// Persian name of the key (a status, category, channel or kind).
        public var label: String
        public var count: Int
    }

    /// How one agency answered the referrals made to it in the period.
    public struct AgencyLine: Sendable, Equatable {
        public var agencyID: Int
        public var agencyName: String
        public var referred: Int
        public var answered: Int
        /// Answered by the due date.
        public var answeredOnTime: Int
        /// Still pending or accepted, and past the due date at the time of the report.
        public var overdue: Int
        /// Still pending or accepted (overdue or not).
        public var open: Int
        /// Sent back as not the agency's: each counts against it, as an answer it did not give.
        public var returned: Int
        /// Mean time from referral to answer over the answered ones, in days; nil when none answered.
        public var meanDaysToAnswer: Double?
    }

    public var period: JalaliPeriod
    /// Nil for the whole country.
    public var provinceCode: String?
    /// When the figures were read (overdue is relative to it).
    public var asOf: Date
    public var cases: Int
    /// Cases registered in the previous period of the same kind and scope, for comparison.
    public var previousPeriodCases: Int
    public var byStatus: [Count]
    public var byCategory: [Count]
    public var byChannel: [Count]
    public var byKind: [Count]
    /// Cases the citizen rated (1–5), their mean, and how many were rated 1 or 2.
    public var rated: Int
    public var meanRating: Double?
    public var unsatisfied: Int
    public var agencies: [AgencyLine]

    /// Cases answered or closed, directly or through an agency.
    public var answered: Int {
        byStatus.filter { $0.key == CaseStatus.answered.rawValue || $0.key == CaseStatus.closed.rawValue }
            .reduce(0) { $0 + $1.count }
    }
}
