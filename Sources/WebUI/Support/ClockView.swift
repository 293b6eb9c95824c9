import Domain
import PersianKit

/// A referral's clock as the pages show it: the CSS urgency (`due-ok`, `due-soon`, `due-overdue`,
/// `due-done`, `due-stopped`), the Persian label and, once escalated, the level reached.
struct ClockView {
    let urgency: String
    let label: String
    let escalation: String?

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
        escalation = escalationLevel > 0 && clock.state == .overdue ? "پیگیری سطح \(Show.number(escalationLevel))" : nil
    }
}
