import Foundation
import PersianKit

/// The SMS a citizen receives at each step.
public enum NotificationKind: String, Sendable, Codable, CaseIterable {
    /// SMS 1: registered, with the tracking code.
    case registered
    /// SMS 2: referred, with the agency's name.
    case referred
    /// A governor, official or inspector directed an agency to act, with the agency and the deadline.
    case directed
    /// SMS 3: answered, with how to read it.
    case answered
    /// The letter was merged into another of the citizen's cases, with that case's tracking code.
    case merged
    /// The inspection office decided the citizen's appeal.
    case appealDecided
    /// The answer was neither rated nor objected to in time, and the case closed itself.
    case autoClosed
    /// The citizen's rating of 1–2 or objection reopened the case for screening.
    case reopened
    /// A citizen's one-time sign-in code: belongs to no case, goes out before every other kind, is
    /// never sent once the code has expired, and its text is blanked once it is done with.
    case signInCode

    public var nameFa: String {
        switch self {
        case .registered: "ثبت نامه"
        case .referred: "ارجاع"
        case .directed: "دستور رسیدگی"
        case .answered: "پاسخ"
        case .merged: "پیوست به نامه پیشین"
        case .autoClosed: "مختومه شدن خودکار"
        case .appealDecided: "تصمیم درباره اعتراض"
        case .reopened: "بازگشایی"
        case .signInCode: "کد ورود"
        }
    }
}

public enum NotificationStatus: String, Sendable, Codable {
    /// Waiting for its first or next attempt.
    case pending
    case sent
    /// Gave up after the last retry; an operator may retry it.
    case failed
    /// A sign-in code whose code expired before it could be sent; never sent.
    case expired
}

/// An outbox row: written in the same transaction as the change that causes it.
public struct OutboundSMS: Sendable, Hashable {
    public var id: Int
    /// The case it tells about; nil for a sign-in code.
    public var caseID: Int?
    public var kind: NotificationKind
    public var mobile: String
    public var text: String
    public var status: NotificationStatus
    public var attempts: Int
    /// After this the message is worthless and is not sent (a sign-in code's own expiry).
    public var expiresAt: Date?

    public init(
        id: Int, caseID: Int?, kind: NotificationKind, mobile: String, text: String, status: NotificationStatus, attempts: Int,
        expiresAt: Date? = nil
    ) {
        self.id = id
        self.expiresAt = expiresAt
        self.caseID = caseID
        self.kind = kind
        self.mobile = mobile
        self.text = text
        self.status = status
        self.attempts = attempts
    }
}

/// The words of each SMS, in one place. Every SMS about a case ends with `link`, that case's
/// tracking page (the app builds it from its page table): the citizen opens it, types the mobile and
/// reads where the letter is; the mobile is never in the link.
public enum SMSText {
    public static func registered(_ code: TrackingCode, link: String) -> String {
        "سامد: نامه شما ثبت شد. کد رهگیری: \(PersianDigits.toPersian(code.value)). پیگیری: \(link)"
    }

    public static func referred(_ code: TrackingCode, agency: String, link: String) -> String {
        "سامد: نامه شما با کد رهگیری \(PersianDigits.toPersian(code.value)) برای رسیدگی به «\(agency)» ارجاع شد. پیگیری: \(link)"
    }

    public static func directed(_ code: TrackingCode, agency: String, due: JalaliDate, link: String) -> String {
        "سامد: برای نامه شما با کد رهگیری \(PersianDigits.toPersian(code.value)) به «\(agency)» دستور رسیدگی تا \(JalaliFormat.date(due)) داده شد. پیگیری: \(link)"
    }

    /// `link` opens the case the letter joined, whose code the citizen now follows.
    public static func merged(_ code: TrackingCode, into target: TrackingCode, link: String) -> String {
        "سامد: نامه شما با کد رهگیری \(PersianDigits.toPersian(code.value)) به نامه پیشین شما با کد رهگیری \(PersianDigits.toPersian(target.value)) پیوست. پیگیری: \(link)"
    }

    /// The citizen's rating of 1–2 or objection reopened the case for screening.
    public static func reopened(_ code: TrackingCode, link: String) -> String {
        "سامد: نامه شما با کد رهگیری \(PersianDigits.toPersian(code.value)) برای بررسی دوباره بازگشایی شد و پاسخ تازه با پیامک خبر داده می‌شود. پیگیری: \(link)"
    }

    /// `link` opens the case's tracking page, where a rating is still taken (1–2 reopens the case).
    public static func autoClosed(_ code: TrackingCode, days: Int, link: String) -> String {
        "سامد: نامه شما با کد رهگیری \(PersianDigits.toPersian(code.value)) چون پاسخ آن تا \(PersianDigits.toPersian(String(days))) روز ارزیابی نشد مختومه شد. اگر از پاسخ راضی نیستید همچنان می‌توانید امتیاز دهید: \(link)"
    }

    /// `link` opens the case's tracking page, where the decision's reasons are shown.
    public static func appealDecided(_ code: TrackingCode, _ outcome: AppealOutcome, link: String) -> String {
        let what = outcome == .answerStands ? "پاسخ پیشین به قوت خود باقی ماند و نامه مختومه شد" : "اعتراض شما وارد دانسته شد و نامه دوباره بررسی می‌شود"
        return "سامد: اعتراض شما به پاسخ نامه با کد رهگیری \(PersianDigits.toPersian(code.value)) بررسی شد؛ \(what). دیدن دلایل: \(link)"
    }

    public static func answered(_ code: TrackingCode, link: String) -> String {
        "سامد: به نامه شما با کد رهگیری \(PersianDigits.toPersian(code.value)) پاسخ داده شد. دیدن پاسخ: \(link)"
    }
}
