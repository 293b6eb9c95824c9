import Foundation

/// Everything staff may ask for. Each API operation names exactly one.
public enum StaffAction: String, Sendable, CaseIterable {
    case registerCase, readCases, screenCase, handleReferral, manageReference
    /// See a citizen's full national ID and mobile (each view is written to the case's history).
    case viewPersonalData
    /// Issue and revoke integration tokens.
    case manageTokens
    /// Add staff accounts, disable and enable them, reset their passwords.
    case manageStaff
    /// Read the period reports of their scope.
    case readReports
    /// Watch the SMS outbox of their scope and send again a message that gave up.
    case manageOutbox
    /// Follow the late referrals of their scope (escalation levels 1 and 2: the inspection queue).
    case followDeadlines
    /// Direct an agency to act on a case, with a text and a deadline (دستور): governors, officials, inspectors.
    case issueDirective
    /// Decide a citizen's appeal (the inspection office): the answer stands, or the case is examined again.
    case decideAppeal
    /// Record what the inspection office did about a referral in its queue (the breach register).
    case recordInspection
    /// Write and change the ready answers (متن‌های آماده پاسخ) of their scope.
    case manageReplyTemplates

    public var nameFa: String {
        switch self {
        case .registerCase: "ثبت نامه"
        case .readCases: "خواندن نامه‌ها"
        case .screenCase: "پایش و ارجاع"
        case .handleReferral: "رسیدگی به ارجاع‌ها"
        case .manageReference: "ویرایش داده‌های پایه"
        case .viewPersonalData: "دیدن مشخصات کامل شهروند"
        case .manageTokens: "مدیریت توکن‌ها"
        case .manageStaff: "مدیریت کاربران"
        case .readReports: "دیدن گزارش‌های دوره‌ای"
        case .manageOutbox: "رسیدگی به صف پیامک"
        case .followDeadlines: "پیگیری مهلت‌های گذشته"
        case .issueDirective: "صدور دستور"
        case .decideAppeal: "تصمیم درباره اعتراض شهروند"
        case .recordInspection: "ثبت اقدام بازرسی درباره تخلف"
        case .manageReplyTemplates: "ویرایش متن‌های آماده پاسخ"
        }
    }
}

/// The one place that decides who may do what and see which cases.
public enum AccessPolicy {
    public static func roles(for action: StaffAction) -> Set<StaffRole> {
        switch action {
        case .registerCase: [.operator, .supervisor, .official, .admin]
        case .readCases: Set(StaffRole.allCases)
        case .screenCase: [.supervisor, .inspector, .official, .admin]
        case .handleReferral: [.liaison, .admin]
        case .manageReference: [.admin]
        case .viewPersonalData: Set(StaffRole.allCases)
        case .manageTokens, .manageStaff, .manageOutbox: [.admin]
        case .readReports, .followDeadlines: [.supervisor, .inspector, .official, .admin]
        case .issueDirective: [.inspector, .official, .admin]
        case .decideAppeal, .recordInspection: [.inspector, .admin]
        case .manageReplyTemplates: [.supervisor, .admin]
        }
    }

    /// Role check: an inactive account, a role without the action, or a token limited to other
    /// actions is refused.
    public static func require(_ staff: Staff, may action: StaffAction, tokenPermissions: Set<StaffAction>? = nil) throws(DomainError) {
        guard staff.active, roles(for: action).contains(staff.role) else { throw .forbidden }
        if let tokenPermissions, !tokenPermissions.contains(action) { throw .forbidden }
    }

    /// Province scope: nil scope is the whole country.
    public static func covers(_ staff: Staff, province: String?) -> Bool {
        guard let scope = staff.provinceCode else { return true }
        return scope == province
    }

    /// Whether a staff member may see a case: by province, or for a liaison, by a referral to their agency.
    /// Out-of-scope cases are answered as not found, so their existence does not leak.
    public static func canSee(_ staff: Staff, caseProvince: String, referredAgencyIDs: [Int]) -> Bool {
        switch staff.role {
        case .liaison:
            guard let agency = staff.agencyID else { return false }
            return referredAgencyIDs.contains(agency)
        case .operator, .supervisor, .inspector, .official, .admin:
            return covers(staff, province: caseProvince)
        }
    }

    /// A liaison acts only on referrals to their own agency; an admin on any in province scope.
    public static func canHandle(_ staff: Staff, referralAgencyID: Int, caseProvince: String) -> Bool {
        switch staff.role {
        case .liaison: staff.agencyID == referralAgencyID
        case .admin: covers(staff, province: caseProvince)
        default: false
        }
    }

    /// A provincial admin manages the accounts of their province; a national admin every account.
    public static func manages(_ admin: Staff, account: Staff) -> Bool {
        admin.provinceCode == nil || account.provinceCode == admin.provinceCode
    }

    /// Whether the citizen's identity is shown: confidential cases hide it from agencies.
    public static func mayIdentifyCitizen(_ staff: Staff, confidential: Bool) -> Bool {
        !(confidential && staff.role == .liaison)
    }
}
