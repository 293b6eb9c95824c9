import Domain
import Foundation
import PersianKit
import Storage

/// The use cases on a case: the one place each action checks who may do it (role, token, scope),
/// rate limits and idempotency before Storage applies it. The API handlers, the pages and the CLI
/// translate their input into these calls and the result back; none of them checks a rule itself.
public struct CaseWorkflow: Sendable {
    let cases: any CaseRepository
    let reference: any ReferenceRepository
    let gate: Gatekeeper

    public init(cases: any CaseRepository, reference: any ReferenceRepository, gatekeeper: Gatekeeper) {
        self.cases = cases
        self.reference = reference
        self.gate = gatekeeper
    }

    /// The business days the case's category gives an agency, and the time an answer is due by
    /// when the case is referred at once (`CaseRules.answerExpectedBy`): what a receipt promises.
    public func expectedAnswer(_ c: Case) async throws -> (days: Int, by: Date) {
        let category = try await reference.categories(includeInactive: true).first { $0.code == c.categoryCode }
        let days = category?.answerDays ?? Domain.Category.defaultAnswerDays
        return (days, CaseRules.answerExpectedBy(registeredAt: c.createdAt, answerDays: days, calendar: cases.calendar))
    }

    /// Where a letter still in screening stands against the answer its receipt promised.
    public func answerClock(registeredAt: Date, answerDays: Int) -> HopClock {
        HopClock(
            openUntil: CaseRules.answerExpectedBy(registeredAt: registeredAt, answerDays: answerDays, calendar: cases.calendar),
            now: gate.now(), calendar: cases.calendar)
    }

    /// Where a referral stands against its due date now, in the calendar its due date was set in.
    public func clock(_ referral: Referral) -> HopClock {
        HopClock(referral, now: gate.now(), calendar: cases.calendar)
    }
}

/// A staff member acting on cases, with their limited token's permissions when they came with one
/// (nil: a session, or a token that may do whatever the account may).
public struct StaffCaller: Sendable {
    public let staff: Staff
    public let tokenPermissions: Set<StaffAction>?

    public init(_ staff: Staff, tokenPermissions: Set<StaffAction>? = nil) {
        self.staff = staff
        self.tokenPermissions = tokenPermissions
    }

    var actor: Actor { .staff(staff) }

    /// Role and token check for one action.
    func require(_ action: StaffAction) throws {
        try AccessPolicy.require(staff, may: action, tokenPermissions: tokenPermissions)
    }
}
