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
            try InputLimits.check(key, field: "idempotencyKey", fa: "کلید تکرار", max: InputLimits.maxSecret)
        }
        return try await cases.register(draft, actor: caller.actor, idempotencyKey: idempotencyKey)
    }

    /// The case an earlier registration with this key created, if `caller` may see it.
    public func registered(idempotencyKey: String, by caller: StaffCaller) async throws -> CaseDetail? {
        try caller.require(.registerCase)
        return try await cases.registered(idempotencyKey: idempotencyKey, actor: caller.actor)
            .flatMap { Self.canSee($0, caller.staff) ? $0 : nil }
    }

    /// A citizen's letter from the public form, within the limits per address and per mobile; the
    /// same form sent again is its first letter, not a new one to count.
    public func registerLetter(_ draft: CaseDraft, idempotencyKey: String?) async throws -> Registration {
        if let key = idempotencyKey {
            try InputLimits.check(key, field: "idempotencyKey", fa: "کلید تکرار", max: InputLimits.maxSecret)
            if let earlier = try await cases.registered(idempotencyKey: key, actor: .system) {
                return Registration(detail: earlier, created: false)
            }
        }
        try await gate.limit("letter-address", RequestIdentity.current.remoteAddress, RateLimits.letterPerAddress)
        try await gate.limit("letter-mobile", draft.citizen.mobile.value, RateLimits.letterPerMobile)
        return try await cases.register(draft, actor: .system, idempotencyKey: idempotencyKey)
    }

    static let outOfScope = DomainError(
        .forbidden, "out_of_scope", fa: "ثبت نامه برای این استان در حدود دسترسی شما نیست.",
        en: "Registering cases for this province is outside your scope.", field: "citizen.province")
}
