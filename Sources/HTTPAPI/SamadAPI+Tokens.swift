import Domain
import Foundation
import Storage

/// Integration tokens for agency systems and apps; admins manage those of staff in their scope.
extension SamadAPI {
    func listTokens(_ input: Operations.ListTokens.Input) async throws -> Operations.ListTokens.Output {
        let admin = try await staff(for: .listTokens)
        var visible: [TokenInfo] = []
        for token in try await auth.tokens(staffID: nil) where try await manages(admin, staffID: token.staffID) {
            visible.append(token)
        }
        return .ok(.init(body: .json(visible.map(Components.Schemas.TokenView.init))))
    }

    func createToken(_ input: Operations.CreateToken.Input) async throws -> Operations.CreateToken.Output {
        let (admin, own) = try await caller(for: .createToken)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        try InputLimits.check(body.username, field: "username", fa: "نام کاربری", max: InputLimits.maxUsername)
        let permissions = body.permissions.map { Set($0.compactMap { StaffAction(rawValue: $0.rawValue) }) }
        // A limited token issues only tokens within its own limits; an unlimited one would be an escape.
        if let own, !(permissions.map { $0.isSubset(of: own) } ?? false) { throw DomainError.tokenExceedsIssuer }
        guard let owner = try await staffAccounts.staff(username: body.username.lowercased()), try await manages(admin, staffID: owner.id)
        else { throw DomainError.notFound("staff", fa: "کاربر") }
        let label = try TextInput.optional(body.label, field: "label", fa: "برچسب", max: TextInput.maxLabel)
        let token = try await auth.issueToken(staffID: owner.id, label: label, permissions: permissions, by: .request(admin))
        // The newest of the owner's tokens is the one just issued (ids grow); none would be a storage fault.
        guard let info = try await auth.tokens(staffID: owner.id).last else { throw StorageError.noRow }
        return .created(.init(body: .json(.init(token: token, info: .init(info)))))
    }

    func revokeToken(_ input: Operations.RevokeToken.Input) async throws -> Operations.RevokeToken.Output {
        let admin = try await staff(for: .revokeToken)
        guard let existing = try await auth.tokens(staffID: nil).first(where: { $0.id == input.path.tokenId }),
            try await manages(admin, staffID: existing.staffID), let revoked = try await auth.revokeToken(id: existing.id, by: .request(admin))
        else { throw DomainError.notFound("token", fa: "توکن") }
        return .ok(.init(body: .json(.init(revoked))))
    }

    func manages(_ admin: Staff, staffID: Int) async throws -> Bool {
        guard let owner = try await staffAccounts.staff(id: staffID) else { return false }
        return AccessPolicy.manages(admin, account: owner)
    }
}

extension Components.Schemas.TokenView {
    init(_ t: TokenInfo) {
        self.init(
            id: t.id, username: t.username, label: t.label, permissions: t.permissions.map { $0.map(\.rawValue).sorted() },
            createdAt: t.createdAt, lastUsedAt: t.lastUsedAt, revokedAt: t.revokedAt)
    }
}
