import Domain
import Foundation
import PersianKit
import Workflow
import Hummingbird
import Storage

/// Staff pages run as the signed-in staff member; writes carry the form's CSRF token.
extension WebUI {
    /// The signed-in staff member and the session's CSRF token (for the forms they will see).
    /// `firstPassword`: the page is the password change itself, open to a session whose password
    /// someone else set (every other staff page sends it there first).
    func signedInStaff(may action: StaffAction? = nil, csrf: String? = nil, firstPassword: Bool = false) async throws -> (Staff, csrf: String) {
        guard case .staff(let staff, _) = try await gate.principal(csrf: csrf), let session = try await gate.currentSession() else {
            throw DomainError.unauthenticated
        }
        if session.mustChangePassword, !firstPassword { throw DomainError.passwordChangeRequired }
        if let action { try AccessPolicy.require(staff, may: action) }
        return (staff, session.csrfToken)
    }

    /// The case if this staff member may see it; else the same 404 as a missing case.
    func visibleCase(_ raw: String, to staff: Staff) async throws -> CaseDetail {
        try await workflow.visibleCase(try Self.pageTrackingCode(raw), to: StaffCaller(staff))
    }

    /// A tracking code typed or linked on a page: digits or the grouped form people copy from an
    /// SMS; one that does not parse is the same 404 as a missing case.
    static func pageTrackingCode(_ raw: String) throws -> TrackingCode {
        do { return try TrackingCode(parsing: raw) } catch { throw DomainError.caseNotFound }
    }
}
