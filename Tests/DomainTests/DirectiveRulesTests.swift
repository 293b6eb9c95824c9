import Domain
import Foundation
import PersianKit
import Testing

/// Directives (دستور) worked out by hand on the 1405 holiday table (Wednesday 1405/05/21 and
/// Thursday 1405/05/22 are holidays, Fridays the weekend), issued on Thursday 1405/05/15 at 10:00
/// in Tehran, as `DeadlineRulesTests` walks a referral.
@Suite(.timeLimit(.minutes(10))) struct DirectiveRulesTests {
    static let at = DeadlineRulesTests.referredAt
    static let governor = Staff(id: 7, username: "gov", displayName: "استاندار", role: .official, provinceCode: "01", agencyID: nil, active: true)
    static let relief = AgencyRef(id: 1, name: "کمیته امداد", active: true)

    static func open(_ status: CaseStatus = .registered) -> Case {
        Case(
            id: 1, trackingCode: TrackingCode.generate(), citizenID: 1, channel: .meeting, kind: .request,
            categoryCode: "livingAssistance", subject: "s", body: "b", provinceCode: "01", countyCode: nil, status: status,
            priority: .normal, confidential: false, answer: nil, mergedIntoID: nil, rating: nil, createdAt: at, updatedAt: at,
            version: 1)
    }

    static func issue(
        _ c: Case = open(), to agency: AgencyRef? = relief, text: String = "تا پایان هفته گزارش دهید", due: DirectiveDue,
        existing: [Referral] = []
    ) throws -> CaseChange {
        try CaseRules.issueDirective(
            c, to: agency, text: text, due: due, existing: existing, escalation: .standard, calendar: .iran, at: at, issuer: governor, link: "L")
    }

    static func code(_ body: () throws -> Void) -> String? {
        do { try body() } catch let e as DomainError { return e.code } catch { return "other" }
        return nil
    }

    @Test func aDirectiveInBusinessDaysIsDueLikeAReferralAndTellsTheCitizen() throws {
        let change = try Self.issue(due: .businessDays(7))
        let new = try #require(change.newReferrals.first)
        // Sat, Sun, Mon, Tue; Wed and Thu holidays, Fri weekend; Sat, Sun, Mon: Monday 1405/05/26 10:00.
        #expect(new.dueAt == DeadlineRulesTests.utc("2026-08-17T06:30:00Z"))
        #expect(new.deadlineCheckAt == DeadlineRulesTests.utc("2026-08-16T06:30:00Z"))
        #expect(new.directedBy == Self.governor.id && new.note == "تا پایان هفته گزارش دهید")
        #expect(change.case.status == .referred)
        #expect(change.events.map(\.kind) == [.directed])
        #expect(change.actor == .staff(Self.governor))
        #expect(change.messages.map(\.kind) == [.directed])
        #expect(change.messages.first?.text.contains("۲۶ مرداد ۱۴۰۵") == true)
        #expect(change.messages.first?.text.contains("کمیته امداد") == true)
    }

    @Test func aDirectiveByDateIsDueAtTheEndOfThatDayInTehran() throws {
        // Sunday 1405/05/25 ends at 23:59:59 Tehran (20:29:59 UTC).
        let change = try Self.issue(due: .day(try JalaliDate(parsing: "۱۴۰۵/۰۵/۲۵")))
        let dueAt = try #require(change.newReferrals.first?.dueAt)
        #expect(dueAt == DeadlineRulesTests.utc("2026-08-16T20:29:59Z"))
        // Its reminder is one business day before (Saturday, same time); level 2 three business days after (Wednesday 05/28).
        let m = EscalationPolicy.standard.moments(dueAt: dueAt, calendar: .iran)
        #expect(m.reminder == DeadlineRulesTests.utc("2026-08-15T20:29:59Z"))
        #expect(m.level2 == DeadlineRulesTests.utc("2026-08-19T20:29:59Z"))
        // Today itself is allowed: the end of Thursday 1405/05/15 is still ahead at 10:00.
        #expect(throws: Never.self) { try Self.issue(due: .day(try JalaliDate(parsing: "1405/05/15"))) }
    }

    @Test func theDirectiveWalksReminderLevelOneAndLevelTwoOnceEach() throws {
        let change = try Self.issue(due: .businessDays(7))
        let new = try #require(change.newReferrals.first)
        var c = change.case
        var r = Referral(
            id: 5, caseID: 1, agencyID: 1, agencyName: new.agencyName, status: .pending, note: new.note, answer: nil, returnReason: nil,
            dueAt: new.dueAt, escalationLevel: 0, createdAt: Self.at, answeredAt: nil, deadlineCheckAt: new.deadlineCheckAt,
            directedBy: DirectiveIssuer(id: 7, name: "استاندار", role: .official))
        var kinds: [CaseEventKind] = []
        // Every hour from Saturday to the Saturday after the level-2 Thursday.
        var now = DeadlineRulesTests.utc("2026-08-08T06:30:00Z")
        while now < DeadlineRulesTests.utc("2026-08-22T06:30:00Z") {
            if let check = r.deadlineCheckAt, now >= check,
                let step = CaseRules.watchDeadline(c, referralID: r.id, referrals: [r], policy: .standard, calendar: .iran, now: now)
            {
                r = try #require(step.updatedReferrals.first)
                c = step.case
                kinds += step.events.map(\.kind)
                if step.events.contains(where: { $0.kind == .escalated }) && r.escalationLevel == 2 {
                    #expect(now == DeadlineRulesTests.utc("2026-08-20T06:30:00Z"))
                }
            }
            now += 3600
        }
        #expect(kinds == [.deadlineReminded, .escalated, .escalated])
        #expect(r.escalationLevel == 2 && r.deadlineCheckAt == nil && r.isDirective)
    }

    @Test func badInputIsRefusedWithAStableCode() throws {
        #expect(Self.code { _ = try Self.issue(due: .businessDays(0)) } == "directive_days_out_of_range")
        #expect(Self.code { _ = try Self.issue(due: .businessDays(-3)) } == "directive_days_out_of_range")
        #expect(Self.code { _ = try Self.issue(due: .businessDays(61)) } == "directive_days_out_of_range")
        #expect(Self.code { _ = try Self.issue(due: .day(try JalaliDate(parsing: "1405/05/14"))) } == "directive_due_in_past")
        // Friday 1405/05/16 and the holiday 1405/05/21.
        #expect(Self.code { _ = try Self.issue(due: .day(try JalaliDate(parsing: "1405/05/16"))) } == "directive_due_day_off")
        #expect(Self.code { _ = try Self.issue(due: .day(try JalaliDate(parsing: "1405/05/21"))) } == "directive_due_day_off")
        #expect(Self.code { _ = try Self.issue(due: .day(try JalaliDate(parsing: "1406/01/15"))) } == "directive_days_out_of_range")
        #expect(Self.code { _ = try Self.issue(text: "  ", due: .businessDays(5)) } == "text_required")
        #expect(Self.code { _ = try Self.issue(to: nil, due: .businessDays(5)) } == "unknown_agency")
        #expect(
            Self.code { _ = try Self.issue(to: AgencyRef(id: 1, name: "کمیته امداد", active: false), due: .businessDays(5)) } == "agency_inactive")
        #expect(Self.code { _ = try Self.issue(Self.open(.closed), due: .businessDays(5)) } == "invalid_transition")
        #expect(Self.code { _ = try Self.issue(Self.open(.merged), due: .businessDays(5)) } == "invalid_transition")
        // An answered case is not: a directive withdrawn or returned would answer it a second time.
        #expect(Self.code { _ = try Self.issue(Self.open(.answered), due: .businessDays(5)) } == "invalid_transition")
        #expect(try Self.issue(Self.open(.reopened), due: .businessDays(5)).case.status == .referred)
    }

    @Test func oneOpenDirectivePerAgencyButAReferralMayStandBesideIt() throws {
        let issuer = DirectiveIssuer(id: 7, name: "استاندار", role: .official)
        func hop(_ status: ReferralStatus, directive: Bool) -> Referral {
            Referral(
                id: 3, caseID: 1, agencyID: 1, agencyName: "کمیته امداد", status: status, note: nil, answer: nil, returnReason: nil,
                dueAt: Self.at, escalationLevel: 0, createdAt: Self.at, answeredAt: nil, directedBy: directive ? issuer : nil)
        }
        #expect(
            Self.code { _ = try Self.issue(Self.open(.referred), due: .businessDays(5), existing: [hop(.accepted, directive: true)]) }
                == "directive_already_open")
        #expect(throws: Never.self) { try Self.issue(Self.open(.referred), due: .businessDays(5), existing: [hop(.pending, directive: false)]) }
        #expect(throws: Never.self) { try Self.issue(Self.open(.referred), due: .businessDays(5), existing: [hop(.answered, directive: true)]) }
    }

    @Test func theDeadlineAsTypedOnTheForm() throws {
        #expect(try DirectiveDue(typedDays: "۵", dueDate: "") == .businessDays(5))
        #expect(try DirectiveDue(typedDays: "10", dueDate: nil) == .businessDays(10))
        // A date given on the form wins over the pre-filled days.
        #expect(try DirectiveDue(typedDays: "۱۰", dueDate: "۱۴۰۵/۰۵/۲۵") == .day(try JalaliDate(parsing: "1405/05/25")))
        #expect(Self.code { _ = try DirectiveDue(typedDays: "پنج", dueDate: nil) } == "directive_days_out_of_range")
        #expect(Self.code { _ = try DirectiveDue(typedDays: "", dueDate: " ") } == "directive_due_required")
        #expect(Self.code { _ = try DirectiveDue(typedDays: nil, dueDate: "1405/13/01") } == "invalid_date")
        // The API asks for exactly one.
        #expect(Self.code { _ = try DirectiveDue(businessDays: 5, dueDate: "1405/05/25") } == "directive_due_required")
        #expect(Self.code { _ = try DirectiveDue(businessDays: nil, dueDate: nil) } == "directive_due_required")
    }

    @Test func onlyItsIssuerOrAnAdminWithdrawsADirective() throws {
        let directive = Referral(
            id: 3, caseID: 1, agencyID: 1, agencyName: "کمیته امداد", status: .pending, note: "x", answer: nil, returnReason: nil,
            dueAt: Self.at, escalationLevel: 0, createdAt: Self.at, answeredAt: nil,
            directedBy: DirectiveIssuer(id: 7, name: "استاندار", role: .official))
        let supervisor = Staff(id: 8, username: "sup", displayName: "پایش", role: .supervisor, provinceCode: "01", agencyID: nil, active: true)
        let admin = Staff(id: 1, username: "admin", displayName: "مدیر", role: .admin, provinceCode: nil, agencyID: nil, active: true)
        #expect(Self.code { try CaseRules.checkWithdraw(directive, by: supervisor) } == "directive_not_yours")
        #expect(Self.code { try CaseRules.checkWithdraw(directive, by: Self.governor) } == nil)
        #expect(Self.code { try CaseRules.checkWithdraw(directive, by: admin) } == nil)
        var plain = directive
        plain.directedBy = nil
        #expect(Self.code { try CaseRules.checkWithdraw(plain, by: supervisor) } == nil)
    }

    @Test func theTallyPerOfficialReadsEachClock() {
        let a = DirectiveIssuer(id: 7, name: "استاندار", role: .official)
        let b = DirectiveIssuer(id: 8, name: "بازرس", role: .inspector)
        let now = DeadlineRulesTests.utc("2026-08-20T06:30:00Z")
        let due = DeadlineRulesTests.utc("2026-08-17T06:30:00Z")
        func r(_ status: ReferralStatus, _ issuer: DirectiveIssuer, answeredAt: Date? = nil, dueAt: Date = due) -> Referral {
            Referral(
                id: 1, caseID: 1, agencyID: 1, agencyName: "x", status: status, note: nil, answer: nil, returnReason: nil, dueAt: dueAt,
                escalationLevel: 0, createdAt: Self.at, answeredAt: answeredAt, directedBy: issuer)
        }
        let tallies = DirectiveTally.tallies(
            [
                r(.pending, a), r(.accepted, a, dueAt: DeadlineRulesTests.utc("2026-08-25T06:30:00Z")),
                r(.answered, a, answeredAt: DeadlineRulesTests.utc("2026-08-16T06:30:00Z")),
                r(.answered, a, answeredAt: DeadlineRulesTests.utc("2026-08-18T06:30:00Z")), r(.returned, a), r(.cancelled, b),
            ], now: now, calendar: .iran)
        #expect(tallies.map(\.issuer) == [a, b])
        let first = tallies[0]
        let counts: [Int] = [first.total, first.open, first.overdue, first.answeredOnTime, first.answeredLate, first.returned, first.withdrawn]
        #expect(counts == [5, 2, 1, 1, 1, 1, 0])
        #expect(tallies[1].total == 1 && tallies[1].withdrawn == 1)
    }
}
