import Domain
import Foundation
import PersianKit
import Testing

/// The objection and the appeal decision as pure rules: one verdict per answer, one decision per appeal.
@Suite(.timeLimit(.minutes(10))) struct AppealRulesTests {
    static let owner = try! MobileNumber(parsing: "09121234567")
    static let inspector = Actor.staff(Staff(id: 3, username: "i", displayName: "بازرس", role: .inspector, provinceCode: nil, agencyID: nil, active: true))

    static func answered() throws -> CaseLife {
        var life = CaseLife()
        try life.answer("پاسخ نخست")
        return life
    }

    static func code(_ body: () throws -> Void) -> String? {
        do { try body() } catch let e as DomainError { return e.code } catch { return "other" }
        return nil
    }

    @Test func anObjectionReopensTheAnswerOnceAndBlocksARating() throws {
        var life = try Self.answered()
        #expect(CaseRules.mayObject(life.c, events: life.events) && CaseRules.mayRate(life.c, events: life.events))
        let change = try CaseRules.object(life.c, owner: Self.owner, mobile: Self.owner, events: life.events, text: "قبول ندارم", link: "L")
        #expect(change.case.status == .reopened)
        #expect(change.events.map(\.kind) == [.objected, .reopened])
        #expect(change.actor == .citizen(citizenID: life.c.citizenID))
        // the citizen is told by SMS that the letter was reopened, with its tracking link
        #expect(change.messages.map(\.kind) == [.reopened] && change.messages[0].text.hasSuffix(" L"))
        life.apply(change)
        #expect(!CaseRules.mayObject(life.c, events: life.events) && !CaseRules.mayRate(life.c, events: life.events))
        #expect(CaseRules.mayDecideAppeal(life.c, events: life.events))
    }

    @Test func refusals() throws {
        let fresh = CaseLife()
        #expect(Self.code { _ = try CaseRules.object(fresh.c, owner: Self.owner, mobile: Self.owner, events: fresh.events, text: "x", link: "L") } == "objection_before_answer")
        let life = try Self.answered()
        let stranger = try MobileNumber(parsing: "09351112233")
        #expect(Self.code { _ = try CaseRules.object(life.c, owner: Self.owner, mobile: stranger, events: life.events, text: "x", link: "L") } == "case_not_found")
        #expect(Self.code { _ = try CaseRules.object(life.c, owner: Self.owner, mobile: Self.owner, events: life.events, text: "\u{200c}", link: "L") } == "text_required")
        // rated 4: closed, and the answer has its verdict
        var rated = life
        rated.apply(try CaseRules.rate(rated.c, owner: Self.owner, mobile: Self.owner, events: rated.events, rating: 4, comment: nil, link: "L"))
        #expect(rated.c.status == .closed)
        #expect(Self.code { _ = try CaseRules.object(rated.c, owner: Self.owner, mobile: Self.owner, events: rated.events, text: "x", link: "L") } == "already_judged")
        // a decision needs a reopened case
        #expect(Self.code { _ = try CaseRules.decideAppeal(life.c, outcome: .answerStands, reasons: "x", events: life.events, actor: Self.inspector, link: "L") } == "invalid_transition")
    }

    @Test func theDecisionIsTakenOncePerAppealAndANewAnswerMayBeJudgedAgain() throws {
        var life = try Self.answered()
        life.apply(try CaseRules.object(life.c, owner: Self.owner, mobile: Self.owner, events: life.events, text: "قبول ندارم", link: "L"))
        #expect(Self.code { _ = try CaseRules.decideAppeal(life.c, outcome: .reexamine, reasons: " ", events: life.events, actor: Self.inspector, link: "L") } == "reasons_required")
        let reexamine = try CaseRules.decideAppeal(life.c, outcome: .reexamine, reasons: "بررسی دوباره", events: life.events, actor: Self.inspector, link: "L")
        #expect(reexamine.case.status == .reopened && reexamine.messages.map(\.kind) == [.appealDecided])
        #expect(reexamine.events.first?.text == "\(AppealOutcome.reexamine.nameFa).\nبررسی دوباره")
        life.apply(reexamine)
        #expect(!CaseRules.mayDecideAppeal(life.c, events: life.events))
        #expect(Self.code { _ = try CaseRules.decideAppeal(life.c, outcome: .answerStands, reasons: "x", events: life.events, actor: Self.inspector, link: "L") } == "appeal_already_decided")
        // a new answer, a second objection: a new appeal to decide; the answer stands and the case closes for good
        try life.answer("پاسخ دوم")
        #expect(CaseRules.mayObject(life.c, events: life.events))
        life.apply(try CaseRules.object(life.c, owner: Self.owner, mobile: Self.owner, events: life.events, text: "باز هم نه", link: "L"))
        #expect(CaseRules.mayDecideAppeal(life.c, events: life.events))
        let stands = try CaseRules.decideAppeal(life.c, outcome: .answerStands, reasons: "پاسخ درست است", events: life.events, actor: Self.inspector, link: "L")
        #expect(stands.case.status == .closed)
        life.apply(stands)
        #expect(!CaseRules.mayObject(life.c, events: life.events) && !CaseRules.mayRate(life.c, events: life.events))
    }
}
