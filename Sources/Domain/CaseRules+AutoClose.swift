import Foundation
import PersianKit

/// An answered case waits for the citizen's verdict (a rating, or an objection as a rating of 1–2)
/// for a number of days; after that it closes itself, says so in its history and by SMS, and the
/// citizen may still rate it (a low rating reopens it as before).
extension CaseRules {
    /// The days an answered case waits by default (`SAMAD_AUTO_CLOSE_DAYS`).
    public static let defaultAutoCloseDays = 14
    /// The days one may configure.
    public static let autoCloseDaysRange = 1...365

    /// The moment an answer given at `answeredAt` closes the case: `days` whole days later.
    public static func autoCloseAt(answeredAt: Date, days: Int) -> Date {
        answeredAt.addingTimeInterval(TimeInterval(days) * 86_400)
    }

    /// The latest answer time that is due at `now`: what a pass looks for (`autoCloseAt` turned round).
    public static func autoCloseCutoff(now: Date, days: Int) -> Date {
        now.addingTimeInterval(-TimeInterval(days) * 86_400)
    }

    /// The change that closes `c` at `now`, or nil while it is not yet due, not answered, or rated.
    /// `link` opens the case's tracking page for the SMS.
    public static func autoClose(_ c: Case, events: [CaseEvent], days: Int, now: Date, link: String) -> CaseChange? {
        guard c.status == .answered, let since = c.answeredAt, now >= autoCloseAt(answeredAt: since, days: days),
            !latestAnswerJudged(events)
        else { return nil }
        var change = CaseChange(c, actor: .system)
        change.case.status = .closed
        change.events = [.init(.autoClosed, text: autoCloseText(days: days))]
        change.messages = [.init(kind: .autoClosed, text: SMSText.autoClosed(c.trackingCode, days: days, link: link))]
        return change
    }

    /// The history's words for a case that closed itself.
    public static func autoCloseText(days: Int) -> String {
        "پاسخ تا \(PersianDigits.toPersian(String(days))) روز از سوی شهروند ارزیابی نشد و نامه خودکار مختومه شد."
    }
}
