import Domain
import Foundation
import PersianKit
import Storage
import Workflow

/// Who is asking and what they may see: the API's one gate, over `APIOperation.access` and `AccessPolicy`.
extension SamadAPI {
    /// The staff member allowed to call `operation`, or 401 (no one signed in) / 403 (not allowed).
    func staff(for operation: APIOperation) async throws -> Staff {
        try await caller(for: operation).staff
    }

    /// The staff member allowed to call `operation` and, when they came with a limited token, its
    /// permissions (nil: a session, or a token that may do everything the account may).
    func caller(for operation: APIOperation) async throws -> (staff: Staff, permissions: Set<StaffAction>?) {
        guard case .staff(let staff, let permissions) = try await gate.principal() else { throw DomainError.unauthenticated }
        // A session signed in with a password someone else set may only change it (tokens are not sessions).
        if operation.access != .anyStaff, RequestIdentity.current.bearerToken == nil,
            try await gate.currentSession()?.mustChangePassword == true
        {
            throw DomainError.passwordChangeRequired
        }
        switch operation.access {
        case .staff(let action):
            try AccessPolicy.require(staff, may: action, tokenPermissions: permissions)
        case .anyStaff:
            guard staff.active else { throw DomainError.forbidden }
            // The account's own affairs (its password) are not among a limited token's actions.
            if permissions != nil { throw DomainError.forbidden }
        case .open, .citizen:
            throw DomainError.forbidden
        }
        return (staff, permissions)
    }

    /// The signed-in citizen, for `.citizen` operations.
    func citizen(for operation: APIOperation) async throws -> MobileNumber {
        precondition(operation.access == .citizen)
        guard case .citizen(let mobile) = try await gate.principal() else { throw DomainError.unauthenticated }
        return mobile
    }

    /// The staff member allowed to call `operation`, as the use cases take them.
    func staffCaller(for operation: APIOperation) async throws -> StaffCaller {
        let (staff, permissions) = try await caller(for: operation)
        return StaffCaller(staff, tokenPermissions: permissions)
    }

    /// The case, if `caller` may see it; otherwise the same 404 as a case that does not exist.
    func visible(_ rawCode: String, to caller: StaffCaller) async throws -> CaseDetail {
        try await workflow.visibleCase(try Self.trackingCode(rawCode), to: caller)
    }

    /// Tracking codes are checked (length, check digit) before any database look-up.
    /// The API takes digits only (ASCII, Persian or Arabic-Indic), as openapi.yaml's pattern says;
    /// the pages also accept the grouped form people copy from an SMS.
    static func trackingCode(_ raw: String) throws -> TrackingCode {
        let digits: [ClosedRange<UInt32>] = [0x30...0x39, 0x06F0...0x06F9, 0x0660...0x0669]
        let digit = { (u: Unicode.Scalar) in digits.contains { $0.contains(u.value) } }
        guard raw.utf8.count <= InputLimits.maxIdentifier, raw.unicodeScalars.allSatisfy(digit) else {
            throw DomainError(IdentifierError.notDigits(.trackingCode), field: "trackingCode")
        }
        do {
            return try TrackingCode(parsing: raw)
        } catch IdentifierError.badCheckDigit, IdentifierError.leadingZero {
            // Well-formed (the spec's 11 digits) but never issued: no such case, exactly like a missing one.
            throw DomainError.caseNotFound
        } catch {
            throw DomainError(error, field: "trackingCode")
        }
    }
}
