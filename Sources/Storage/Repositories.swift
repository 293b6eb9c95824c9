import Domain
import Foundation
import PersianKit

/// Provinces, counties, agencies and categories.
public protocol ReferenceRepository: Sendable {
    func provinces() async throws -> [Province]
    func counties(province: String?) async throws -> [County]
    func agencies(province: String?, kind: AgencyKind?, includeInactive: Bool) async throws -> [Agency]
    func agency(id: Int) async throws -> Agency?
    func createAgency(_ draft: AgencyDraft, by actor: AuditActor) async throws -> Agency
    func updateAgency(id: Int, _ draft: AgencyDraft, by actor: AuditActor) async throws -> Agency
    func categories(includeInactive: Bool) async throws -> [Domain.Category]
    func saveCategory(_ category: Domain.Category, by actor: AuditActor) async throws -> Domain.Category
    /// Loads the 31 provinces, their governorates and the categories; does nothing if already there.
    func seedReferenceData() async throws
    /// The ready answers of a province and the national ones (`province` nil: every one), by title.
    func replyTemplates(province: String?, includeInactive: Bool) async throws -> [ReplyTemplate]
    func replyTemplate(id: Int) async throws -> ReplyTemplate?
    /// Adds a ready answer (`id` nil) or replaces one; written to the audit log.
    func saveReplyTemplate(id: Int?, _ draft: ReplyTemplateDraft, by actor: AuditActor) async throws -> ReplyTemplate
}

/// Staff accounts and API tokens.
public protocol StaffRepository: Sendable {
    func createStaff(_ draft: StaffDraft, by actor: AuditActor) async throws -> Staff
    /// Issues a new token and returns it; only its hash is stored.
    func issueToken(staffID: Int, label: String?, by actor: AuditActor) async throws -> String
    func staff(username: String) async throws -> Staff?
    func staff(id: Int) async throws -> Staff?
    /// Every account, or those of one province (`province` non-nil), by username, with sign-in state.
    func staffAccounts(province: String?) async throws -> [StaffAccount]
}

