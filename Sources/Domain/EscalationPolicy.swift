import Foundation
import PersianKit

/// When a referral's clock acts, in business days around its due date: the liaison is reminded
/// `reminderDaysBefore` days before it; `level1DaysLate` days after it the agency's head is told and
/// the case is marked late (level 1); `level2DaysLate` days after it the case goes to the provincial
/// inspection office's queue (level 2). Each category has its own, starting from `standard`.
public struct EscalationPolicy: Sendable, Hashable, Codable {
    public var reminderDaysBefore: Int
    public var level1DaysLate: Int
    public var level2DaysLate: Int

    /// Checked: no negative days, and level 2 comes after level 1.
    public init(reminderDaysBefore: Int, level1DaysLate: Int, level2DaysLate: Int) throws(DomainError) {
        guard (0...30).contains(reminderDaysBefore), (0...60).contains(level1DaysLate), (0...60).contains(level2DaysLate)
        else {
            throw DomainError(
                .invalid, "escalation_days_out_of_range", fa: "روزهای یادآوری و پیگیری باید میان ۰ تا ۶۰ روز کاری باشد.",
                en: "Reminder and escalation days must be between 0 and 60 business days.", field: "escalation")
        }
        guard level2DaysLate > level1DaysLate else {
            throw DomainError(
                .unprocessable, "escalation_levels_out_of_order", fa: "پیگیری سطح ۲ باید دیرتر از سطح ۱ باشد.",
                en: "Level 2 must come after level 1.", field: "escalation")
        }
        self.reminderDaysBefore = reminderDaysBefore
        self.level1DaysLate = level1DaysLate
        self.level2DaysLate = level2DaysLate
    }

    private init(unchecked reminder: Int, _ level1: Int, _ level2: Int) {
        reminderDaysBefore = reminder
        level1DaysLate = level1
        level2DaysLate = level2
    }

    /// A reminder one business day before the due date, level 1 when it passes, level 2 three
    /// business days later.
    public static let standard = EscalationPolicy(unchecked: 1, 0, 3)

    /// The three moments for a referral due at `dueAt`.
    public func moments(dueAt: Date, calendar: BusinessCalendar) -> (reminder: Date, level1: Date, level2: Date) {
        (
            calendar.adding(businessDays: -reminderDaysBefore, to: dueAt),
            calendar.adding(businessDays: level1DaysLate, to: dueAt),
            calendar.adding(businessDays: level2DaysLate, to: dueAt)
        )
    }
}
