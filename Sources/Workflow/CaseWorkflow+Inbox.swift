import Domain
import Foundation
import PersianKit
import Storage

/// Where an open referral stands against its due date, as an inbox filters by it.
public enum InboxDue: String, CaseIterable, Sendable {
    /// Past its due date.
    case overdue
    /// Due today or on the next business day (`HopClock.State.dueSoon`).
    case soon
    /// More than a business day left.
    case later
}

/// What a liaison asks their inbox for: the open referrals of one status, due window and category.
public struct InboxRequest: Sendable {
    public var status: ReferralStatus?
    public var due: InboxDue?
    public var categoryCode: String?
    public var limit: Int
    public var cursor: String?

    public init(status: ReferralStatus? = nil, due: InboxDue? = nil, categoryCode: String? = nil, limit: Int = 50, cursor: String? = nil) {
        self.status = status
        self.due = due
        self.categoryCode = categoryCode
        self.limit = limit
        self.cursor = cursor
    }
}

/// The inbox as its owner sees it: one page of entries and the counts of the whole inbox.
public struct InboxView: Sendable {
    public let page: InboxPage
    public let counts: InboxCounts
    /// The liaison's agency (nil for an admin, who sees every agency of their scope).
    public let agencyID: Int?
}

/// What a batch accept did: the referrals accepted, and each one refused with why.
public struct BatchAcceptResult: Sendable {
    public var accepted: [CaseDetail] = []
    public var refused: [(referralID: Int, error: DomainError)] = []
}

extension CaseWorkflow {
    /// The most referrals one batch accept takes (a page of the inbox, with room to spare).
    public static let batchAcceptLimit = 200

    /// The caller's inbox: a liaison's agency's open referrals (an admin's: every agency of their
    /// province, or of the country), narrowed by status, due window and category, soonest due first.
    public func inbox(_ request: InboxRequest, by caller: StaffCaller) async throws -> InboxView {
        try caller.require(.handleReferral)
        let staff = caller.staff
        let agencyID = staff.role == .liaison ? staff.agencyID : nil
        let scope = staff.role == .liaison ? nil : staff.provinceCode
        guard request.status.map({ [.pending, .accepted].contains($0) }) ?? true else {
            throw DomainError.unknown("status", fa: "وضعیت ارجاع باز")
        }
        let now = gate.now()
        let soonUntil = HopClock.dueSoonUntil(now: now, calendar: cases.calendar)
        var refine = InboxRefinement(status: request.status, categoryCode: request.categoryCode)
        switch request.due {
        case .overdue: refine.dueBefore = now
        case .soon: (refine.dueFrom, refine.dueBefore) = (now, soonUntil)
        case .later: refine.dueFrom = soonUntil
        case nil: break
        }
        let page = try await cases.inbox(
            agencyID: agencyID, openOnly: true, scopeProvince: scope, refine: refine, limit: request.limit, cursor: request.cursor)
        let counts = try await cases.inboxCounts(agencyID: agencyID, scopeProvince: scope, refine: refine, now: now, soonUntil: soonUntil)
        return InboxView(page: page, counts: counts, agencyID: agencyID)
    }

    /// Accepts several referrals at once (the inbox's «پذیرش گروهی»), each through `acceptReferral`
    /// with its own checks and transaction: one the caller may not handle, or one already accepted,
    /// is refused alone and the rest go on.
    public func acceptReferrals(_ referralIDs: [Int], by caller: StaffCaller) async throws -> BatchAcceptResult {
        try caller.require(.handleReferral)
        var seen = Set<Int>()
        let ids = referralIDs.filter { seen.insert($0).inserted }
        guard !ids.isEmpty else {
            throw DomainError(.invalid, "referrals_required", fa: "دست‌کم یک ارجاع را برگزینید.", en: "Choose at least one referral.", field: "referral")
        }
        guard ids.count <= Self.batchAcceptLimit else {
            throw DomainError(
                .invalid, "too_many_referrals", fa: "در هر بار حداکثر \(PersianDigits.toPersian(String(Self.batchAcceptLimit))) ارجاع را می‌توان پذیرفت.",
                en: "At most \(Self.batchAcceptLimit) referrals can be accepted at once.", field: "referral")
        }
        var result = BatchAcceptResult()
        for id in ids {
            do {
                result.accepted.append(try await acceptReferral(id, by: caller))
            } catch let error as DomainError where error.kind != .unavailable {
                result.refused.append((id, error))
            }
        }
        return result
    }
}