/// Cases, their referrals and history. Every write checks its transition and writes its events
/// and notifications in the same transaction.
public protocol CaseRepository: Sendable {
    /// The business days its due dates are counted in.
    var calendar: BusinessCalendar { get }
    func register(_ draft: CaseDraft, actor: Actor, idempotencyKey: String?) async throws -> Registration
    func detail(_ code: TrackingCode) async throws -> CaseDetail?
    /// The case an earlier registration with this idempotency key created, if any.
    func registered(idempotencyKey: String, actor: Actor) async throws -> CaseDetail?
    func detail(referralID: Int) async throws -> CaseDetail?
    func list(_ query: CaseQuery) async throws -> CasePage
    /// How many cases match `query` in all, its cursor and limit aside.
    func count(_ query: CaseQuery) async throws -> Int
    /// The period report of the cases registered in `period`, nationally (nil) or for one province.
    func report(_ period: JalaliPeriod, provinceCode: String?) async throws -> CaseReport
    /// Cases registered in one Jalali month, counted per province and category (the open data's cube).
    func monthCounts(_ month: JalaliPeriod) async throws -> [MonthCount]
    /// Every referral made in `period` (nationally or in one province), for the league table.
    func leagueReferrals(_ period: JalaliPeriod, provinceCode: String?) async throws -> [LeagueReferral]
    /// An agency's referrals, soonest due first, one keyset page (`cursor` from the page before);
    /// `scopeProvince` limits an admin to a province; `refine` narrows it (status, due window, category).
    func inbox(
        agencyID: Int?, openOnly: Bool, scopeProvince: String?, refine: InboxRefinement, limit: Int, cursor: String?
    ) async throws -> InboxPage
    /// The open referrals of that inbox counted: all, pending, past due (due before `now`), due soon
    /// (`now` ≤ due < `soonUntil`), and those `refine` lets through; one pass over the agency's index.
    func inboxCounts(
        agencyID: Int?, scopeProvince: String?, refine: InboxRefinement, now: Date, soonUntil: Date
    ) async throws -> InboxCounts
    /// Open referrals escalated to `minLevel` or above, of every agency (of one province when
    /// `scopeProvince` is set), most overdue first, one keyset page.
    func overdue(minLevel: Int, scopeProvince: String?, limit: Int, cursor: String?) async throws -> InboxPage
    func answerDirectly(_ code: TrackingCode, answer: String, actor: Actor, expectedVersion: Int?) async throws -> CaseDetail
    func refer(_ code: TrackingCode, to agencyIDs: [Int], note: String?, actor: Actor, expectedVersion: Int?) async throws -> CaseDetail
    func merge(_ code: TrackingCode, into target: TrackingCode, actor: Actor) async throws -> CaseDetail
    func close(_ code: TrackingCode, note: String?, actor: Actor) async throws -> CaseDetail
    func acceptReferral(_ referralID: Int, actor: Actor) async throws -> CaseDetail
    func answerReferral(_ referralID: Int, answer: String, actor: Actor) async throws -> CaseDetail
    func returnReferral(_ referralID: Int, reason: String, actor: Actor) async throws -> CaseDetail
    /// The inspection office records what it did about a referral in its queue.
    func recordInspection(_ referralID: Int, action: String, actor: Actor) async throws -> CaseDetail
    /// Open cases registered before `cutoff`, by province and by the agency holding them.
    func unanswered(before cutoff: Date, days: Int, scopeProvince: String?) async throws -> UnansweredOversight
    /// One agency's open, late and escalated referrals now (of one province when `scopeProvince` is set).
    func agencyLoad(agencyID: Int, scopeProvince: String?) async throws -> AgencyLoad
    /// Every referral that reached the inspection queue (level 2), open or not, latest due first.
    func breaches(scopeProvince: String?, limit: Int, cursor: String?) async throws -> InboxPage
    /// The agency records a call to the citizen about its referral.
    func recordCallBack(_ referralID: Int, outcome: CallOutcome, calledAt: Date?, note: String?, actor: Actor) async throws -> CaseDetail
    /// Screening takes an open referral back; reason required.
    func withdrawReferral(_ referralID: Int, reason: String, actor: Actor) async throws -> CaseDetail
    /// `issuer` directs the agency to act on the case by `due`, with `text` (`CaseRules.issueDirective`).
    func issueDirective(_ code: TrackingCode, to agencyID: Int, text: String, due: DirectiveDue, issuer: Staff) async throws -> CaseDetail
    /// Directives of one issuer (or all), of one province when `scopeProvince` is set, latest due
    /// first, one keyset page.
    func directives(issuerID: Int?, openOnly: Bool, scopeProvince: String?, limit: Int, cursor: String?) async throws -> InboxPage
    /// Every directive of the scope, for the tally per official.
    func directiveRecords(scopeProvince: String?) async throws -> [Referral]
    /// A known citizen by national ID (or else mobile) and their latest cases, for the operator console.
    func citizenHistory(nationalID: NationalID?, mobile: MobileNumber?, limit: Int) async throws -> (Citizen, [CaseSummary])?
    /// A citizen's cases by the mobile they signed in with, newest first, one keyset page.
    func details(forMobile mobile: MobileNumber, limit: Int, cursor: String?) async throws -> CitizenCasesPage
    /// Writes to the case's history that `actor` saw the citizen's full identity.
    func recordPersonalDataView(caseID: Int, actor: Actor) async throws
    /// The citizen's objection to the answer (`CaseRules.object`); the mobile must be the case's.
    func object(_ code: TrackingCode, mobile: MobileNumber, text: String) async throws -> CaseDetail
    /// The inspection office's decision on a reopened case's appeal (`CaseRules.decideAppeal`).
    func decideAppeal(_ code: TrackingCode, outcome: AppealOutcome, reasons: String, actor: Actor) async throws -> CaseDetail
    /// The citizen's rating; the mobile must be the case's.
    func rate(_ code: TrackingCode, mobile: MobileNumber, rating: Int, comment: String?) async throws -> CaseDetail
}

/// The SMS outbox, as the dispatcher sees it.
public protocol NotificationRepository: Sendable {
    /// Claims up to `limit` due notifications for `lease`, so no other dispatcher sends them meanwhile.
    func claimDue(limit: Int, lease: Duration) async throws -> [OutboundSMS]
    /// Records one delivery attempt; `retryAt` nil with `ok` false gives up.
    func recordAttempt(_ id: Int, ok: Bool, detail: String?, retryAt: Date?) async throws
    /// Hands claimed messages back unsent, for the next claim to take (a batch stopped early).
    func release(_ ids: [Int]) async throws
    /// Gives up on a message that is worthless now (a sign-in code past its expiry), without sending it.
    func recordExpired(_ id: Int) async throws
    /// Puts a sign-in code in the outbox, to expire with the code (`challengeID`'s own expiry).
    func enqueueSignInCode(challengeID: Int, mobile: MobileNumber, text: String) async throws -> Int
    func notifications(caseID: Int) async throws -> [OutboundSMS]
    func notification(id: Int) async throws -> OutboundSMS?
    /// What waits and what failed, in one province or (nil) the whole country.
    func outboxBacklog(province: String?) async throws -> OutboxBacklog
    /// The messages that gave up, newest first, in one province or (nil) the whole country.
    func failedNotifications(province: String?, limit: Int) async throws -> [OutboxEntry]
    /// One message as the outbox page shows it.
    func outboxEntry(id: Int) async throws -> OutboxEntry?
    /// Puts a failed message back in the outbox for one more attempt now; false when it is no longer
    /// failed (someone else retried it) or its text is gone (a sign-in code).
    func retryFailed(_ id: Int) async throws -> Bool
}

