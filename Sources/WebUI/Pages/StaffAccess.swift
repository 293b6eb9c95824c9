import Domain
import Foundation
import HTTPAPI
import Hummingbird
import Storage

/// Staff pages run as the signed-in staff member; writes carry the form's CSRF token.
extension WebUI {
    /// The signed-in staff member and the session's CSRF token (for the forms they will see).
    func signedInStaff(may action: StaffAction? = nil, csrf: String? = nil) async throws -> (Staff, csrf: String) {
        guard case .staff(let staff, _) = try await gate.principal(csrf: csrf), let session = try await gate.currentSession() else {
            throw DomainError.unauthenticated
        }
        if let action { try AccessPolicy.require(staff, may: action) }
        return (staff, session.csrfToken)
    }

    /// The case if this staff member may see it; else the same 404 as a missing case.
    func visibleCase(_ raw: String, to staff: Staff) async throws -> CaseDetail {
        let code: TrackingCode
        do { code = try TrackingCode(parsing: raw) } catch { throw DomainError.caseNotFound }
        guard let detail = try await cases.detail(code),
            AccessPolicy.canSee(staff, caseProvince: detail.case.provinceCode, referredAgencyIDs: detail.referrals.map(\.agencyID))
        else { throw DomainError.caseNotFound }
        return detail
    }
}

import PersianKit
