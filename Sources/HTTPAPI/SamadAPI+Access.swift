import Domain
import Foundation
import PersianKit
import Storage

/// Who is asking and what they may see: the API's one gate, over `APIOperation.access` and `AccessPolicy`.
extension SamadAPI {
    /// The staff member allowed to call `operation`, or 401 (no one signed in) / 403 (not allowed).
    func staff(for operation: APIOperation) async throws -> Staff {
        guard case .staff(let staff, let permissions) = try await gate.principal() else { throw DomainError.unauthenticated }
        switch operation.access {
        case .staff(let action):
            try AccessPolicy.require(staff, may: action, tokenPermissions: permissions)
        case .anyStaff:
            guard staff.active else { throw DomainError.forbidden }
        case .open, .citizen:
            throw DomainError.forbidden
        }
        return staff
    }

    /// The signed-in citizen, for `.citizen` operations.
    func citizen(for operation: APIOperation) async throws -> MobileNumber {
        precondition(operation.access == .citizen)
        guard case .citizen(let mobile) = try await gate.principal() else { throw DomainError.unauthenticated }
        return mobile
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
