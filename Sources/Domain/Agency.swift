import Foundation

/// The kinds of executive agency (دستگاه اجرایی) a case may be referred to.
public enum AgencyKind: String, Sendable, Codable, CaseIterable {
    case governorate, countyGovernorate, municipality, ministryDirectorate, bank,
        supportInstitution, university, foundation, fund

    public var nameFa: String {
        switch self {
        case .governorate: "استانداری"
        case .countyGovernorate: "فرمانداری"
        case .municipality: "شهرداری"
        case .ministryDirectorate: "اداره کل وزارتخانه"
        case .bank: "بانک عامل"
        case .supportInstitution: "نهاد حمایتی"
        case .university: "دانشگاه علوم پزشکی"
        case .foundation: "بنیاد"
        case .fund: "صندوق"
        }
    }
}

/// An executive agency that receives referrals through its liaison.
public struct Agency: Sendable, Hashable, Codable {
    public var id: Int
    public var name: String
    public var kind: AgencyKind
    public var parentID: Int?
    /// The province it serves; nil for national agencies.
    public var provinceCode: String?
    public var active: Bool

    public init(id: Int, name: String, kind: AgencyKind, parentID: Int?, provinceCode: String?, active: Bool) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.provinceCode = provinceCode
        self.active = active
    }
}

/// What a case is about, with the agency kind that usually answers it and the deadline.
public struct Category: Sendable, Hashable, Codable {
    public var code: String
    public var name: String
    public var defaultAgencyKind: AgencyKind
    /// Business days an agency has to answer a referral of this category.
    public var answerDays: Int
    public var active: Bool
    /// When the deadline watcher reminds and escalates a referral of this category.
    public var escalation: EscalationPolicy

    public init(
        code: String, name: String, defaultAgencyKind: AgencyKind, answerDays: Int, active: Bool,
        escalation: EscalationPolicy = .standard
    ) {
        self.code = code
        self.name = name
        self.defaultAgencyKind = defaultAgencyKind
        self.answerDays = answerDays
        self.active = active
        self.escalation = escalation
    }

    public static let defaultAnswerDays = 10
}

/// A province (استان).
public struct Province: Sendable, Hashable, Codable {
    public var code: String
    public var name: String
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// A county (شهرستان) of a province.
public struct County: Sendable, Hashable, Codable {
    public var code: String
    public var provinceCode: String
    public var name: String
    public init(code: String, provinceCode: String, name: String) {
        self.code = code
        self.provinceCode = provinceCode
        self.name = name
    }
}
