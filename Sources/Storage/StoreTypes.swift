import Domain
import Foundation
import PersianKit

/// The result of a registration: the case, and whether this call created it (false on an idempotent retry).
public struct Registration: Sendable {
    public var detail: CaseDetail
    public var created: Bool

    public init(detail: CaseDetail, created: Bool) {
        self.detail = detail
        self.created = created
    }
}

/// A case with everything a staff page or the citizen's timeline needs.
public struct CaseDetail: Sendable {
    public var `case`: Case
    public var citizen: Citizen
    public var categoryName: String
    public var provinceName: String
    public var mergedIntoCode: TrackingCode?
    public var referrals: [Referral]
    public var events: [CaseEvent]
}

/// Filters for the staff case list; keyset-paginated.
public struct CaseQuery: Sendable {
    public enum Order: String, Sendable { case newest, oldest }
    public var statuses: [CaseStatus] = []
    public var provinceCode: String?
    public var agencyID: Int?
    public var categoryCode: String?
    public var channel: Channel?
    public var kind: CaseKind?
    public var from: Date?
    public var to: Date?
    public var text: String?
    public var order: Order = .newest
    public var limit: Int = 50
    public var cursor: String?
    /// Scope from the asking staff member, applied on top of the filters.
    public var scopeProvince: String?
    public var scopeAgency: Int?
    /// Only cases returned by agencies at least `CaseRules.returnsBeforeSupervisor` times.
    public var returnedTwice = false
    /// Only cases returned fewer times than that (the screening queue's ordinary tier).
    public var returnedLessThanTwice = false

    public init() {}
}

/// One row of a case list: no body, identifiers masked.
public struct CaseSummary: Sendable {
    public var trackingCode: TrackingCode
    public var subject: String
    public var status: CaseStatus
    public var channel: Channel
    public var kind: CaseKind
    public var categoryCode: String
    public var provinceCode: String
    public var countyCode: String?
    public var confidential: Bool
    public var citizenName: String
    public var maskedMobile: String
    /// Nil when the citizen gave none.
    public var maskedNationalID: String?
    public var createdAt: Date
    public var updatedAt: Date
    /// How many times agencies sent it back as not their own.
    public var returns: Int = 0
    /// The citizen's latest rating (1–5) of an answer, if they gave one.
    public var rating: Int? = nil
}

public struct CasePage: Sendable {
    public var items: [CaseSummary]
    public var nextCursor: String?
}

public struct AgencyDraft: Sendable {
    public var name: String
    public var kind: AgencyKind
    public var parentID: Int?
    public var provinceCode: String?
    public var active: Bool
    public init(name: String, kind: AgencyKind, parentID: Int?, provinceCode: String?, active: Bool) {
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.provinceCode = provinceCode
        self.active = active
    }
}

public struct StaffDraft: Sendable {
    public var username: String
    public var displayName: String
    public var role: StaffRole
    public var provinceCode: String?
    public var agencyID: Int?
    public init(username: String, displayName: String, role: StaffRole, provinceCode: String?, agencyID: Int?) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.provinceCode = provinceCode
        self.agencyID = agencyID
    }
}

/// One referral in an agency's inbox, with what the liaison needs to pick it up.
public struct InboxEntry: Sendable {
    public var referral: Referral
    public var trackingCode: TrackingCode
    public var subject: String
    public var categoryCode: String
    public var provinceCode: String
    public var caseStatus: CaseStatus
}

/// Which of the open referrals an inbox lists, beyond its agency and scope: one status, a window of
/// due dates (`dueFrom` ≤ due < `dueBefore`), one category.
public struct InboxRefinement: Sendable, Equatable {
    public var status: ReferralStatus?
    public var dueFrom: Date?
    public var dueBefore: Date?
    public var categoryCode: String?
    public init(status: ReferralStatus? = nil, dueFrom: Date? = nil, dueBefore: Date? = nil, categoryCode: String? = nil) {
        self.status = status
        self.dueFrom = dueFrom
        self.dueBefore = dueBefore
        self.categoryCode = categoryCode
    }
}

/// How many open referrals an inbox holds: all of them, those not yet accepted, those past due
/// and those due soon, and those the refinement in force lets through.
public struct InboxCounts: Sendable, Equatable {
    public var open: Int
    public var pending: Int
    public var overdue: Int
    public var dueSoon: Int
    public var matching: Int
    public init(open: Int, pending: Int, overdue: Int, dueSoon: Int, matching: Int) {
        self.open = open
        self.pending = pending
        self.overdue = overdue
        self.dueSoon = dueSoon
        self.matching = matching
    }
}

/// The cases of one province and category in a month.
public struct MonthCount: Sendable, Equatable {
    public var provinceCode: String
    public var categoryCode: String
    public var count: Int
    public init(provinceCode: String, categoryCode: String, count: Int) {
        self.provinceCode = provinceCode
        self.categoryCode = categoryCode
        self.count = count
    }
}

/// One page of an agency's inbox; `nextCursor` asks for the page after it.
public struct InboxPage: Sendable {
    public var entries: [InboxEntry]
    public var nextCursor: String?
}

/// One page of a citizen's own cases, newest first.
public struct CitizenCasesPage: Sendable {
    public var details: [CaseDetail]
    public var nextCursor: String?
}
