import Foundation
import PersianKit

/// A citizen as known to SAMAD. Personal data: lists show it masked.
public struct Citizen: Sendable, Hashable {
    public var id: Int
    /// Nil when the citizen did not give one; such a citizen is known by their mobile.
    public var nationalID: NationalID?
    public var mobile: MobileNumber
    public var firstName: String
    public var lastName: String
    public var provinceCode: String
    public var countyCode: String?

    public init(id: Int, nationalID: NationalID?, mobile: MobileNumber, firstName: String, lastName: String, provinceCode: String, countyCode: String?) {
        self.id = id
        self.nationalID = nationalID
        self.mobile = mobile
        self.firstName = firstName
        self.lastName = lastName
        self.provinceCode = provinceCode
        self.countyCode = countyCode
    }

    public var fullName: String { "\(firstName) \(lastName)" }
}

/// A letter (نامه): one request, complaint, report, idea, suggestion or criticism.
public struct Case: Sendable, Hashable {
    public var id: Int
    public var trackingCode: TrackingCode
    public var citizenID: Int
    public var channel: Channel
    public var kind: CaseKind
    public var categoryCode: String
    public var subject: String
    public var body: String
    public var provinceCode: String
    public var countyCode: String?
    public var status: CaseStatus
    public var priority: CasePriority
    public var confidential: Bool
    /// The answer the citizen reads: SAMAD's own or the agencies'.
    public var answer: String?
    public var mergedIntoID: Int?
    public var rating: Int?
    public var createdAt: Date
    public var updatedAt: Date
    /// Bumped on every change; lets a stale form say so instead of overwriting.
    public var version: Int
    /// Since when the case has waited for the citizen's verdict on its answer: set when it becomes
    /// answered, nil whenever it is anything else (`CaseChange.answeredAt`). The auto-close clock.
    public var answeredAt: Date?
    /// How many times agencies sent the case back as not their own (`CaseRules.returnsBeforeSupervisor`).
    public var returns: Int

    public init(
        id: Int, trackingCode: TrackingCode, citizenID: Int, channel: Channel, kind: CaseKind, categoryCode: String,
        subject: String, body: String, provinceCode: String, countyCode: String?, status: CaseStatus,
        priority: CasePriority, confidential: Bool, answer: String?, mergedIntoID: Int?, rating: Int?,
        createdAt: Date, updatedAt: Date, version: Int, answeredAt: Date? = nil, returns: Int = 0
    ) {
        self.returns = returns
        self.id = id
        self.trackingCode = trackingCode
        self.citizenID = citizenID
        self.channel = channel
        self.kind = kind
        self.categoryCode = categoryCode
        self.subject = subject
        self.body = body
        self.provinceCode = provinceCode
        self.countyCode = countyCode
        self.status = status
        self.priority = priority
        self.confidential = confidential
        self.answer = answer
        self.mergedIntoID = mergedIntoID
        self.rating = rating
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
        self.answeredAt = answeredAt
    }
}

/// A case sent to one agency.
public struct Referral: Sendable, Hashable {
    public var id: Int
    public var caseID: Int
    public var agencyID: Int
    public var agencyName: String
    public var status: ReferralStatus
    public var note: String?
    public var answer: String?
    public var returnReason: String?
    public var dueAt: Date
    public var escalationLevel: Int
    public var createdAt: Date
    public var answeredAt: Date?
    /// When the agency's liaison was reminded of the due date (once, before it).
    public var remindedAt: Date?
    /// When the deadline watcher next looks at this referral (`CaseRules.nextDeadlineCheck`); nil
    /// once it is no longer open or has reached the last escalation level.
    public var deadlineCheckAt: Date?
    /// Who issued it, when it is a directive (دستور) of a governor, official or inspector rather than
    /// screening's referral; its `note` is then the directive's text.
    public var directedBy: DirectiveIssuer?
    /// What the inspection office did once it reached its queue (level 2), and when (`CaseRules.recordInspection`).
    public var inspectionNote: String?
    public var inspectedAt: Date?

    public init(
        id: Int, caseID: Int, agencyID: Int, agencyName: String, status: ReferralStatus, note: String?, answer: String?,
        returnReason: String?, dueAt: Date, escalationLevel: Int, createdAt: Date, answeredAt: Date?,
        remindedAt: Date? = nil, deadlineCheckAt: Date? = nil, directedBy: DirectiveIssuer? = nil, inspectionNote: String? = nil,
        inspectedAt: Date? = nil
    ) {
        self.inspectionNote = inspectionNote
        self.inspectedAt = inspectedAt
        self.id = id
        self.caseID = caseID
        self.agencyID = agencyID
        self.agencyName = agencyName
        self.status = status
        self.note = note
        self.answer = answer
        self.returnReason = returnReason
        self.dueAt = dueAt
        self.escalationLevel = escalationLevel
        self.createdAt = createdAt
        self.answeredAt = answeredAt
        self.remindedAt = remindedAt
        self.deadlineCheckAt = deadlineCheckAt
        self.directedBy = directedBy
    }

    public var isDirective: Bool { directedBy != nil }

    /// Whether the citizen's tracking shows this hop: not one the agency sent back or screening took back.
    public var visibleToCitizen: Bool { status != .cancelled && status != .returned }

    /// The watcher's next look as saved: none for a referral that is no longer open.
    public var watchAt: Date? { status.isOpen ? deadlineCheckAt : nil }
}

/// The staff member who issued a directive, as the inbox, the case page and the per-official list name them.
public struct DirectiveIssuer: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var role: StaffRole

    public init(id: Int, name: String, role: StaffRole) {
        self.id = id
        self.name = name
        self.role = role
    }

    /// «دستور مریم احمدی (مسئول پاسخگو)», as the inbox and the case page mark a directive.
    public var labelFa: String { "دستور \(name) (\(role.nameFa))" }
}
