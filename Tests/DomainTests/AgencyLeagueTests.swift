import Domain
import Foundation
import PersianKit
import Testing

/// The league table on a fixed data set, its figures worked out by hand. Every referral is made on
/// Thursday 1405/05/15 10:00 Tehran and due seven business days later (Monday 1405/05/26); the table
/// is read twelve business days after it. B(n) is n business days after the referral.
@Suite(.timeLimit(.minutes(10))) struct AgencyLeagueTests {
    static let t0 = DeadlineRulesTests.referredAt
    static func B(_ n: Int) -> Date { BusinessCalendar.iran.adding(businessDays: n, to: t0) }

    static func r(
        _ agency: Int, _ name: String, _ status: ReferralStatus, answeredAfter: Int? = nil, due: Int = 7, level: Int = 0,
        reopened: Bool = false, rating: Int? = nil
    ) -> LeagueReferral {
        LeagueReferral(
            agencyID: agency, agencyName: name, status: status, createdAt: t0, dueAt: B(due), answeredAt: answeredAfter.map(B),
            escalationLevel: level, reopenedAfterAnswer: reopened, ratingAfterAnswer: rating)
    }

    static let data: [LeagueReferral] = [
        // الف: answered after 2 (rated 5), 4 (rated 4) and 9 (late; the citizen reopened it and rated 1)
        // business days, one returned, one still open and in the inspection queue.
        r(1, "الف", .answered, answeredAfter: 2, rating: 5), r(1, "الف", .answered, answeredAfter: 4, rating: 4),
        r(1, "الف", .answered, answeredAfter: 9, reopened: true, rating: 1), r(1, "الف", .returned),
        r(1, "الف", .pending, level: 2),
        // ب: both answered in time, after 1 and 3 days, never rated.
        r(2, "ب", .answered, answeredAfter: 1), r(2, "ب", .answered, answeredAfter: 3),
        // پ: one open referral not yet due (due after 20 days).
        r(3, "پ", .accepted, due: 20),
        // ت: answered after 2 days and after 10 (late).
        r(4, "ت", .answered, answeredAfter: 2), r(4, "ت", .answered, answeredAfter: 10),
        // ث: the same as ب.
        r(5, "ث", .answered, answeredAfter: 1), r(5, "ث", .answered, answeredAfter: 3),
    ]

    @Test func theFiguresAndTheRanksWorkedOutByHand() throws {
        let league = AgencyLeague(Self.data, asOf: Self.B(12), calendar: .iran)
        // ب and ث: 2 of 2 due answered in time, median (1+3)/2 = 2, p90 rank ⌈0.9·2⌉ = 2 → 3; equal: one rank.
        // الف: due 4 (three answered, one open past its date), in time 2 → 50%; days 2, 4, 9: median 4,
        //      p90 rank ⌈2.7⌉ = 3 → 9; returns 1/5; reopened 1/3; ratings (5+4+1)/3; one breach.
        // ت: 1 of 2 in time → 50%, median (2+10)/2 = 6 > 4, so after الف; p90 10.
        // پ: nothing due yet → no rate, last.
        #expect(league.lines.map(\.agencyName) == ["ب", "ث", "الف", "ت", "پ"])
        #expect(league.lines.map(\.rank) == [1, 1, 3, 4, 5])
        let alef = try #require(league.lines.first { $0.agencyName == "الف" })
        #expect(alef.referrals == 5 && alef.answered == 3)
        #expect(alef.onTimeRate == 0.5)
        #expect(alef.medianDays == 4 && alef.p90Days == 9)
        #expect(alef.returnRate == 0.2)
        #expect(alef.reopenRate == 1.0 / 3)
        #expect(alef.meanRating == 10.0 / 3)
        #expect(alef.breaches == 1)
        let be = try #require(league.lines.first { $0.agencyName == "ب" })
        #expect(be.onTimeRate == 1 && be.medianDays == 2 && be.p90Days == 3 && be.returnRate == 0 && be.reopenRate == 0)
        #expect(be.meanRating == nil && be.breaches == 0)
        let te = try #require(league.lines.first { $0.agencyName == "ت" })
        #expect(te.onTimeRate == 0.5 && te.medianDays == 6 && te.p90Days == 10)
        let pe = try #require(league.lines.first { $0.agencyName == "پ" })
        #expect(pe.onTimeRate == nil && pe.medianDays == nil && pe.p90Days == nil && pe.reopenRate == nil && pe.answered == 0)
    }

    @Test func noReferralsNoLines() {
        #expect(AgencyLeague([], asOf: Self.t0, calendar: .iran).lines.isEmpty)
    }
}
