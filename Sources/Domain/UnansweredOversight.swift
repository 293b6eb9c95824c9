import Foundation

/// Letters still without an answer after N days, as the inspection office oversees them: every
/// open case (registered, referred or reopened) registered more than `days` calendar days ago,
/// counted by province and by the agency that holds it (an open referral or directive), or by
/// no agency while it waits in screening. A case held by two agencies counts once for each of
/// them and once for its province.
public struct UnansweredOversight: Sendable, Hashable {
    /// The articles' 7–10 days: by default a letter is overdue for oversight after ten.
    public static let defaultDays = 10
    public static let dayRange = 1...365

    /// How many cases one province, or one agency in one province, holds, and since when.
    public struct Count: Sendable, Hashable {
        public var provinceCode: String
        /// Nil: no agency has it (in screening, or back from every agency).
        public var agencyID: Int?
        public var agencyName: String?
        /// The agency's own province; nil for a national agency (or no agency).
        public var agencyProvinceCode: String?
        public var cases: Int
        /// When the oldest of them was registered.
        public var oldest: Date

        public init(
            provinceCode: String, agencyID: Int?, agencyName: String?, agencyProvinceCode: String? = nil, cases: Int, oldest: Date
        ) {
            self.provinceCode = provinceCode
            self.agencyID = agencyID
            self.agencyName = agencyName
            self.agencyProvinceCode = agencyProvinceCode
            self.cases = cases
            self.oldest = oldest
        }
    }

    public var days: Int
    /// The province counted; nil: the country.
    public var provinceCode: String?
    /// Cases registered before this moment count.
    public var cutoff: Date
    /// Per province and agency, most cases first, then the oldest first.
    public var byAgency: [Count]
    /// Per province (`agencyID` nil), most cases first.
    public var byProvince: [Count]
    /// Distinct cases in all.
    public var total: Int { byProvince.reduce(0) { $0 + $1.cases } }

    public init(days: Int, provinceCode: String?, cutoff: Date, byAgency: [Count], byProvince: [Count]) {
        self.days = days
        self.provinceCode = provinceCode
        self.cutoff = cutoff
        self.byAgency = byAgency.sorted(by: Self.order)
        self.byProvince = byProvince.sorted(by: Self.order)
    }

    /// The moment `days` (1–365) calendar days before `now`; any other number is bad input.
    public static func cutoff(days: Int, now: Date) throws(DomainError) -> Date {
        guard dayRange.contains(days) else {
            throw DomainError(
                .invalid, "oversight_days_out_of_range", fa: "تعداد روزها باید میان ۱ تا ۳۶۵ باشد.",
                en: "The number of days must be between 1 and 365.", field: "days")
        }
        return now.addingTimeInterval(-Double(days) * 86_400)
    }

    /// The case statuses that count as unanswered, and the referral statuses that hold a case.
    public static let unansweredStatuses = CaseStatus.allCases.filter(\.isOpen)
    public static let holdingReferralStatuses = ReferralStatus.allCases.filter(\.isOpen)

    private static func order(_ a: Count, _ b: Count) -> Bool {
        if a.cases != b.cases { return a.cases > b.cases }
        if a.oldest != b.oldest { return a.oldest < b.oldest }
        return (a.provinceCode, a.agencyID ?? 0) < (b.provinceCode, b.agencyID ?? 0)
    }
}
