import Domain
import Foundation
import Testing

/// Returns as pure rules: the second return sends the case to the supervisor once, with both reasons.
@Suite(.timeLimit(.minutes(10))) struct ReturnRulesTests {
    @Test func theSecondReturnGoesToTheSupervisorWithBothReasonsOnce() throws {
        var life = CaseLife()
        try life.refer([1])
        try life.referral(1, .return(reason: "مربوط به بانک نیست"))
        #expect(life.c.returns == 1 && life.c.status == .registered && !CaseRules.needsSupervisor(life.c))
        #expect(!life.events.contains { $0.kind == .sentToSupervisor })
        try life.refer([2])
        try life.referral(2, .return(reason: "در حوزه کمیته نیست"))
        #expect(life.c.returns == 2 && CaseRules.needsSupervisor(life.c))
        let note = try #require(life.events.last { $0.kind == .sentToSupervisor })
        #expect(note.text == "«بانک»: مربوط به بانک نیست\n«کمیته امداد»: در حوزه کمیته نیست")
        #expect(!CaseEventKind.sentToSupervisor.visibleToCitizen)
        // a third return counts, and the case stays the supervisor's, without a second note
        try life.refer([1])
        #expect(!CaseRules.needsSupervisor(life.c), "referred again: at an agency, not waiting")
        try life.referral(3, .return(reason: "باز هم نه"))
        #expect(life.c.returns == 3 && CaseRules.needsSupervisor(life.c))
        #expect(life.events.filter { $0.kind == .sentToSupervisor }.count == 1)
        // answers and withdrawals are no returns
        try life.refer([2])
        try life.referral(4, .withdraw(reason: "اشتباه"))
        #expect(life.c.returns == 3)
        #expect(life.problems.isEmpty)
    }
}
