import Domain
import Storage

/// The audit log's "who and from where" for a change made through the current request.
extension AuditActor {
    /// A staff member acting through this request (API or page), at the request's client address.
    public static func request(_ staff: Staff) -> AuditActor {
        .staff(staff, address: RequestIdentity.current.remoteAddress)
    }

    /// Someone not (yet) signed in, at the request's client address.
    public static var anonymousRequest: AuditActor {
        .anonymous(address: RequestIdentity.current.remoteAddress)
    }
}
