import Domain
import PersianKit

/// A referral's clock as the pages show it: the CSS urgency (`due-ok`, `due-soon`, `due-overdue`,
/// `due-done`, `due-stopped`), the Persian label and, once escalated, the level reached.
struct ClockView {
    let urgency: String
    let label: String
    let escalation: String?
    /// The business days left or late as a figure («۳»), with what it counts («روز کاری مانده»):
    /// what a liaison reads down a column. Nil once the hop is finished.
    let figure: String?
    let unit: String?

    init(_ clock: HopClock, escalationLevel: Int) {
        urgency =
            switch clock.state {
            case .onTime: "ok"
            case .dueSoon: "soon"
            case .overdue: "overdue"
            case .done: clock.onTime == false ? "late" : "done"
            case .returned, .stopped: "stopped"
            }
        label = clock.labelFa
        switch clock.state {
        case .onTime, .dueSoon:
            (figure, unit) = clock.businessDays == 0 ? ("امروز", "آخرین مهلت") : (Show.number(clock.businessDays), "روز کاری مانده")
        case .overdue:
            (figure, unit) = clock.businessDays == 0 ? ("امروز", "مهلت گذشت") : (Show.number(clock.businessDays), "روز کاری تأخیر")
        case .done, .returned, .stopped:
            (figure, unit) = (nil, nil)
        }
        escalation = escalationLevel > 0 && clock.state == .overdue ? "پیگیری سطح \(Show.number(escalationLevel))" : nil
    }
}
