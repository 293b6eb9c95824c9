import Domain
import Foundation
import PersianKit
import Storage

/// Who is asking and what they may see: the API's one gate, over `AccessPolicy`.
extension SamadAPI {
    /// The signed-in staff member allowed to perform `action`, or 401/403.
    func staff(may action: StaffAction) async throws -> Staff {
        guard let token = RequestIdentity.current.bearerToken,
            let staff = try await staffAccounts.staff(forToken: token)
        else { throw DomainError.unauthenticated }
        try AccessPolicy.require(staff, may: action)
        return staff
    }

    /// The case, if `staff` may see it; otherwise the same 404 as a case that does not exist.
    func visible(_ rawCode: String, to staff: Staff) async throws -> CaseDetail {
        let code = try Self.trackingCode(rawCode)
        guard let detail = try await cases.detail(code), Self.canSee(detail, staff) else {
            throw DomainError.caseNotFound
        }
        return detail
    }

    /// The referral's case, if `staff` may act on that referral.
    func handleable(referral id: Int, by staff: Staff) async throws -> CaseDetail {
        guard let detail = try await cases.detail(referralID: id),
            let referral = detail.referrals.first(where: { $0.id == id }),
            AccessPolicy.canHandle(staff, referralAgencyID: referral.agencyID, caseProvince: detail.case.provinceCode)
        else { throw DomainError.notFound("referral", fa: "ارجاع") }
        return detail
    }

    static func canSee(_ detail: CaseDetail, _ staff: Staff) -> Bool {
        AccessPolicy.canSee(staff, caseProvince: detail.case.provinceCode, referredAgencyIDs: detail.referrals.map(\.agencyID))
    }

    /// Tracking codes are checked (length, check digit) before any database look-up.
    static func trackingCode(_ raw: String) throws -> TrackingCode {
        do { return try TrackingCode(parsing: raw) } catch { throw DomainError(error, field: "trackingCode") }
    }
}
