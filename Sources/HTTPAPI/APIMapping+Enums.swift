import Domain
import PersianKit

// The API's enums and the domain's, mapped case by case: a value added on one side and not the
// other fails the build here instead of trapping on a request.
extension Components.Schemas.CaseStatus {
    init(_ v: CaseStatus) {
        switch v {
        case .registered: self = .registered
        case .referred: self = .referred
        case .answered: self = .answered
        case .closed: self = .closed
        case .reopened: self = .reopened
        case .merged: self = .merged
        }
    }
}

extension Components.Schemas.ReferralStatus {
    init(_ v: ReferralStatus) {
        switch v {
        case .pending: self = .pending
        case .accepted: self = .accepted
        case .answered: self = .answered
        case .returned: self = .returned
        case .cancelled: self = .cancelled
        }
    }
}

extension Components.Schemas.Channel {
    init(_ v: Channel) {
        switch v {
        case .phone111: self = .phone111
        case .web: self = .web
        case .letter: self = .letter
        case .email: self = .email
        case .serviceDesk: self = .serviceDesk
        case .meeting: self = .meeting
        }
    }
    var domain: Channel {
        switch self {
        case .phone111: .phone111
        case .web: .web
        case .letter: .letter
        case .email: .email
        case .serviceDesk: .serviceDesk
        case .meeting: .meeting
        }
    }
}

extension Components.Schemas.CaseKind {
    init(_ v: CaseKind) {
        switch v {
        case .request: self = .request
        case .complaint: self = .complaint
        case .report: self = .report
        case .idea: self = .idea
        case .suggestion: self = .suggestion
        case .criticism: self = .criticism
        }
    }
    var domain: CaseKind {
        switch self {
        case .request: .request
        case .complaint: .complaint
        case .report: .report
        case .idea: .idea
        case .suggestion: .suggestion
        case .criticism: .criticism
        }
    }
}

extension Components.Schemas.Priority {
    init(_ v: CasePriority) {
        switch v {
        case .normal: self = .normal
        case .high: self = .high
        case .urgent: self = .urgent
        }
    }
    var domain: CasePriority {
        switch self {
        case .normal: .normal
        case .high: .high
        case .urgent: .urgent
        }
    }
}

extension Components.Schemas.AgencyKind {
    init(_ v: AgencyKind) {
        switch v {
        case .governorate: self = .governorate
        case .countyGovernorate: self = .countyGovernorate
        case .municipality: self = .municipality
        case .ministryDirectorate: self = .ministryDirectorate
        case .bank: self = .bank
        case .supportInstitution: self = .supportInstitution
        case .university: self = .university
        case .foundation: self = .foundation
        case .fund: self = .fund
        }
    }
    var domain: AgencyKind {
        switch self {
        case .governorate: .governorate
        case .countyGovernorate: .countyGovernorate
        case .municipality: .municipality
        case .ministryDirectorate: .ministryDirectorate
        case .bank: .bank
        case .supportInstitution: .supportInstitution
        case .university: .university
        case .foundation: .foundation
        case .fund: .fund
        }
    }
}

extension Components.Schemas.Report.PeriodKindPayload {
    init(_ v: JalaliPeriod.Kind) {
        switch v {
        case .week: self = .week
        case .month: self = .month
        case .quarter: self = .quarter
        case .year: self = .year
        }
    }
}
