import Foundation

/// How a letter reached SAMAD.
public enum Channel: String, Sendable, Codable, CaseIterable {
    case phone111, web, letter, email, serviceDesk, meeting

    public var nameFa: String {
        switch self {
        case .phone111: "تلفن ۱۱۱"
        case .web: "درگاه اینترنتی"
        case .letter: "نامه کاغذی"
        case .email: "نامه الکترونیکی"
        case .serviceDesk: "میز خدمت"
        case .meeting: "دیدار مردمی"
        }
    }
}

/// What the citizen is putting to the government.
public enum CaseKind: String, Sendable, Codable, CaseIterable {
    case request, complaint, report, idea, suggestion, criticism

    public var nameFa: String {
        switch self {
        case .request: "درخواست"
        case .complaint: "شکایت"
        case .report: "گزارش"
        case .idea: "ایده"
        case .suggestion: "پیشنهاد"
        case .criticism: "انتقاد"
        }
    }
}

/// Where a case stands. The screening queue holds `registered` and `reopened` cases.
public enum CaseStatus: String, Sendable, Codable, CaseIterable {
    case registered, referred, answered, closed, reopened, merged

    public var nameFa: String {
        switch self {
        case .registered: "ثبت شده، در انتظار پایش"
        case .referred: "ارجاع شده به دستگاه اجرایی"
        case .answered: "پاسخ داده شده"
        case .closed: "مختومه"
        case .reopened: "بازگشایی شده برای بررسی دوباره"
        case .merged: "ادغام شده در نامه دیگر"
        }
    }

    /// Open cases still need an answer from someone.
    public var isOpen: Bool { self == .registered || self == .referred || self == .reopened }
}

/// One hop of a case to one agency; each hop has its own clock.
public enum ReferralStatus: String, Sendable, Codable, CaseIterable {
    case pending, accepted, answered, returned, cancelled

    public var isOpen: Bool { self == .pending || self == .accepted }

    public var nameFa: String {
        switch self {
        case .pending: "در انتظار دستگاه"
        case .accepted: "در حال رسیدگی"
        case .answered: "پاسخ داده شده"
        case .returned: "بازگشت داده شده"
        case .cancelled: "لغو شده"
        }
    }
}

/// Priority set at registration or screening.
public enum CasePriority: String, Sendable, Codable, CaseIterable {
    case normal, high, urgent
}
