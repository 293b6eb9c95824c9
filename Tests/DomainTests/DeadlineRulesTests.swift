import Domain
import Foundation
import PersianKit
import Testing

/// A referral's clock walked by hand across a weekend and two holidays: worked out on paper with
/// the 1405 holiday table (Wednesday 1405/05/21 and Thursday 1405/05/22 are holidays, Fridays are
/// the weekend), every time 10:00 in Tehran (06:30 UTC).
@Suite(.timeLimit(.minutes(10))) struct DeadlineRulesTests {
    /// Thursday 1405/05/15 (2026-08-06) 10:00 Tehran.
    static let referredAt = utc("2026-08-06T06:30:00Z")

    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static func referred(answerDays: Int = 7) throws -> (Case, Referral) {
        let c = Case(
            id: 1, trackingCode: TrackingCode.generate(), citizenID: 1, channel: .phone111, kind: .request,
            categoryCode: "livingAssistance", subject: "s", body: "b", provinceCode: "01", countyCode: nil, status: .registered,
            priority: .normal, confidential: false, answer: nil, mergedIntoID: nil, rating: nil, createdAt: referredAt,
            updatedAt: referredAt, version: 1)
        let actor = Actor.staff(Staff(id: 9, username: "s", displayName: "پایش", role: .supervisor, provinceCode: "01", agencyID: nil, active: true))
        let change = try CaseRules.refer(
            c, to: [1], agencies: [AgencyRef(id: 1, name: "کمیته امداد", active: true)], existing: [], note: nil,
            answerDays: answerDays, escalation: .standard, calendar: .iran, at: referredAt, expectedVersion: nil, actor: actor, link: "L")
        let new = try #require(change.newReferrals.first)
        let r = Referral(
            id: 1, caseID: 1, agencyID: 1, agencyName: new.agencyName, status: new.status, note: nil, answer: nil, returnReason: nil,
            dueAt: new.dueAt, escalationLevel: 0, createdAt: referredAt, answeredAt: nil, deadlineCheckAt: new.deadlineCheckAt)
        return (change.case, r)
    }

    @Test func theDueDateSkipsTheWeekendAndTheHolidays() throws {
        // Seven business days from Thursday: Sat, Sun, Mon, Tue; Wed and Thu are holidays, Fri the
        // weekend; Sat, Sun, Mon: due Monday 1405/05/26 10:00.
        let (_, r) = try Self.referred()
        #expect(r.dueAt == Self.utc("2026-08-17T06:30:00Z"))
        // The first look is the reminder: one business day before, Sunday 1405/05/25.
        #expect(r.deadlineCheckAt == Self.utc("2026-08-16T06:30:00Z"))
        let m = EscalationPolicy.standard.moments(dueAt: r.dueAt, calendar: .iran)
        #expect(m.level1 == r.dueAt)
        // Level 2 three business days after: Tue, Wed, Thu 1405/05/29.
        #expect(m.level2 == Self.utc("2026-08-20T06:30:00Z"))
    }

    @Test func reminderLevelOneLevelTwoEachOnce() throws {
        var (c, r) = try Self.referred()
        func look(_ at: String) -> CaseChange? {
            let change = CaseRules.watchDeadline(c, referralID: r.id, referrals: [r], policy: .standard, calendar: .iran, now: Self.utc(at))
            if let updated = change?.updatedReferrals.first { r = updated }
            c = change?.case ?? c
            return change
        }
        // Saturday: too early for anything; the next look stays the reminder's.
        #expect(look("2026-08-08T06:30:00Z")?.events.isEmpty == true)
        #expect(r.deadlineCheckAt == Self.utc("2026-08-16T06:30:00Z"))
        // Sunday 10:00: the reminder, once.
        #expect(look("2026-08-16T06:30:00Z")?.events.map(\.kind) == [.deadlineReminded])
        #expect(r.remindedAt != nil && r.deadlineCheckAt == r.dueAt)
        #expect(look("2026-08-16T08:00:00Z")?.events.isEmpty == true)
        // Monday 10:00: due; level 1.
        let level1 = look("2026-08-17T06:30:00Z")
        #expect(level1?.events.map(\.kind) == [.escalated])
        #expect(level1?.events.first?.text == CaseRules.escalationText(1))
        #expect(r.escalationLevel == 1 && r.deadlineCheckAt == Self.utc("2026-08-20T06:30:00Z"))
        #expect(level1?.actor == .system)
        // Wednesday: nothing new; Thursday 10:00: level 2, and the clock stops watching.
        #expect(look("2026-08-19T06:30:00Z")?.events.isEmpty == true)
        #expect(look("2026-08-20T06:30:00Z")?.events.map(\.text) == [CaseRules.escalationText(2)])
        #expect(r.escalationLevel == 2 && r.deadlineCheckAt == nil)
        #expect(look("2026-09-20T06:30:00Z")?.events.isEmpty == true)
        #expect(r.escalationLevel == 2)
    }

    @Test func aWatcherThatWasDownTakesTheMissedLevelsInOrderWithoutTheReminder() throws {
        let (c, r) = try Self.referred()
        let change = try #require(
            CaseRules.watchDeadline(c, referralID: r.id, referrals: [r], policy: .standard, calendar: .iran, now: Self.utc("2026-08-25T06:30:00Z")))
        #expect(change.events.map(\.text) == [CaseRules.escalationText(1), CaseRules.escalationText(2)])
        #expect(change.updatedReferrals.first?.remindedAt == nil)
    }

    @Test func anAnsweredReferralIsNotEscalated() throws {
        var (c, r) = try Self.referred()
        r.status = .answered
        r.answeredAt = Self.utc("2026-08-18T06:30:00Z")
        let change = CaseRules.watchDeadline(c, referralID: r.id, referrals: [r], policy: .standard, calendar: .iran, now: Self.utc("2026-08-25T06:30:00Z"))
        #expect(change?.events.isEmpty == true)
        #expect(change?.updatedReferrals.first?.watchAt == nil)
        c.status = .answered
        // The clock says it was answered one business day late.
        let clock = HopClock(r, now: Self.utc("2026-08-25T06:30:00Z"), calendar: .iran)
        #expect(clock.state == .done && clock.onTime == false && clock.businessDays == 1)
        #expect(clock.labelFa == "پاسخ با ۱ روز کاری تأخیر")
    }

    @Test func theClockSpeaksPersian() throws {
        let (_, r) = try Self.referred()
        func label(_ at: String) -> (HopClock.State, String) {
            let clock = HopClock(r, now: Self.utc(at), calendar: .iran)
            return (clock.state, clock.labelFa)
        }
        // Tuesday 1405/05/20: Sat 05/24, Sun 05/25, Mon 05/26 left (the holidays and Friday do not count).
        #expect(label("2026-08-11T06:30:00Z") == (.onTime, "۳ روز کاری مانده"))
        #expect(label("2026-08-16T06:30:00Z") == (.dueSoon, "۱ روز کاری مانده"))
        #expect(label("2026-08-17T05:00:00Z") == (.dueSoon, "امروز آخرین مهلت است"))
        #expect(label("2026-08-17T09:00:00Z") == (.overdue, "مهلت امروز گذشت"))
        // Thursday 1405/05/29: Tue, Wed, Thu late.
        #expect(label("2026-08-20T09:00:00Z") == (.overdue, "۳ روز کاری تأخیر"))
    }

    @Test func escalationDaysAreChecked() {
        #expect(throws: DomainError.self) { try EscalationPolicy(reminderDaysBefore: -1, level1DaysLate: 0, level2DaysLate: 3) }
        #expect(throws: DomainError.self) { try EscalationPolicy(reminderDaysBefore: 1, level1DaysLate: 3, level2DaysLate: 3) }
        #expect((try? EscalationPolicy(reminderDaysBefore: 2, level1DaysLate: 1, level2DaysLate: 5)) != nil)
    }
}

