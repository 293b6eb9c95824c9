import Foundation
import PersianKit

/// A directive's deadline as its issuer gives it: a number of business days from now, or a Jalali day.
public enum DirectiveDue: Sendable, Hashable {
    case businessDays(Int)
    /// Due by the end of that day in Tehran.
    case day(JalaliDate)

    /// From a form or a request: exactly one of a number of business days and a Jalali day
    /// (`۱۴۰۵/۰۹/۲۰`, `1405-9-20`); an empty field counts as not given.
    public init(businessDays: Int?, dueDate rawDate: String?) throws(DomainError) {
        let date = rawDate.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        switch (businessDays, date) {
        case (let days?, nil): self = .businessDays(days)
        case (nil, let date?):
            do { self = .day(try JalaliDate(parsing: date)) } catch { throw DomainError(error, field: "dueDate") }
        default:
            throw DomainError(
                .unprocessable, "directive_due_required", fa: "مهلت دستور را یا به روز کاری یا با تاریخ بدهید (فقط یکی).",
                en: "Give exactly one of businessDays and dueDate.", field: "dueDate")
        }
    }

    /// From a form, where the days are typed (Persian or ASCII digits, pre-filled with the category's)
    /// and a date, when one is given, wins over them.
    public init(typedDays: String?, dueDate: String?) throws(DomainError) {
        if let dueDate, !dueDate.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            try self.init(businessDays: nil, dueDate: dueDate)
            return
        }
        let digits = PersianDigits.toASCII(typedDays ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard digits.isEmpty || Int(digits) != nil else {
            throw DomainError.directiveDaysOutOfRange(field: "businessDays")
        }
        try self.init(businessDays: Int(digits), dueDate: dueDate)
    }
}

/// Directives (دستور): a governor, official or inspector directs one agency to act on a case, with
/// their own text and deadline. A directive is a hop like a referral: the agency accepts, answers or
/// returns it from its inbox, its clock runs and the deadline watcher reminds and escalates it as it
/// does every referral, and the case's status follows it.
extension CaseRules {
    /// The longest a directive may give an agency, in business days.
    public static let maxDirectiveDays = 60

    /// Who may be directed to act: a case still being worked on. An answered case is not (an official
    /// not content with its answer has the citizen's appeal, or screening, reopen it first: a directive
    /// withdrawn or returned would otherwise re-answer it), nor a closed or merged one.
    public static func checkDirective(_ c: Case) throws(DomainError) {
        guard [.registered, .reopened, .referred].contains(c.status) else {
            throw .transition("صدور دستور", from: c.status)
        }
    }

    /// When a directive given at `at` falls due; a day in the past, a day off, zero or negative days,
    /// or more than `maxDirectiveDays` business days ahead is refused.
    public static func directiveDueAt(_ due: DirectiveDue, at: Date, calendar: BusinessCalendar) throws(DomainError) -> Date {
        switch due {
        case .businessDays(let days):
            guard (1...maxDirectiveDays).contains(days) else {
                throw DomainError.directiveDaysOutOfRange(field: "businessDays")
            }
            return calendar.adding(businessDays: days, to: at)
        case .day(let day):
            let dueAt = day.adding(days: 1).startOfDay().addingTimeInterval(-1)
            guard dueAt > at else {
                throw DomainError(
                    .unprocessable, "directive_due_in_past", fa: "مهلت دستور نمی‌تواند روزی گذشته باشد.",
                    en: "A directive's deadline cannot be in the past.", field: "dueDate")
            }
            guard calendar.businessDays(from: at, to: dueAt) <= maxDirectiveDays else {
                throw DomainError.directiveDaysOutOfRange(field: "dueDate")
            }
            guard calendar.isBusinessDay(day) else {
                throw DomainError(
                    .unprocessable, "directive_due_day_off",
                    fa: "\(JalaliFormat.date(day)) روز کاری نیست؛ روز کاری دیگری را برای مهلت دستور برگزینید.",
                    en: "The deadline falls on a weekend or holiday.", field: "dueDate")
            }
            return dueAt
        }
    }

