import Domain
import Foundation
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime
import PersianKit
import Storage
import Workflow

/// The JSON API of openapi.yaml, implemented over the repositories.
/// Every handler starts by authorising its `Operation`, and every case it touches passes `visible(_:to:)`.
public struct SamadAPI: APIProtocol {
    /// What the API needs from the rest of Samad.
    public struct Dependencies: Sendable {
        public var cases: any CaseRepository
        public var reference: any ReferenceRepository
        public var staff: any StaffRepository
        public var auth: any AuthRepository
        /// The SMS outbox, for the operator's retry.
        public var outbox: any NotificationRepository
        /// "sqlite" or "postgres", for /health.
        public var databaseName: String
        /// Checks the database answers, for /health.
        public var ping: @Sendable () async throws -> Void
        /// Sign-in, sessions and rate limits, shared with the pages.
        public var gatekeeper: Gatekeeper

        public init(
            cases: any CaseRepository, reference: any ReferenceRepository, staff: any StaffRepository,
            auth: any AuthRepository, outbox: any NotificationRepository, databaseName: String,
            ping: @escaping @Sendable () async throws -> Void, gatekeeper: Gatekeeper
        ) {
            self.outbox = outbox
            self.cases = cases
            self.reference = reference
            self.staff = staff
            self.auth = auth
            self.databaseName = databaseName
            self.ping = ping
            self.gatekeeper = gatekeeper
        }
    }

    let deps: Dependencies
    var gate: Gatekeeper { deps.gatekeeper }
    /// The use cases every write on a case goes through.
    var workflow: CaseWorkflow { CaseWorkflow(cases: deps.cases, reference: deps.reference, gatekeeper: deps.gatekeeper) }

    var cases: any CaseRepository { deps.cases }
    var reference: any ReferenceRepository { deps.reference }
    var staffAccounts: any StaffRepository { deps.staff }
    var auth: any AuthRepository { deps.auth }
    var outbox: any NotificationRepository { deps.outbox }

    public init(_ dependencies: Dependencies) {
        deps = dependencies
    }

    /// Registers every operation of openapi.yaml on the router.
    public func register(on router: Router<SamadRequestContext>) throws {
        try registerHandlers(
            on: router, configuration: .init(dateTranscoder: RFC3339DateTranscoder()), middlewares: [RequestBodyMiddleware()])
    }

    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        try await deps.ping()
        return .ok(.init(body: .json(.init(status: "ok", database: deps.databaseName))))
    }

    /// Counts a hit against a rate-limit rule for `key`.
    func limit(_ bucket: String, _ key: String, _ rule: RateLimiter.Rule) async throws {
        try await gate.limit(bucket, key, rule)
    }
}
