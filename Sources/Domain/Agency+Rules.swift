import PersianKit

/// What an admin may change about an agency.
public enum AgencyRules {
    /// An agency that still holds open referrals cannot be switched off: they would stay open with no
    /// one to answer them. Screening first withdraws them (or they are answered or returned).
    public static func checkUpdate(_ agency: Agency, active: Bool, openReferrals: Int) throws(DomainError) {
        guard agency.active, !active, openReferrals > 0 else { return }
        throw DomainError(
            .conflict, "agency_has_open_referrals",
            fa: "این دستگاه \(JalaliFormat.number(openReferrals)) ارجاع باز دارد؛ پیش از غیرفعال کردن، آن‌ها را پس بگیرید یا به دستگاه دیگری ارجاع دهید.",
            en: "The agency has \(openReferrals) open referrals; withdraw or move them before deactivating it.",
            field: "active")
    }
}
