import Foundation
import PersianKit

/// Where one hop of a case (a referral) stands against its due date, in business days in Tehran,
/// as the inbox, the case page, the API and the citizen's tracking page show it.
public struct HopClock: Sendable, Hashable {
    public enum State: String, Sendable, Hashable {
        /// Open, more than a business day left.
        case onTime
        /// Open, due today or on the next business day.
        case dueSoon
        /// Open, past its due date.
        case overdue
        /// Answered by the agency.
        case done
        /// Sent back by the agency as not its own.
        case returned
        /// Cancelled or withdrawn: the clock no longer runs.
        case stopped
    }

    public let state: State
    /// Business days left (open, not yet due) or late (overdue, or answered late); 0 on the due day.
    public let businessDays: Int
    public let dueAt: Date
    /// For a finished hop: whether the agency answered by the due date.
    public let onTime: Bool?

    public init(_ referral: Referral, now: Date, calendar: BusinessCalendar) {
        dueAt = referral.dueAt
        switch referral.status {
        case .pending, .accepted:
            onTime = nil
            (state, businessDays) = Self.open(dueAt: referral.dueAt, now: now, calendar: calendar)
        case .returned:
            onTime = nil
            businessDays = 0
            state = .returned
        case .answered:
            let at = referral.answeredAt ?? referral.dueAt
            onTime = at <= referral.dueAt
            businessDays = at <= referral.dueAt ? 0 : calendar.businessDays(from: referral.dueAt, to: at)
            state = .done
        case .cancelled:
            onTime = nil
            businessDays = 0
            state = .stopped
        }
    }

    /// An open deadline that is no referral's: the answer a letter still in screening was promised
    /// by (`CaseRules.answerExpectedBy`), counted like a referral's.
    public init(openUntil dueAt: Date, now: Date, calendar: BusinessCalendar) {
        self.dueAt = dueAt
        onTime = nil
        (state, businessDays) = Self.open(dueAt: dueAt, now: now, calendar: calendar)
    }

    private static func open(dueAt: Date, now: Date, calendar: BusinessCalendar) -> (State, Int) {
        if now <= dueAt {
            let left = calendar.businessDays(from: now, to: dueAt)
            return (left <= 1 ? .dueSoon : .onTime, left)
        }
        return (.overdue, calendar.businessDays(from: dueAt, to: now))
    }

    /// "۲ روز کاری مانده", "امروز آخرین مهلت است", "۳ روز کاری تأخیر", "پاسخ در مهلت", …
    public var labelFa: String {
        let n = PersianDigits.toPersian(String(businessDays))
        switch state {
        case .onTime, .dueSoon:
            return businessDays == 0 ? "امروز آخرین مهلت است" : "\(n) روز کاری مانده"
        case .overdue:
            return businessDays == 0 ? "مهلت امروز گذشت" : "\(n) روز کاری تأخیر"
        case .done:
            return onTime == true ? "پاسخ در مهلت" : "پاسخ با \(n) روز کاری تأخیر"
        case .returned:
            return "بازگردانده شد"
        case .stopped:
            return "ارجاع لغو شد"
        }
    }

    /// The instant before which an open hop not yet past due is `dueSoon` (due today or on the next
    /// business day): the start of the Tehran day of the second business day from `now`. Lists
    /// filter and count by it in SQL; `HopClock.init` gives the same state for each hop.
    public static func dueSoonUntil(now: Date, calendar: BusinessCalendar) -> Date {
        JalaliDate(calendar.adding(businessDays: 2, to: now)).startOfDay()
    }
}
