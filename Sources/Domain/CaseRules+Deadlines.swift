import Foundation
import PersianKit

/// The clock on each referral: a reminder before the due date, then escalation level 1 (the agency's
/// head is told, the case is marked late) and level 2 (the provincial inspection office's queue).
/// The deadline watcher calls `watchDeadline` for every referral whose `deadlineCheckAt` has come.
extension CaseRules {
    /// The highest escalation level.
    public static let topEscalationLevel = 2

    /// What a receipt tells the citizen: a letter registered at `at`, in a category whose agencies
    /// answer within `answerDays` business days, is due an answer by this time when it is referred
    /// at once (the date its referral would be due; screening's own answer comes sooner).
    public static func answerExpectedBy(registeredAt at: Date, answerDays: Int, calendar: BusinessCalendar) -> Date {
        calendar.adding(businessDays: answerDays, to: at)
    }

    /// When the watcher next needs to look at `r`: the first of its moments still ahead of it, or
    /// nil when it is no longer open or already at the top level.
    public static func nextDeadlineCheck(_ r: Referral, policy: EscalationPolicy, calendar: BusinessCalendar) -> Date? {
        guard r.status.isOpen else { return nil }
        let m = policy.moments(dueAt: r.dueAt, calendar: calendar)
        switch r.escalationLevel {
        case 0: return r.remindedAt == nil ? min(m.reminder, m.level1) : m.level1
        case 1: return m.level2
        default: return nil
        }
    }

    /// What the clock does to referral `referralID` of `c` at `now`: each step whose moment has come
    /// and has not been taken (a reminder only before level 1), in order, each written to the case's
    /// history by the system. The referral's next check moves on in every case, so a look that finds
    /// nothing to do is not repeated; `change.events` is empty then. Taking a step twice is
    /// impossible: a step is taken only from the level before it.
    public static func watchDeadline(
        _ c: Case, referralID: Int, referrals: [Referral], policy: EscalationPolicy, calendar: BusinessCalendar, now: Date
    ) -> CaseChange? {
        guard var r = referrals.first(where: { $0.id == referralID }) else { return nil }
        var change = CaseChange(c, actor: .system)
        let m = policy.moments(dueAt: r.dueAt, calendar: calendar)
        if r.status.isOpen {
            if r.escalationLevel == 0, r.remindedAt == nil, now >= m.reminder, now < m.level1 {
                r.remindedAt = now
                change.events.append(.init(.deadlineReminded, agencyID: r.agencyID, agencyName: r.agencyName))
            }
            for level in 1...topEscalationLevel where r.escalationLevel == level - 1 && now >= (level == 1 ? m.level1 : m.level2) {
                r.escalationLevel = level
                change.events.append(
                    .init(.escalated, agencyID: r.agencyID, agencyName: r.agencyName, text: escalationText(level)))
            }
        }
        r.deadlineCheckAt = nextDeadlineCheck(r, policy: policy, calendar: calendar)
        change.updatedReferrals = [r]
        return change
    }

    /// What each level means, for the history.
    public static func escalationText(_ level: Int) -> String {
        switch level {
        case 1: "پیگیری سطح ۱: مهلت پاسخ گذشت؛ به رئیس دستگاه اطلاع داده شد."
        default: "پیگیری سطح ۲: نامه به صف اداره بازرسی استان رفت."
        }
    }
}
