import Domain
import Foundation
import PersianKit
import PropertyBased
import Testing

/// The whole state machine through `CaseRules`' transitions, with no database: the lives a case
/// really has, and random sequences of every action checked against the invariant at each step.
@Suite(.timeLimit(.minutes(2))) struct CaseTransitionTests {
    @Test func referredToTwoAgenciesTheCaseIsAnsweredWhenTheLastOneFinishes() throws {
        var life = CaseLife()
        try life.refer([1, 2, 1])
        #expect(life.c.status == .referred)
        #expect(life.referrals.map(\.agencyID) == [1, 2], "each agency once, in the order chosen")
        #expect(life.sent.filter { $0.kind == .referred }.count == 2)
        try life.referral(1, .accept)
        try life.referral(1, .answer("پاسخ بانک"))
        #expect(life.c.status == .referred, "the other agency still holds it")
        try life.referral(2, .return(reason: "مربوط به ما نیست"))
        #expect(life.c.status == .answered)
        #expect(life.c.answer == "بانک: پاسخ بانک")
        #expect(life.sent.filter { $0.kind == .answered }.count == 1)
        #expect(life.problems.isEmpty)
    }

    @Test func anAppealIsNotAnsweredByTheAnswerTheCitizenRejected() throws {
        var life = CaseLife()
        try life.refer([1])
        try life.referral(1, .answer("پاسخ نخست"))
        try life.rate(1)
        #expect(life.c.status == .reopened)
        // Referred again, and the new agency returns it: back to screening, not "answered".
        try life.refer([2])
        try life.referral(2, .return(reason: "نه ما"))
        #expect(life.c.status == .reopened)
        #expect(life.sent.filter { $0.kind == .answered }.count == 1, "SMS 3 is not sent again for the rejected answer")
        try life.answer("پاسخ بازرسی")
        #expect(life.c.status == .answered)
        #expect(life.c.answer == "پاسخ بازرسی")
        try life.rate(5)
        #expect(life.c.status == .closed)
        #expect(throws: DomainError.self) { try life.rate(4) }
        #expect(life.problems.isEmpty)
    }

    @Test func withdrawingTheLastOpenReferralReturnsTheCaseToScreening() throws {
        var life = CaseLife()
        try life.refer([1])
        try life.referral(1, .withdraw(reason: "دستگاه نادرست"))
        #expect(life.c.status == .registered)
        #expect(life.events.last?.kind == .referralWithdrawn)
        #expect(throws: DomainError.self) { try life.referral(1, .answer("دیر")) }
        #expect(throws: DomainError.self) { try life.referral(1, .withdraw(reason: "دوباره")) }
    }

    @Test func mergingCancelsOpenReferralsAndTellsTheCitizen() throws {
        let target = CaseLife(id: 1).c
        var life = CaseLife(id: 2)
        try life.refer([1])
        life.apply(try CaseRules.merge(life.c, into: target, referrals: life.referrals, actor: life.actor, link: "L"))
        #expect(life.c.status == .merged)
        #expect(life.referrals.allSatisfy { $0.status == .cancelled })
        #expect(life.sent.last?.kind == .merged)
        #expect(life.sent.last?.text.contains(PersianDigits.toPersian(target.trackingCode.value)) == true)
        var closedTarget = target
        closedTarget.status = .closed
        #expect(throws: DomainError.self) { try CaseRules.merge(CaseLife(id: 3).c, into: closedTarget, referrals: [], actor: life.actor, link: "L") }
    }

    @Test func refusalsChangeNothing() throws {
        var life = CaseLife()
        #expect(throws: DomainError.self) { try life.refer([]) }
        #expect(throws: DomainError.self) { try life.refer(Array(1...11)) }
        #expect(throws: DomainError.self) { try life.refer([99]) }
        #expect(throws: DomainError.self) { try life.close() }
        #expect(throws: DomainError.self) { try life.answer("  ") }
        #expect(throws: DomainError.self) {
            try CaseRules.answerDirectly(life.c, answer: "پاسخ", expectedVersion: life.c.version - 1, actor: life.actor, link: "L")
        }
        let stranger = try MobileNumber(parsing: "09351112233")
        #expect(throws: DomainError.self) {
            try CaseRules.rate(life.c, owner: CaseLife.owner, mobile: stranger, events: life.events, rating: 5, comment: nil, link: "L")
        }
        #expect(life.c.status == .registered && life.c.version == 1 && life.events.count == 1)
    }

    /// Random sequences of every action (allowed or not) on one case: after each step the case has
    /// an owner, is never answered with an answer the citizen rejected, and each event that sends an
    /// SMS sent exactly one. A refused action must be a `DomainError` and change nothing.
    @Test func noSequenceOfActionsLeavesALetterUnanswered() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...99).array(of: 1...40)) { steps in
            var life = CaseLife()
            // Texts carry the step's index: a new answer is never word for word the rejected one.
            for (index, step) in steps.enumerated() {
                let before = life
                do {
                    switch step % 10 {
                    case 0: try life.answer("پاسخ \(index)")
                    case 1: try life.refer([1 + step % 2])
                    case 2: try life.refer([1, 2])
                    case 3: try life.referral(1 + step % max(life.referrals.count, 1), .accept)
                    case 4: try life.referral(1 + step % max(life.referrals.count, 1), .answer("پاسخ دستگاه \(index)"))
                    case 5: try life.referral(1 + step % max(life.referrals.count, 1), .return(reason: "نه ما"))
                    case 6: try life.referral(1 + step % max(life.referrals.count, 1), .withdraw(reason: "پس گرفته شد"))
                    case 7: try life.close()
                    case 8: try life.rate(1 + step % 5)
                    default: life.watch(days: step % 7)
                    }
                } catch is DomainError {
                    #expect(life.c == before.c && life.events == before.events, "a refused action changed the case")
                } catch {
                    Issue.record("not a DomainError: \(error)")
                }
                #expect(life.problems.isEmpty, "\(life.problems) after steps \(steps)")
            }
        }
    }
}
