import Foundation
import PersianKit

/// What the inspection office decides on a citizen's appeal (a rating of 1–2 or an explicit objection).
public enum AppealOutcome: String, Sendable, Hashable, CaseIterable {
    /// The objection does not hold: the answer the citizen rejected stands, and the case closes.
    case answerStands
    /// The objection holds: the case is examined again (referred again or answered anew).
    case reexamine

    public var nameFa: String {
        switch self {
        case .answerStands: "اعتراض وارد نیست؛ پاسخ پیشین به قوت خود باقی است"
        case .reexamine: "اعتراض وارد است؛ نامه دوباره بررسی می‌شود"
        }
    }
}

/// The citizen's explicit objection to an answer, and the inspection office's decision on an appeal.
/// Reopened cases (after a rating of 1–2 or an objection) wait in the screening queue's appeals view
/// with every earlier answer in their history; an inspector records a decision once per appeal.
extension CaseRules {
    /// The citizen objects to the answer, with the case's own mobile (any other is the same 404 as a
    /// wrong code): an appeal, like a rating of 1–2. One verdict per answer: not after a rating or an
    /// earlier objection to the same answer, and never before an answer. An SMS with `link` confirms
    /// the case was reopened.
    public static func object(
        _ c: Case, owner: MobileNumber, mobile: MobileNumber, events: [CaseEvent], text rawText: String, link: String
    ) throws -> CaseChange {
        guard owner == mobile else { throw DomainError.caseNotFound }
        let text = try TextInput.required(rawText, field: "text", fa: "متن اعتراض", max: TextInput.maxNote)
        guard events.contains(where: { $0.kind == .answered }) else {
            throw DomainError(
                .conflict, "objection_before_answer", fa: "به این نامه هنوز پاسخی داده نشده است که بتوان به آن اعتراض کرد.",
                en: "The case has not been answered yet; there is nothing to object to.", field: "text")
        }
        guard c.status == .answered || c.status == .closed else { throw DomainError.transition("اعتراض به پاسخ", from: c.status) }
        guard !latestAnswerJudged(events) else {
            throw DomainError(
                .conflict, "already_judged", fa: "درباره این پاسخ پیش‌تر نظر داده‌اید؛ پس از پاسخ تازه می‌توانید دوباره نظر دهید.",
                en: "This answer has already been rated or objected to.", field: "text")
        }
        var change = CaseChange(c, actor: .citizen(citizenID: c.citizenID))
        change.case.status = .reopened
        change.events = [.init(.objected, text: text), .init(.reopened)]
        change.messages = [.init(kind: .reopened, text: SMSText.reopened(c.trackingCode, link: link))]
        return change
    }

    /// An inspector decides the appeal of a reopened case, once per appeal: the answer stands (the
    /// case closes) or the case is examined again (it stays reopened for screening). The citizen reads
    /// the decision and its reasons, and is told by SMS.
    public static func decideAppeal(
        _ c: Case, outcome: AppealOutcome, reasons rawReasons: String, events: [CaseEvent], actor: Actor, link: String
    ) throws -> CaseChange {
        let reasons = try TextInput.required(rawReasons, field: "reasons", fa: "دلیل تصمیم", max: TextInput.maxNote)
        guard c.status == .reopened else { throw DomainError.transition("تصمیم درباره اعتراض", from: c.status) }
        guard !appealDecided(events) else {
            throw DomainError(
                .conflict, "appeal_already_decided", fa: "درباره این اعتراض پیش‌تر تصمیم گرفته شده است.",
                en: "This appeal has already been decided.", field: "outcome")
        }
        var change = CaseChange(c, actor: actor)
        change.events = [.init(.appealDecided, text: "\(outcome.nameFa).\n\(reasons)")]
        if outcome == .answerStands { change.case.status = .closed }
        change.messages = [.init(kind: .appealDecided, text: SMSText.appealDecided(c.trackingCode, outcome, link: link))]
        return change
    }

    /// Whether the appeal now open (since the case was last reopened) has a decision.
    public static func appealDecided(_ events: [CaseEvent]) -> Bool {
        guard events.contains(where: { $0.kind == .reopened }) else { return false }
        return currentRound(events).contains { $0.kind == .appealDecided }
    }

    /// Whether an inspector may decide now: the same rule the decision checks, for pages to offer the form.
    public static func mayDecideAppeal(_ c: Case, events: [CaseEvent]) -> Bool {
        c.status == .reopened && !appealDecided(events)
    }

    /// Whether the citizen may object now: the rule the objection checks, for pages to offer the form.
    public static func mayObject(_ c: Case, events: [CaseEvent]) -> Bool {
        (c.status == .answered || c.status == .closed) && events.contains { $0.kind == .answered } && !latestAnswerJudged(events)
    }
}