/// Passwords, sessions, one-time codes and integration tokens.
public protocol AuthRepository: Sendable {
    /// The account behind a username with what sign-in needs to check.
    func credentials(username: String) async throws -> StaffCredentials?
    /// Sets the password; `mustChange` marks one set by someone else, for its owner to change first.
    func setPassword(staffID: Int, hash: String, action: AuditAction, mustChange: Bool, by actor: AuditActor) async throws
    /// Counts a failed sign-in; locks the account until `lockUntil` when given.
    func recordFailedLogin(staffID: Int, lockUntil: Date?, by actor: AuditActor) async throws
    func recordSuccessfulLogin(staffID: Int, by actor: AuditActor) async throws
    func setActive(username: String, active: Bool, by actor: AuditActor) async throws -> Staff
    func setTOTPSecret(staffID: Int, secret: String?, by actor: AuditActor) async throws

    func createSession(_ session: SessionRecord) async throws
    /// The live session with this id hash, if any (expired sessions are not returned).
    func session(idHash: String) async throws -> SessionRecord?
    func deleteSession(idHash: String) async throws
    func deleteSessions(staffID: Int) async throws

    /// Stores a one-time code's hash; returns the challenge id.
    func createOTP(mobile: MobileNumber, codeHash: String, expiresAt: Date) async throws -> Int
    /// How many codes were requested for this mobile since `since`.
    func otpCount(mobile: MobileNumber, since: Date) async throws -> Int
    /// Checks a code against every live challenge of this mobile; wrong tries count per mobile over `window`.
    func verifyOTP(mobile: MobileNumber, codeHash: String, maxAttempts: Int, window: TimeInterval, by actor: AuditActor) async throws -> OTPResult

    func tokens(staffID: Int?) async throws -> [TokenInfo]
    func issueToken(staffID: Int, label: String?, permissions: Set<StaffAction>?, by actor: AuditActor) async throws -> String
    func revokeToken(id: Int, by actor: AuditActor) async throws -> TokenInfo?
    /// Writes an audit-log row for an action that changes nothing else (a refused sign-in).
    func recordAudit(_ action: AuditAction, by actor: AuditActor, target: AuditTarget?, detail: String?) async throws
    /// The staff member and permissions of a live token, recording its use.
    func tokenPrincipal(_ token: String) async throws -> (Staff, permissions: Set<StaffAction>?)?
}

/// Fixed-window hit counters kept in the database, shared by every process that uses it.
public protocol RateLimitRepository: Sendable {
    /// Counts one hit for `key` and returns the hits of its current window and when that window
    /// began; a window older than `window` seconds starts again at `now`.
    func countHit(key: String, window: TimeInterval, now: Date) async throws -> (hits: Int, windowStart: Date)
    /// The hits of `key`'s current window and when it began, without counting one; nil when no
    /// window younger than `window` seconds exists.
    func currentHits(key: String, window: TimeInterval, now: Date) async throws -> (hits: Int, windowStart: Date)?
    /// Forgets windows that began before `cutoff`.
    func forgetRateLimitWindows(before cutoff: Date) async throws
}

/// The scheduled purge of what is kept only for a while.
public protocol RetentionRepository: Sendable {
    /// Deletes what `policy` and the fixed lifetimes say is past keeping; nil when another server
    /// is purging at this moment.
    func purgeExpired(_ policy: RetentionPolicy) async throws -> PurgeCounts?
}

/// The deadline watcher's side of the store.
public protocol DeadlineRepository: Sendable {
    /// Looks at up to `limit` referrals whose next deadline check has come, each in its own
    /// transaction with its case locked (a case another server holds is left for the next pass),
    /// and applies what `CaseRules.watchDeadline` decides.
    func watchDeadlines(limit: Int) async throws -> DeadlinePass

    /// Closes up to `limit` answered cases whose citizen gave no verdict within `days`, each in its
    /// own transaction with its case locked, as `CaseRules.autoClose` decides.
    func autoCloseAnswered(days: Int, limit: Int) async throws -> AutoClosePass
}
