import Domain
import Foundation
import Testing

/// The citizen reads each answer once: the standing answer in its own place, earlier rounds' answers
/// on their steps.
@Suite struct CitizenTimelineTests {
    static func texts(_ life: CaseLife) -> [String] {
        CaseRules.citizenTimeline(life.events, answerShown: CaseRules.citizenAnswer(life.c) != nil).compactMap(\.text)
    }

    @Test func anAgencysAnswerIsReadOnceInItsOwnPlace() throws {
        var life = CaseLife()
        try life.refer([1])
        try life.referral(1, .answer("وام شما تصویب شد."))
        // check: the answer section has it; no step repeats it
        #expect(CaseRules.citizenAnswer(life.c)?.contains("وام شما تصویب شد.") == true)
        #expect(Self.texts(life).filter { $0.contains("وام شما تصویب شد.") }.isEmpty)
    }

    @Test func aRejectedAnswerStaysInTheHistoryOnceAndTheNewOneInItsPlace() throws {
        var life = CaseLife()
        try life.refer([1, 2])
        try life.referral(1, .answer("پاسخ بانک"))
        try life.referral(2, .answer("پاسخ کمیته"))
        try life.rate(1)
        // while examined again there is no standing answer: each agency's answer once, on its step
        #expect(CaseRules.citizenAnswer(life.c) == nil)
        #expect(Self.texts(life).filter { $0.contains("پاسخ بانک") } == ["پاسخ بانک"])
        #expect(Self.texts(life).filter { $0.contains("پاسخ کمیته") } == ["پاسخ کمیته"])
        // screening answers directly: the new answer in its place, the old ones once in the history
        try life.answer("پاسخ تازه پایش")
        #expect(CaseRules.citizenAnswer(life.c) == "پاسخ تازه پایش")
        let texts = Self.texts(life)
        #expect(!texts.contains("پاسخ تازه پایش"))
        #expect(texts.filter { $0.contains("پاسخ بانک") }.count == 1 && texts.filter { $0.contains("پاسخ کمیته") }.count == 1)
    }

    @Test func anEarlierDirectAnswerIsKeptOnItsStep() throws {
        var life = CaseLife()
        try life.answer("پاسخ نخست پایش")
        try life.rate(2)
        #expect(Self.texts(life) == ["پاسخ نخست پایش"])
        // internal steps never show
        #expect(CaseRules.citizenTimeline(life.events, answerShown: false).allSatisfy { $0.event.kind.visibleToCitizen })
    }
}
