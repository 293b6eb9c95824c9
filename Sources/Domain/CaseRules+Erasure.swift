import Foundation

/// When a citizen's personal data may be erased on request: only once every case of theirs is
/// settled (closed or merged; an answered case still waits for the citizen's rating or appeal) and
/// the legal retention period has passed since the last of them changed.
extension CaseRules {
    public static func erasureRefusal(
        statuses: [CaseStatus], lastChange: Date, now: Date, retention: TimeInterval
    ) -> DomainError? {
        if statuses.contains(where: { $0 != .closed && $0 != .merged }) {
            return DomainError(
                .conflict, "case_still_open", fa: "این شهروند نامه‌ای دارد که هنوز مختومه نشده است؛ اطلاعاتش پاک نمی‌شود.",
                en: "The citizen has a case that is not closed yet.")
        }
        if lastChange.addingTimeInterval(retention) > now {
            return DomainError(
                .conflict, "within_retention", fa: "مدت قانونی نگهداری اطلاعات این شهروند هنوز به پایان نرسیده است.",
                en: "The legal retention period of this citizen's data has not passed yet.")
        }
        return nil
    }
}
