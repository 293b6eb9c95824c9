import Domain
import Foundation
import PersianKit
import Testing

/// An answered case's wait for the citizen's verdict: the clock starts when the change that answers
/// it is saved, the case closes itself exactly `days` later (not a second sooner), says so by SMS,
/// and nothing but an unrated answered case ever closes this way.
@Suite(.timeLimit(.minutes(2))) struct AutoCloseRulesTests {
    static let answeredAt = Date(timeIntervalSince1970: 1_790_000_000)
    static let operatorActor = Actor.staff(
        Staff(id: 9, username: "s", displayName: "پایش", role: .supervisor, provinceCode: "01", agencyID: nil, active: true))

    static func registered() -> Case {
        Case(
            id: 1, trackingCode: TrackingCode.generate(), citizenID: 1, channel: .phone111, kind: .request,
            categoryCode: "livingAssistance", subject: "s", body: "b", provinceCode: "01", countyCode: nil, status: .registered,
            priority: .normal, confidential: false, answer: nil, mergedIntoID: nil, rating: nil, createdAt: answeredAt,
            updatedAt: answeredAt, version: 1)
    }

    /// The case as saved after screening answered it at `answeredAt`.
    static func answered() throws -> Case {
        let change = try CaseRules.answerDirectly(registered(), answer: "پاسخ", expectedVersion: nil, actor: operatorActor, link: "L")
        var c = change.case
        c.answeredAt = change.answeredAt(answeredAt)
        return c
    }

    @Test func theClockStartsWhenTheCaseIsAnsweredAndStopsWhenItIsNot() throws {
        let c = try Self.answered()
        #expect(c.answeredAt == Self.answeredAt)
        // staying answered keeps the first moment; leaving that status clears it
        var stays = CaseChange(c, actor: Self.operatorActor)
        stays.case.answer = "پاسخ دیگر"
        #expect(stays.answeredAt(Self.answeredAt.addingTimeInterval(3_600)) == Self.answeredAt)
        let rated = try CaseRules.rate(c, owner: try MobileNumber(parsing: "09121234567"), mobile: try MobileNumber(parsing: "09121234567"), events: [], rating: 2, comment: nil, link: "L")
        #expect(rated.case.status == .reopened && rated.answeredAt(Self.answeredAt) == nil)
        #expect(CaseChange(Self.registered(), actor: .system).answeredAt(Self.answeredAt) == nil)
    }

    @Test func anUnratedAnswerClosesItselfAfterTheDaysAndSaysSo() throws {
        let c = try Self.answered()
        let due = Self.answeredAt.addingTimeInterval(14 * 86_400)
        #expect(CaseRules.autoClose(c, events: [], days: 14, now: due.addingTimeInterval(-1), link: "L") == nil)
        #expect(CaseRules.autoCloseCutoff(now: due, days: 14) == Self.answeredAt, "a pass at `due` looks for this answer")
        let change = try #require(CaseRules.autoClose(c, events: [], days: 14, now: due, link: "https://x/track"))
        #expect(change.case.status == .closed)
        #expect(change.actor == .system)
        #expect(change.events.map(\.kind) == [.autoClosed])
        #expect(change.events.first?.text == "پاسخ تا ۱۴ روز از سوی شهروند ارزیابی نشد و نامه خودکار مختومه شد.")
        #expect(change.messages.map(\.kind) == [.autoClosed])
        let sms = try #require(change.messages.first?.text)
        #expect(sms.contains(PersianDigits.toPersian(c.trackingCode.value)) && sms.contains("۱۴ روز") && sms.hasSuffix("https://x/track"))
        #expect(change.answeredAt(due) == nil, "a closed case leaves the auto-close index")
    }

    @Test func onlyAnUnratedAnsweredCaseClosesThisWay() throws {
        let late = Self.answeredAt.addingTimeInterval(400 * 86_400)
        var c = try Self.answered()
        for status in CaseStatus.allCases where status != .answered {
            c.status = status
            #expect(CaseRules.autoClose(c, events: [], days: 14, now: late, link: "L") == nil, "\(status)")
        }
        // an answered case without a clock (none can be saved so) is left alone rather than guessed at
        c.status = .answered
        c.answeredAt = nil
        #expect(CaseRules.autoClose(c, events: [], days: 14, now: late, link: "L") == nil)
    }
}
