import Foundation

/// What one action does to a case, computed by `CaseRules` without any I/O: the case as it will
/// be saved, the referrals it changes or adds, the events it appends and the SMS it sends to the
/// case's citizen. Storage applies a change atomically (the case locked, its version checked) and
/// decides nothing itself.
public struct CaseChange: Sendable, Hashable {
    /// A referral the change adds.
    public struct NewReferral: Sendable, Hashable {
        public var agencyID: Int
        public var agencyName: String
        public var status: ReferralStatus
        public var note: String?
        public var dueAt: Date
        /// The deadline watcher's first look (`CaseRules.nextDeadlineCheck`).
        public var deadlineCheckAt: Date?
        /// The staff member who issued it, for a directive.
        public var directedBy: Int?

        public init(
            agencyID: Int, agencyName: String, status: ReferralStatus, note: String?, dueAt: Date, deadlineCheckAt: Date?,
            directedBy: Int? = nil
        ) {
            self.directedBy = directedBy
            self.agencyID = agencyID
            self.agencyName = agencyName
            self.status = status
            self.note = note
            self.dueAt = dueAt
            self.deadlineCheckAt = deadlineCheckAt
        }
    }

    /// A history row the change appends, by the change's actor.
    public struct Event: Sendable, Hashable {
        public var kind: CaseEventKind
        public var agencyID: Int?
        public var agencyName: String?
        public var text: String?
        public var rating: Int?

        public init(_ kind: CaseEventKind, agencyID: Int? = nil, agencyName: String? = nil, text: String? = nil, rating: Int? = nil) {
            self.kind = kind
            self.agencyID = agencyID
            self.agencyName = agencyName
            self.text = text
            self.rating = rating
        }
    }

    /// An SMS to the case's citizen.
    public struct Message: Sendable, Hashable {
        public var kind: NotificationKind
        public var text: String

        public init(kind: NotificationKind, text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// The case as it will be saved (its version is bumped on saving).
    public var `case`: Case
    public var actor: Actor
    /// Existing referrals as they will be saved.
    public var updatedReferrals: [Referral] = []
    public var newReferrals: [NewReferral] = []
    /// In the order they happened.
    public var events: [Event] = []
    public var messages: [Message] = []

    /// The case's status before the change.
    public let statusBefore: CaseStatus

    public init(_ c: Case, actor: Actor) {
        self.case = c
        self.actor = actor
        self.statusBefore = c.status
    }

    /// `Case.answeredAt` once the change is saved at `at`: now when it makes the case answered,
    /// unchanged while the case stays answered, nil when it leaves that status.
    public func answeredAt(_ at: Date) -> Date? {
        guard self.case.status == .answered else { return nil }
        return statusBefore == .answered ? self.case.answeredAt ?? at : at
    }
}

/// An agency's answer to a referral it holds, or screening taking it back.
public enum ReferralAction: Sendable, Hashable {
    case accept
    case answer(String)
    /// Not ours: back to screening, with the reason.
    case `return`(reason: String)
    /// Screening takes an open referral back, with the reason.
    case withdraw(reason: String)
}

/// An agency as a referral needs it: a deactivated agency takes no new referrals.
public struct AgencyRef: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var active: Bool

    public init(id: Int, name: String, active: Bool) {
        self.id = id
        self.name = name
        self.active = active
    }
}
