import Domain
import Foundation

/// Who did something the audit log records, and from where. Built at the door (a request, the
/// command line) and handed to the repository with the change, so the row is written in the
/// change's own transaction whichever door it came through.
public struct AuditActor: Sendable, Hashable {
    /// "staff", "citizen", "cli", "system" or "anonymous".
    public var kind: String
    public var id: Int?
    public var name: String
    /// The client's address (as `RequestIdentity` decided it), when the change came over HTTP.
    public var address: String?

    public init(kind: String, id: Int?, name: String, address: String?) {
        self.kind = kind
        self.id = id
        self.name = name
        self.address = address
    }

    public static func staff(_ staff: Staff, address: String?) -> AuditActor {
        AuditActor(kind: "staff", id: staff.id, name: staff.username, address: address)
    }

    /// Someone who has not signed in (a failed sign-in, a citizen's sign-in code).
    public static func anonymous(address: String?) -> AuditActor {
        AuditActor(kind: "anonymous", id: nil, name: "-", address: address)
    }

    /// An operator of the server at its command line (`samad staff …`, `samad citizen erase`),
    /// named by the login that ran it.
    public static var commandLine: AuditActor {
        let user = ProcessInfo.processInfo.environment["SUDO_USER"] ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        return AuditActor(kind: "cli", id: nil, name: user, address: nil)
    }

    /// Samad itself (demo seeding, test fixtures, scheduled work).
    public static let system = AuditActor(kind: "system", id: nil, name: "samad", address: nil)
}

/// What the audit log records: staff accounts, tokens, reference data, sign-ins and erasures.
public enum AuditAction: String, Sendable, CaseIterable {
    case staffCreated, staffActivated, staffDeactivated
    case passwordSet, passwordReset, passwordChanged
    case secondFactorSet, secondFactorRemoved
    case tokenIssued, tokenRevoked
    case agencyCreated, agencyUpdated, agencyDeactivated, categorySaved, replyTemplateSaved
    case signedIn, signInFailed, citizenSignedIn
    case personalDataErased
}

/// What an audited action was done to.
public struct AuditTarget: Sendable, Hashable {
    /// "staff", "token", "agency", "category", "replyTemplate", "citizen", "mobile".
    public var kind: String
    public var id: Int?
    /// A name to read it by (username, token label, agency name, category code, masked mobile).
    public var name: String?

    public init(kind: String, id: Int?, name: String?) {
        self.kind = kind
        self.id = id
        self.name = name
    }

    public static func staff(id: Int, username: String?) -> AuditTarget { .init(kind: "staff", id: id, name: username) }
}

/// One row of the audit log, as read back.
public struct AuditRecord: Sendable, Hashable {
    public let id: Int
    public let at: Date
    public let actor: AuditActor
    public let action: AuditAction
    public let target: AuditTarget?
    public let detail: String?
}
