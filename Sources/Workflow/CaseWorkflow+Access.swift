import Domain
import Foundation
import PersianKit
import Storage

/// What a staff member may see: a case outside their scope is the same 404 as a missing one.
extension CaseWorkflow {
    /// The case, if `caller` may see it.
    public func visibleCase(_ code: TrackingCode, to caller: StaffCaller) async throws -> CaseDetail {
        guard let detail = try await cases.detail(code), Self.canSee(detail, caller.staff) else {
            throw DomainError.caseNotFound
        }
        return detail
    }

    /// The referral's case, if `caller` may see it (screening's view of a referral).
    func caseOfVisibleReferral(_ id: Int, to caller: StaffCaller) async throws -> CaseDetail {
        guard let detail = try await cases.detail(referralID: id), Self.canSee(detail, caller.staff) else {
            throw DomainError.referralNotFound
        }
        return detail
    }

    /// The referral's case, if `caller` may act on that referral (its agency's liaison, an admin in scope).
    func caseOfHandleableReferral(_ id: Int, by caller: StaffCaller) async throws -> CaseDetail {
        guard let detail = try await cases.detail(referralID: id),
            let referral = detail.referrals.first(where: { $0.id == id }),
            AccessPolicy.canHandle(caller.staff, referralAgencyID: referral.agencyID, caseProvince: detail.case.provinceCode)
        else { throw DomainError.referralNotFound }
        return detail
    }

    public static func canSee(_ detail: CaseDetail, _ staff: Staff) -> Bool {
        AccessPolicy.canSee(staff, caseProvince: detail.case.provinceCode, referredAgencyIDs: detail.referrals.map(\.agencyID))
    }
}