/// `HopClock.dueSoonUntil`, the bound the inbox filters and counts by in SQL, agrees with the state
/// `HopClock` gives each hop: due soon exactly when now ≤ due < the bound.
@Suite struct DueSoonBoundTests {
    @Test func theBoundAgreesWithEachHopsClock() throws {
        let calendar = BusinessCalendar(holidays: [try JalaliDate(year: 1403, month: 1, day: 1), try JalaliDate(year: 1403, month: 1, day: 2)])
        var rng = SystemRandomNumberGenerator()
        let start = try JalaliDate(year: 1402, month: 12, day: 20).startOfDay()
        for _ in 0..<2_000 {
            let now = start.addingTimeInterval(Double.random(in: 0..<(20 * 86_400), using: &rng))
            let due = now.addingTimeInterval(Double.random(in: -3 * 86_400..<(8 * 86_400), using: &rng))
            let referral = Referral(
                id: 1, caseID: 1, agencyID: 1, agencyName: "x", status: .accepted, note: nil, answer: nil, returnReason: nil,
                dueAt: due, escalationLevel: 0, createdAt: now, answeredAt: nil)
            let state = HopClock(referral, now: now, calendar: calendar).state
            let bound = HopClock.dueSoonUntil(now: now, calendar: calendar)
            #expect((state == .dueSoon) == (now <= due && due < bound), "now \(now), due \(due), bound \(bound)")
            #expect((state == .overdue) == (due < now))
        }
    }
}
