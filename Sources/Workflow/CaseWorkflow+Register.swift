import Domain
import Foundation
import PersianKit
import Storage

/// Registration: by staff (the operator console, the API) and by citizens (the public letter form).
extension CaseWorkflow {
    /// A staff member registers a letter for a citizen of their province. The same idempotency key
    /// again answers with the case it first created (`created` false).
    public func register(_ draft: CaseDraft, idempotencyKey: String?, by caller: StaffCaller) async throws -> Registration {
        try caller.require(.registerCase)
        guard AccessPolicy.covers(caller.staff, province: draft.citizen.provinceCode) else { throw Self.outOfScope }
        if let key = idempotencyKey {
            try InputLimits.checkIdempotencyKey(key)
        }
        return try await cases.register(draft, actor: caller.actor, idempotencyKey: idempotencyKey)
    }

    /// The case an earlier registration with this key created, if `caller` may see it.
    public func registered(idempotencyKey: String, by caller: StaffCaller) async throws -> CaseDetail? {
        try caller.require(.registerCase)
        return try await cases.registered(idempotencyKey: idempotencyKey, actor: caller.actor)
            .flatMap { Self.canSee($0, caller.staff) ? $0 : nil }
    }

    /// How a letter's sender shows the mobile is theirs: SMS 1 goes only to a proven mobile.
    public enum MobileProof: Sendable {
        /// A citizen signed in with this mobile (by an SMS code).
        case signedIn(MobileNumber)
        /// The sign-in code just sent to the letter's mobile; a right code also signs the sender in.
        case code(String)
    }

    /// A citizen's letter from the public form, from a proven mobile and within the limits per
    /// address and per mobile. The same form sent again is its first letter, not a new one to count
    /// (its key is known only to the page that sent it), so it needs no second code.
    public func registerLetter(_ draft: CaseDraft, proof: MobileProof, idempotencyKey: String?) async throws -> Registration {
        if let key = idempotencyKey {
            try InputLimits.checkIdempotencyKey(key)
            if let earlier = try await cases.registered(idempotencyKey: key, actor: .system) {
                return Registration(detail: earlier, created: false)
            }
        }
        switch proof {
        case .signedIn(let mobile):
            guard mobile == draft.citizen.mobile else { throw DomainError.unauthenticated }
        case .code(let code):
            _ = try await gate.signInCitizen(draft.citizen.mobile, code: code)
        }
        try await gate.limit("letter-address", RequestIdentity.current.remoteAddress, RateLimits.letterPerAddress)
        try await gate.limit("letter-mobile", draft.citizen.mobile.value, RateLimits.letterPerMobile)
        return try await cases.register(draft, actor: .system, idempotencyKey: idempotencyKey)
    }

    static let outOfScope = DomainError(
        .forbidden, "out_of_scope", fa: "ثبت نامه برای این استان در حدود دسترسی شما نیست.",
        en: "Registering cases for this province is outside your scope.", field: "citizen.province")
}
