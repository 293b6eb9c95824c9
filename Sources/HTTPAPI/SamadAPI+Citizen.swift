import Domain
import Foundation
import PersianKit
import Storage
import Workflow

/// Citizens sign in with their mobile and a one-time SMS code, then see only their own cases.
extension SamadAPI {
    func requestCitizenCode(_ input: Operations.RequestCitizenCode.Input) async throws -> Operations.RequestCitizenCode.Output {
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        try await gate.requestCitizenCode(try Self.mobile(body.mobile))
        return .accepted(.init())
    }

    func createCitizenSession(_ input: Operations.CreateCitizenSession.Input) async throws -> Operations.CreateCitizenSession.Output {
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let mobile = try Self.mobile(body.mobile)
        let csrf = try await gate.signInCitizen(mobile, code: body.code)
        return .ok(.init(body: .json(.init(kind: .citizen, csrfToken: csrf, mobile: mobile.masked))))
    }

    func listMyCases(_ input: Operations.ListMyCases.Input) async throws -> Operations.ListMyCases.Output {
        let mobile = try await citizen(for: .listMyCases)
        let page = try await workflow.citizenCases(mobile, limit: input.query.limit ?? 50, cursor: input.query.cursor)
        return .ok(
            .init(body: .json(.init(items: page.details.map { Components.Schemas.TrackView($0, clock: workflow.clock) }, nextCursor: page.nextCursor))))
    }

    func revealCitizen(_ input: Operations.RevealCitizen.Input) async throws -> Operations.RevealCitizen.Output {
        let caller = try await staffCaller(for: .revealCitizen)
        let c = try await workflow.revealCitizen(try Self.trackingCode(input.path.trackingCode), by: caller).citizen
        return .ok(.init(body: .json(.init(name: c.fullName, nationalId: c.nationalID?.value, mobile: c.mobile.value))))
    }
}
