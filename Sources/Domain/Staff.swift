import Foundation

/// What a staff member does in SAMAD.
public enum StaffRole: String, Sendable, Codable, CaseIterable {
    /// Registers calls to 111 and letters (کاربر سامد).
    case `operator`
    /// Screens cases: answers, refers, merges, closes.
    case supervisor
    /// An agency's SAMAD liaison (رابط سامد): handles that agency's referrals.
    case liaison
    /// Inspection office: reads everything in scope, handles appeals.
    case inspector
    /// A governor or official attending the SAMAD centre: registers requests and directs agencies.
    case official
    /// Manages reference data and staff.
    case admin

    public var nameFa: String {
        switch self {
        case .operator: "کاربر ثبت"
        case .supervisor: "کارشناس پایش"
        case .liaison: "رابط سامد دستگاه"
        case .inspector: "بازرس"
        case .official: "مسئول پاسخگو"
        case .admin: "مدیر سامانه"
        }
    }
}

/// A person who works in SAMAD or an agency.
public struct Staff: Sendable, Hashable, Codable {
    public var id: Int
    public var username: String
    public var displayName: String
    public var role: StaffRole
    /// Province scope; nil means the whole country.
    public var provinceCode: String?
    /// Agency scope, for liaisons.
    public var agencyID: Int?
    public var active: Bool

    public init(id: Int, username: String, displayName: String, role: StaffRole, provinceCode: String?, agencyID: Int?, active: Bool) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.provinceCode = provinceCode
        self.agencyID = agencyID
        self.active = active
    }
}

/// Who did something to a case; written into every event.
public enum Actor: Sendable, Hashable {
    case staff(Staff)
    case citizen(citizenID: Int)
    case system

    public var kind: String {
        switch self {
        case .staff: "staff"
        case .citizen: "citizen"
        case .system: "system"
        }
    }

    public var id: Int? {
        switch self {
        case .staff(let s): s.id
        case .citizen(let id): id
        case .system: nil
        }
    }

    public var displayName: String {
        switch self {
        case .staff(let s): s.displayName
        case .citizen: "شهروند"
        case .system: "سامانه"
        }
    }
}
