import Domain
import Foundation
import Workflow
import PersianKit
import Storage

/// Staff sign-in, sign-out and password change, on server-side sessions (the `Gatekeeper` decides).
extension SamadAPI {
    func createSession(_ input: Operations.CreateSession.Input) async throws -> Operations.CreateSession.Output {
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let (staff, csrf) = try await gate.signIn(username: body.username, password: body.password, totp: body.totp)
        return .ok(.init(body: .json(.init(kind: .staff, csrfToken: csrf, staff: .init(staff)))))
    }

    func getSession(_ input: Operations.GetSession.Input) async throws -> Operations.GetSession.Output {
        guard let session = try await gate.currentSession() else { throw DomainError.unauthenticated }
        switch try await gate.principal() {
        case .staff(let staff, _):
            return .ok(.init(body: .json(.init(kind: .staff, csrfToken: session.csrfToken, staff: .init(staff)))))
        case .citizen(let mobile):
            return .ok(.init(body: .json(.init(kind: .citizen, csrfToken: session.csrfToken, mobile: mobile.masked))))
        case .anonymous:
            throw DomainError.unauthenticated
        }
    }

    func deleteSession(_ input: Operations.DeleteSession.Input) async throws -> Operations.DeleteSession.Output {
        // Resolving the principal checks the CSRF token: a foreign page cannot sign people out.
        _ = try await gate.principal()
        try await gate.signOut()
        return .noContent(.init())
    }

    func changePassword(_ input: Operations.ChangePassword.Input) async throws -> Operations.ChangePassword.Output {
        let staff = try await staff(for: .changePassword)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        try await gate.changePassword(staff, current: body.currentPassword, new: body.newPassword)
        return .noContent(.init())
    }
}

extension Components.Schemas.StaffView {
    init(_ s: Staff) {
        self.init(id: s.id, username: s.username, displayName: s.displayName, role: s.role.rawValue, roleLabel: s.role.nameFa, province: s.provinceCode, agencyId: s.agencyID)
    }
}
