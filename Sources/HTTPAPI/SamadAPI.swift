import Domain
import Foundation
import Hummingbird
import OpenAPIRuntime
import OpenAPIHummingbird
import PersianKit
import Storage

/// The JSON API of openapi.yaml, implemented over the repositories.
/// Every staff operation starts with `staff(may:)`, and every case it touches passes `visible(_:to:)`.
public struct SamadAPI: APIProtocol {
    let cases: any CaseRepository
    let reference: any ReferenceRepository
    let staffAccounts: any StaffRepository
    /// "sqlite" or "postgres", for /health.
    let databaseName: String
    /// Checks the database answers, for /health.
    let ping: @Sendable () async throws -> Void

    public init(
        cases: any CaseRepository, reference: any ReferenceRepository, staff: any StaffRepository, databaseName: String,
        ping: @escaping @Sendable () async throws -> Void
    ) {
        self.cases = cases
        self.reference = reference
        self.staffAccounts = staff
        self.databaseName = databaseName
        self.ping = ping
    }

    /// Registers every operation of openapi.yaml on the router.
    public func register(on router: Router<BasicRequestContext>) throws {
        try registerHandlers(on: router)
    }

    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        try await ping()
        return .ok(.init(body: .json(.init(status: "ok", database: databaseName))))
    }
}
