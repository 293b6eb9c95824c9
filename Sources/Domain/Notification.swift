import Foundation
import PersianKit

/// The SMS a citizen receives at each step.
public enum NotificationKind: String, Sendable, Codable, CaseIterable {
    /// SMS 1: registered, with the tracking code.
    case registered
    /// SMS 2: referred, with the agency's name.
    case referred
    /// SMS 3: answered, with how to read it.
    case answered
    /// The letter was merged into another of the citizen's cases, with that case's tracking code.
    case merged
    /// A citizen's one-time sign-in code (sent at once, never queued).
    case signInCode
}

public enum NotificationStatus: String, Sendable, Codable {
    case pending, sent, failed
}

/// An outbox row: written in the same transaction as the change that causes it.
public struct OutboundSMS: Sendable, Hashable {
    public var id: Int
    public var caseID: Int
    public var kind: NotificationKind
    public var mobile: String
    public var text: String
    public var status: NotificationStatus
    public var attempts: Int

    public init(id: Int, caseID: Int, kind: NotificationKind, mobile: String, text: String, status: NotificationStatus, attempts: Int) {
        self.id = id
        self.caseID = caseID
        self.kind = kind
        self.mobile = mobile
        self.text = text
        self.status = status
        self.attempts = attempts
    }
}

/// The words of each SMS, in one place.
public enum SMSText {
    public static func registered(_ code: TrackingCode) -> String {
        "سامد: نامه شما ثبت شد. کد رهگیری: \(PersianDigits.toPersian(code.value)). پیگیری با همین کد و شماره همراه در سامانه ۱۱۱."
    }

    public static func referred(_ code: TrackingCode, agency: String) -> String {
        "سامد: نامه شما با کد رهگیری \(PersianDigits.toPersian(code.value)) برای رسیدگی به «\(agency)» ارجاع شد."
    }

    public static func merged(_ code: TrackingCode, into target: TrackingCode) -> String {
        "سامد: نامه شما با کد رهگیری \(PersianDigits.toPersian(code.value)) به نامه پیشین شما با کد رهگیری \(PersianDigits.toPersian(target.value)) پیوست؛ پیگیری با کد \(PersianDigits.toPersian(target.value))."
    }

    /// `link` opens the case's tracking page (the app builds it from its page table).
    public static func answered(_ code: TrackingCode, link: String) -> String {
        "سامد: به نامه شما با کد رهگیری \(PersianDigits.toPersian(code.value)) پاسخ داده شد. دیدن پاسخ: \(link)"
    }
}
