/// "No letter may stay unanswered", as a check over what is stored: every case that is neither
/// closed nor merged has someone who must act next, and a finished case has no agency still at work.
extension CaseRules {
    /// What is wrong with a case as stored, or nil when it holds.
    /// - Parameters:
    ///   - openReferrals: its referrals that are pending or accepted.
    ///   - hasAnswer: whether it carries an answer text.
    public static func invariantViolation(status: CaseStatus, openReferrals: Int, hasAnswer: Bool) -> String? {
        switch status {
        case .registered, .reopened:
            // In the screening queue: screening owns it (and may have referred part of it already).
            nil
        case .referred:
            openReferrals > 0 ? nil : "referred, but no referral is open: nobody owns it"
        case .answered:
            hasAnswer ? nil : "answered, but without an answer"
        case .closed, .merged:
            openReferrals == 0 ? nil : "\(status.rawValue), but \(openReferrals) referral(s) still open"
        }
    }
}
