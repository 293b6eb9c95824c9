import Foundation

/// Every page's address, in one table: the router registers these and the pages link with them.
public enum SiteURL {
    case home
    /// Open data: a month's letters per province and category, small counts withheld.
    case openData
    case track
    /// One case's tracking page, the code filled in: where SMS 3 sends the citizen.
    case trackCase(String)
    case rate
    /// The citizen's objection to an answer.
    case object
    case letter
    /// The letter form's first step: a sign-in code to the mobile the letter will be registered with.
    case letterCode
    case login
    case logout
    case staffHome
    case intake
    case queue
    case inbox
    /// The inbox's batch accept: the pending referrals ticked on the page, accepted at once.
    case inboxAccept
    /// Late referrals of the province: escalation level 1, or level 2 (the inspection queue).
    case overdue
    /// Directives (دستور) per official, and one official's list.
    case directives
    /// The breach register: referrals and directives that reached the inspection queue, with what was done.
    case breaches
    /// Letters still unanswered after N days, by province and agency.
    case oversight
    /// One agency's page for the inspection office.
    case agency(Int)
    case reports
    /// The same report as a CSV file (UTF-8 with a BOM, so Excel shows the Persian).
    case reportsCSV
    /// Ready answers (متن‌های آماده پاسخ): the list, and one saved.
    case templates
    case template(Int)
    case account
    case admin
    case adminStaff
    case adminStaffAction(Int, StaffAdminAction)
    case adminTokens
    case adminTokenRevoke(Int)
    /// The SMS outbox: what waits, what gave up, and the retry of one message.
    case outbox
    case outboxRetry(Int)
    case myLetters
    case mySignIn
    case myCode
    case staffCase(String)
    case caseIdentity(String)
    case caseAction(String, CaseAction)
    case referralAction(Int, ReferralAction)
    case stylesheet
    case script

    /// answer, refer, merge and close are screening's; direct issues a directive (دستور); appeal is the
    /// inspection office's decision on a citizen's appeal.
    public enum CaseAction: String, CaseIterable, Sendable { case answer, refer, merge, close, direct, appeal }
    /// accept, answer, return and callback (a call to the citizen) are the agency's; withdraw is screening's;
    /// inspection is the inspection office's action on a referral in its queue.
    public enum ReferralAction: String, CaseIterable, Sendable { case accept, answer, `return`, callback, withdraw, inspection }
    public enum StaffAdminAction: String, CaseIterable, Sendable { case disable, enable, resetPassword = "reset-password" }

    public var path: String {
        switch self {
        case .home: "/"
        case .openData: "/open-data"
        case .track: "/track"
        case .trackCase(let code): "/track/\(code)"
        case .rate: "/track/rate"
        case .object: "/track/object"
        case .letter: "/letter"
        case .letterCode: "/letter/code"
        case .login: "/login"
        case .logout: "/logout"
        case .staffHome: "/staff"
        case .intake: "/staff/intake"
        case .queue: "/staff/queue"
        case .inbox: "/staff/inbox"
        case .inboxAccept: "/staff/inbox/accept"
        case .overdue: "/staff/overdue"
        case .directives: "/staff/directives"
        case .breaches: "/staff/breaches"
        case .oversight: "/staff/oversight"
        case .agency(let id): "/staff/agencies/\(id)"
        case .reports: "/staff/reports"
        case .reportsCSV: "/staff/reports/export.csv"
        case .templates: "/staff/templates"
        case .template(let id): "/staff/templates/\(id)"
        case .account: "/staff/account"
        case .admin: "/staff/admin"
        case .adminStaff: "/staff/admin/staff"
        case .adminStaffAction(let id, let action): "/staff/admin/staff/\(id)/\(action.rawValue)"
        case .adminTokens: "/staff/admin/tokens"
        case .adminTokenRevoke(let id): "/staff/admin/tokens/\(id)/revoke"
        case .outbox: "/staff/admin/sms"
        case .outboxRetry(let id): "/staff/admin/sms/\(id)/retry"
        case .myLetters: "/my"
        case .mySignIn: "/my/sign-in"
        case .myCode: "/my/code"
        case .staffCase(let code): "/staff/cases/\(code)"
        case .caseIdentity(let code): "/staff/cases/\(code)/identity"
        case .caseAction(let code, let action): "/staff/cases/\(code)/\(action.rawValue)"
        case .referralAction(let id, let action): "/staff/referrals/\(id)/\(action.rawValue)"
        case .stylesheet: "/static/samad.css"
        case .script: "/static/samad.js"
        }
    }

    /// Route patterns for the router (path parameters as `:name`).
    static let trackCasePattern = "/track/:code"
    static let caseActionPattern = "/staff/cases/:code/:action"
    static let staffCasePattern = "/staff/cases/:code"
    static let agencyPattern = "/staff/agencies/:id"
    static let referralActionPattern = "/staff/referrals/:id/:action"
    static let adminStaffActionPattern = "/staff/admin/staff/:id/:action"
    static let adminTokenRevokePattern = "/staff/admin/tokens/:id/revoke"
    static let outboxRetryPattern = "/staff/admin/sms/:id/retry"
    static let templatePattern = "/staff/templates/:id"
}
