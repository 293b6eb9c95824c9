import Foundation
import PersianKit

/// What one agency holds now: its open referrals (directives among them), how many are past their
/// due date, and how many reached escalation levels 1 and 2.
public struct AgencyLoad: Sendable, Hashable {
    public var open: Int
    public var late: Int
    public var level1: Int
    public var level2: Int
    public var openDirectives: Int

    public init(open: Int, late: Int, level1: Int, level2: Int, openDirectives: Int) {
        self.open = open
        self.late = late
        self.level1 = level1
        self.level2 = level2
        self.openDirectives = openDirectives
    }
}

/// One agency as the inspection office sees it (صفحه دستگاه): what it holds now and its line in the
/// league table of a period, with how many agencies were ranked.
public struct AgencyProfile: Sendable, Hashable {
    public var agency: Agency
    public var period: JalaliPeriod
    /// The province the figures cover; nil: the country.
    public var provinceCode: String?
    public var load: AgencyLoad
    /// Nil when it had no referral in the period.
    public var line: AgencyLeague.Line?
    public var ranked: Int

    public init(agency: Agency, period: JalaliPeriod, provinceCode: String?, load: AgencyLoad, league: AgencyLeague) {
        self.agency = agency
        self.period = period
        self.provinceCode = provinceCode
        self.load = load
        line = league.lines.first { $0.agencyID == agency.id }
        ranked = league.lines.count
    }

    /// Oversight staff see an agency of their own province, or a national one (its figures then cover
    /// their province only); national staff see every agency.
    public static func mayView(agencyProvince: String?, by staff: Staff) -> Bool {
        agencyProvince == nil || AccessPolicy.covers(staff, province: agencyProvince)
    }
}
