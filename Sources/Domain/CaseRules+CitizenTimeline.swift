import Foundation

/// The history as the citizen reads it (the tracking page, "my letters", the tracking API).
extension CaseRules {
    /// One step the citizen sees, with the text they may read on it.
    public struct CitizenStep: Sendable, Hashable {
        public let event: CaseEvent
        public let text: String?
    }

    /// The answer the citizen reads: the case's answer once it is answered or closed, not while it is
    /// being examined again.
    public static func citizenAnswer(_ c: Case) -> String? {
        c.status == .answered || c.status == .closed ? c.answer : nil
    }

    /// The steps the citizen sees, each answer once. The answer standing now (`answerShown`: the page
    /// shows it in its own place) carries no text in the steps of the round that gave it; in an earlier
    /// round each agency's answer is read on its own step, so the case's `answered` step repeats it
    /// only when screening answered directly. Internal steps and texts stay out, as
    /// `CaseEventKind.visibleToCitizen` and `textVisibleToCitizen` say.
    public static func citizenTimeline(_ events: [CaseEvent], answerShown: Bool) -> [CitizenStep] {
        let currentRound = events.lastIndex { $0.kind == .reopened }.map { $0 + 1 } ?? 0
        var agencyAnsweredInRound = false
        var steps: [CitizenStep] = []
        for (index, e) in events.enumerated() {
            if e.kind == .reopened { agencyAnsweredInRound = false }
            if e.kind == .referralAnswered { agencyAnsweredInRound = true }
            guard e.kind.visibleToCitizen else { continue }
            var text = e.kind.textVisibleToCitizen ? e.text : nil
            let isAnswer = e.kind == .answered || e.kind == .referralAnswered
            if isAnswer, answerShown, index >= currentRound { text = nil }
            if e.kind == .answered, agencyAnsweredInRound { text = nil }
            steps.append(CitizenStep(event: e, text: text))
        }
        return steps
    }
}
