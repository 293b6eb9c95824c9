import Foundation
import PersianKit

/// The case state machine. Every write checks its transition here before touching storage.
public enum CaseRules {
    /// Screening answers a case itself.
    public static func checkAnswerDirectly(_ c: Case) throws(DomainError) {
        guard c.status == .registered || c.status == .reopened else {
            throw .transition("پاسخ مستقیم", from: c.status)
        }
    }

    /// Screening refers a case to agencies (more agencies may be added while it is referred).
    public static func checkRefer(_ c: Case) throws(DomainError) {
        guard c.status == .registered || c.status == .reopened || c.status == .referred else {
            throw .transition("ارجاع", from: c.status)
        }
    }

    /// A case is merged into an earlier open case of the same citizen: the target must still be
    /// worked on, or the merged letter's referrals would be cancelled with nobody left to answer it.
    /// Whether a case of the same citizen, seen as a list row, may take `source` in a merge: what
    /// `checkMerge` asks of the target (open, not `source` itself, registered no later).
    public static func mayMerge(_ source: Case, intoStatus status: CaseStatus, createdAt: Date, code: TrackingCode) -> Bool {
        source.status.isOpen && status.isOpen && code != source.trackingCode && createdAt <= source.createdAt
    }

    public static func checkMerge(_ source: Case, into target: Case) throws(DomainError) {
        guard source.status.isOpen else { throw .transition("ادغام", from: source.status) }
        guard source.id != target.id else {
            throw DomainError(
                .unprocessable, "merge_into_self", fa: "نامه را نمی‌توان در خودش ادغام کرد.",
                en: "A case cannot be merged into itself.", field: "targetTrackingCode")
        }
        guard source.citizenID == target.citizenID else {
            throw DomainError(
                .unprocessable, "merge_different_citizen", fa: "فقط نامه‌های یک شهروند را می‌توان ادغام کرد.",
                en: "Only cases of the same citizen can be merged.", field: "targetTrackingCode")
        }
        guard target.status.isOpen else {
            throw DomainError(
                .conflict, "merge_target_not_open",
                fa: "نامه مقصد («\(target.status.nameFa)») باز نیست؛ فقط در نامه‌ای که هنوز در جریان رسیدگی است می‌توان ادغام کرد.",
                en: "The target case is \(target.status.rawValue); a case can only be merged into an open case.",
                field: "targetTrackingCode")
        }
        guard target.createdAt <= source.createdAt else {
            throw DomainError(
                .invalid, "merge_target_later", fa: "نامه فقط در نامه قدیمی‌تر ادغام می‌شود.",
                en: "A case can only be merged into an earlier case.", field: "targetTrackingCode")
        }
    }

    /// Closing needs an answer first: no letter may stay unanswered.
    public static func checkClose(_ c: Case) throws(DomainError) {
        guard c.status == .answered else { throw .transition("مختومه کردن", from: c.status) }
    }

    /// The citizen rates the answer: once per answer (`events` is the case's history, oldest first);
    /// after a new answer they may rate again.
    public static func checkRate(_ c: Case, events: [CaseEvent], rating: Int) throws(DomainError) {
        guard (1...5).contains(rating) else {
            throw DomainError(
                .invalid, "rating_out_of_range", fa: "امتیاز باید عددی از ۱ تا ۵ باشد.",
                en: "Rating must be between 1 and 5.", field: "rating")
        }
        guard c.status == .answered || c.status == .closed else { throw .transition("امتیاز دادن", from: c.status) }
        guard !latestAnswerJudged(events) else {
            throw DomainError(
                .conflict, "already_rated", fa: "به این پاسخ پیش‌تر امتیاز داده‌اید؛ پس از پاسخ تازه می‌توانید دوباره امتیاز دهید.",
                en: "This answer has already been rated; a new answer can be rated again.", field: "rating")
        }
    }

    /// Whether the citizen may rate now: the same rule the rating itself checks, for pages to offer the form.
    public static func mayRate(_ c: Case, events: [CaseEvent]) -> Bool {
        (try? checkRate(c, events: events, rating: 5)) != nil
    }

    /// Whether the citizen gave their verdict on the latest answer in the history: a rating or an objection.
    static func latestAnswerJudged(_ events: [CaseEvent]) -> Bool {
        let start = events.lastIndex { $0.kind == .answered } ?? events.startIndex
        return events[start...].contains { $0.kind == .rated || $0.kind == .objected }
    }

    /// What a rating does: 1–2 sends the case back to screening; 3–5 closes it.
    public static func statusAfterRating(_ rating: Int) -> CaseStatus { rating <= 2 ? .reopened : .closed }

    public static func checkAccept(_ r: Referral) throws(DomainError) {
        guard r.status == .pending else { throw .referralTransition("پذیرش", from: r.status) }
    }

    public static func checkAnswer(_ r: Referral) throws(DomainError) {
        guard r.status.isOpen else { throw .referralTransition("پاسخ", from: r.status) }
    }

    public static func checkReturn(_ r: Referral) throws(DomainError) {
        guard r.status.isOpen else { throw .referralTransition("بازگرداندن", from: r.status) }
    }

    /// Screening takes an open referral back (wrong agency, agency closing); the case then follows
    /// its other referrals, or returns to the screening queue when none is left open.
    public static func checkWithdraw(_ r: Referral) throws(DomainError) {
        guard r.status.isOpen else { throw .referralTransition("پس گرفتن ارجاع", from: r.status) }
    }

    /// A referred case's status follows its referrals: still referred while any is open; once all are
    /// done, answered if an agency answered in this round, otherwise back to the screening queue.
    /// A round starts when the citizen reopens the case (`events` is its history, oldest first):
    /// answers the citizen already rejected never answer the appeal.
    public static func statusAfterReferralChange(_ referrals: [Referral], events: [CaseEvent]) -> CaseStatus {
        if referrals.contains(where: { $0.status.isOpen }) { return .referred }
        if currentRound(events).contains(where: { $0.kind == .referralAnswered }) { return .answered }
        return events.contains { $0.kind == .reopened } ? .reopened : .registered
    }

    /// The answer the citizen reads when agencies answered: this round's answers, agency by agency.
    public static func combinedAnswer(_ events: [CaseEvent]) -> String {
        currentRound(events).filter { $0.kind == .referralAnswered }
            .map { "\($0.agencyName ?? ""): \($0.text ?? "")" }
            .joined(separator: "\n\n")
    }

    /// The history since the citizen last reopened the case; all of it when they never did.
    static func currentRound(_ events: [CaseEvent]) -> ArraySlice<CaseEvent> {
        guard let reopened = events.lastIndex(where: { $0.kind == .reopened }) else { return events[...] }
        return events[events.index(after: reopened)...]
    }
}