    /// `issuer` directs `agency` (nil when no such agency exists) to act on `c` by `due`, with `text`.
    /// `existing` are the case's referrals: one agency holds at most one open directive per case.
    /// The directive's clock follows the category's `escalation`; the citizen is told by SMS which
    /// agency was directed and by when.
    public static func issueDirective(
        _ c: Case, to agency: AgencyRef?, text rawText: String, due: DirectiveDue, existing: [Referral],
        escalation: EscalationPolicy, calendar: BusinessCalendar, at: Date, issuer: Staff, link: String
    ) throws -> CaseChange {
        let text = try TextInput.required(rawText, field: "text", fa: "متن دستور", max: TextInput.maxNote)
        guard let agency else {
            throw DomainError(.unprocessable, "unknown_agency", fa: "دستگاه اجرایی شناخته نشد.", en: "Unknown agency.", field: "agencyId")
        }
        guard agency.active else {
            throw DomainError(
                .unprocessable, "agency_inactive", fa: "«\(agency.name)» غیرفعال است و دستور نمی‌پذیرد.",
                en: "The agency is inactive and takes no directives.", field: "agencyId")
        }
        let dueAt = try directiveDueAt(due, at: at, calendar: calendar)
        try checkDirective(c)
        if existing.contains(where: { $0.agencyID == agency.id && $0.isDirective && $0.status.isOpen }) {
            throw DomainError(
                .conflict, "directive_already_open", fa: "دستوری دیگر برای همین نامه هنوز نزد این دستگاه باز است.",
                en: "The agency already holds an open directive on this case.", field: "agencyId")
        }
        let firstCheck = nextDeadlineCheck(
            Referral(
                id: 0, caseID: c.id, agencyID: agency.id, agencyName: agency.name, status: .pending, note: text, answer: nil,
                returnReason: nil, dueAt: dueAt, escalationLevel: 0, createdAt: at, answeredAt: nil),
            policy: escalation, calendar: calendar)
        var change = CaseChange(c, actor: .staff(issuer))
        change.newReferrals = [
            .init(
                agencyID: agency.id, agencyName: agency.name, status: .pending, note: text, dueAt: dueAt, deadlineCheckAt: firstCheck,
                directedBy: issuer.id)
        ]
        change.events = [.init(.directed, agencyID: agency.id, agencyName: agency.name, text: text)]
        change.messages = [
            .init(kind: .directed, text: SMSText.directed(c.trackingCode, agency: agency.name, due: JalaliDate(dueAt), link: link))
        ]
        change.case.status = .referred
        return change
    }

    /// Screening takes back its own referrals; a directive only its issuer or an admin.
    public static func checkWithdraw(_ r: Referral, by staff: Staff) throws(DomainError) {
        try checkWithdraw(r)
        if let issuer = r.directedBy, issuer.id != staff.id, staff.role != .admin {
            throw DomainError(
                .forbidden, "directive_not_yours", fa: "دستور را فقط صادرکننده آن (\(issuer.name)) می‌تواند پس بگیرد.",
                en: "Only the directive's issuer or an admin may withdraw it.")
        }
    }
}

extension DomainError {
    /// Zero, negative, unreadable or more than `CaseRules.maxDirectiveDays` business days.
    /// A number of days outside 1–60 is input of the wrong shape (openapi.yaml bounds it); a date more
    /// than 60 business days ahead is well-formed and refused by the rule.
    static func directiveDaysOutOfRange(field: String) -> DomainError {
        DomainError(
            field == "dueDate" ? .unprocessable : .invalid, "directive_days_out_of_range", fa: "مهلت دستور باید میان ۱ تا ۶۰ روز کاری باشد.",
            en: "A directive's deadline is 1 to 60 business days.", field: field)
    }
}
