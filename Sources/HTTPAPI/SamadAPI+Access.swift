import Domain
import Foundation
import PersianKit
import Storage

/// Who is asking and what they may see: the API's one gate, over `APIOperation.access` and `AccessPolicy`.
extension SamadAPI {
    /// Whoever the request's credentials name.
    enum Principal {
        case staff(Staff, permissions: Set<StaffAction>?)
        case citizen(MobileNumber)
        case anonymous
    }

    /// Resolves the bearer token or the session cookie. A write made with the cookie must echo the
    /// session's CSRF token; an unknown or expired cookie counts as no credentials.
    func principal() async throws -> Principal {
        let identity = RequestIdentity.current
        if let token = identity.bearerToken {
            guard let (staff, permissions) = try await auth.tokenPrincipal(token) else { throw DomainError.unauthenticated }
            return .staff(staff, permissions: permissions)
        }
        guard let session = try await currentSession() else { return .anonymous }
        if identity.isWrite, identity.csrfToken != session.csrfToken {
            throw DomainError(
                .forbidden, "csrf_invalid", fa: "برگه منقضی شده است؛ صفحه را دوباره بارگیری کنید.",
                en: "Missing or wrong CSRF token.")
        }
        switch session.kind {
        case .staff:
            guard let id = session.staffID, let staff = try await staffAccounts.staff(id: id), staff.active else {
                return .anonymous
            }
            return .staff(staff, permissions: nil)
        case .citizen:
            guard let raw = session.citizenMobile, let mobile = try? MobileNumber(parsing: raw) else { return .anonymous }
            return .citizen(mobile)
        }
    }

    /// The live session the cookie names, if any.
    func currentSession() async throws -> SessionRecord? {
        guard let id = RequestIdentity.current.sessionID else { return nil }
        return try await auth.session(idHash: SecretHash.sha256(id))
    }

    /// The staff member allowed to call `operation`, or 401 (no one signed in) / 403 (not allowed).
    func staff(for operation: APIOperation) async throws -> Staff {
        guard case .staff(let staff, let permissions) = try await principal() else { throw DomainError.unauthenticated }
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
        guard case .citizen(let mobile) = try await principal() else { throw DomainError.unauthenticated }
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
