import Foundation

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

    /// A case is merged into an earlier open or answered case of the same citizen.
    public static func checkMerge(_ source: Case, into target: Case) throws(DomainError) {
        guard source.status.isOpen else { throw .transition("ادغام", from: source.status) }
        guard source.id != target.id else {
            throw DomainError(
                .invalid, "merge_into_self", fa: "نامه را نمی‌توان در خودش ادغام کرد.",
                en: "A case cannot be merged into itself.", field: "targetTrackingCode")
        }
        guard source.citizenID == target.citizenID else {
            throw DomainError(
                .invalid, "merge_different_citizen", fa: "فقط نامه‌های یک شهروند را می‌توان ادغام کرد.",
                en: "Only cases of the same citizen can be merged.", field: "targetTrackingCode")
        }
        guard target.status != .merged else { throw .transition("ادغام در نامه ادغام‌شده", from: target.status) }
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

    /// The citizen rates the answer.
    public static func checkRate(_ c: Case, rating: Int) throws(DomainError) {
        guard (1...5).contains(rating) else {
            throw DomainError(
                .invalid, "rating_out_of_range", fa: "امتیاز باید عددی از ۱ تا ۵ باشد.",
                en: "Rating must be between 1 and 5.", field: "rating")
        }
        guard c.status == .answered || c.status == .closed else { throw .transition("امتیاز دادن", from: c.status) }
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

    /// A referred case's status follows its referrals: still referred while any is open, answered once
    /// all are done and one answered, back to screening when every agency returned it.
    public static func statusAfterReferralChange(_ referrals: [Referral], current: CaseStatus) -> CaseStatus {
        if referrals.contains(where: { $0.status.isOpen }) { return .referred }
        if referrals.contains(where: { $0.status == .answered }) { return .answered }
        return current == .reopened ? .reopened : .registered
    }

    /// The answer the citizen reads when agencies answered.
    public static func combinedAnswer(_ referrals: [Referral]) -> String {
        referrals.filter { $0.status == .answered }
            .map { "\($0.agencyName): \($0.answer ?? "")" }
            .joined(separator: "\n\n")
    }
}
