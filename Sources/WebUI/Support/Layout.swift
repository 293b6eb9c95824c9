import Domain
import Foundation
import PersianKit

/// What every page's layout needs: title, who is signed in, the navigation for their role, the
/// CSRF token for forms, and a notice to show.
struct Layout: Sendable {
    struct NavItem: Sendable {
        let title: String
        let url: String
        let current: Bool
    }

    var title: String
    var userName: String?
    var roleLabel: String?
    var nav: [NavItem]
    var csrf: String?
    var notice: String?
    var error: String?
    /// Stored, not computed: templates read models by reflection.
    var signedIn: Bool

    /// `citizen` is the masked mobile of a signed-in citizen.
    init(
        title: String, staff: Staff? = nil, citizen: String? = nil, csrf: String? = nil, current: String = "", notice: String? = nil,
        error: String? = nil
    ) {
        self.title = title
        self.userName = staff?.displayName ?? citizen.map(Show.ltr)
        self.roleLabel = staff?.role.nameFa ?? (citizen == nil ? nil : "شهروند")
        self.csrf = csrf
        self.notice = notice
        self.error = error
        self.signedIn = staff != nil || citizen != nil
        var items: [(String, SiteURL)] = []
        if let staff {
            if AccessPolicy.roles(for: .registerCase).contains(staff.role) { items.append(("ثبت تماس و نامه", .intake)) }
            if AccessPolicy.roles(for: .screenCase).contains(staff.role) { items.append(("صف پایش", .queue)) }
            if AccessPolicy.roles(for: .handleReferral).contains(staff.role) { items.append(("کارتابل دستگاه", .inbox)) }
            if AccessPolicy.roles(for: .followDeadlines).contains(staff.role) {
                items.append(("مهلت‌های گذشته", .overdue))
                items.append(("دستورها", .directives))
                items.append(("ثبت تخلف‌ها", .breaches))
                items.append(("نامه‌های بی‌پاسخ", .oversight))
            }
            if AccessPolicy.roles(for: .readReports).contains(staff.role) { items.append(("گزارش‌ها", .reports)) }
            if AccessPolicy.roles(for: .manageReplyTemplates).contains(staff.role) { items.append(("متن‌های آماده", .templates)) }
            if AccessPolicy.roles(for: .manageStaff).contains(staff.role) { items.append(("مدیریت کاربران", .admin)) }
            if AccessPolicy.roles(for: .manageOutbox).contains(staff.role) { items.append(("صف پیامک", .outbox)) }
            items.append(("حساب من", .account))
        } else if citizen != nil {
            items = [("نامه‌های من", .myLetters), ("نوشتن نامه", .letter), ("پیگیری نامه", .track)]
        } else {
            items = [("پیگیری نامه", .track), ("نوشتن نامه", .letter), ("نامه‌های من", .myLetters), ("ورود کارکنان", .login)]
        }
        nav = items.map { NavItem(title: $0.0, url: $0.1.path, current: $0.1.path == current) }
    }
}

/// Persian display helpers for page models.
enum Show {
    static func dateTime(_ d: Date) -> String { JalaliFormat.dateTime(d) }
    static func digits(_ s: String) -> String { PersianDigits.toPersian(s) }

    /// Digits that must read left to right inside Persian text: a masked mobile (۰۹۱۲***۴۵۶۷) or a
    /// grouped tracking code (۵۵۷ ۱۵۶ ۷۱۳ ۴۱). Persian digits carry no direction of their own, so in
    /// a right-to-left line the runs around `***` or the spaces come out in reverse order; a
    /// left-to-right isolate (U+2066 … U+2069) keeps them as written.
    static func ltr(_ s: String) -> String { "\u{2066}" + PersianDigits.toPersian(s) + "\u{2069}" }
    static func number(_ n: Int) -> String { JalaliFormat.number(n) }

    /// A duration as people say it: "۵ دقیقه", "۲ ساعت و ۱۰ دقیقه", "۳ روز و ۴ ساعت".
    static func age(_ seconds: TimeInterval) -> String {
        let minutes = max(0, Int(seconds) / 60)
        if minutes < 1 { return "کمتر از یک دقیقه" }
        if minutes < 60 { return "\(number(minutes)) دقیقه" }
        let hours = minutes / 60
        if hours < 24 { return minutes % 60 == 0 ? "\(number(hours)) ساعت" : "\(number(hours)) ساعت و \(number(minutes % 60)) دقیقه" }
        return hours % 24 == 0 ? "\(number(hours / 24)) روز" : "\(number(hours / 24)) روز و \(number(hours % 24)) ساعت"
    }
}

/// One choice of a select or radio group.
struct Option: Sendable {
    let value: String
    let label: String
    let selected: Bool
    /// The "choose one" line a select starts with when nothing may be chosen for the person: it is
    /// selected until they choose, and cannot be chosen back.
    var placeholder = false

    /// A required choice with nothing chosen in advance: the placeholder `prompt` first, then
    /// `items` in Persian alphabetical order of their labels, `chosen` selected if it is one of them.
    static func choice(_ prompt: String, _ items: [(value: String, label: String)], chosen: String?) -> [Option] {
        let known = items.contains { $0.value == chosen }
        return [Option(value: "", label: prompt, selected: !known, placeholder: true)]
            + items.sorted { PersianText.precedesAlphabetically($0.label, $1.label) }
                .map { Option(value: $0.value, label: $0.label, selected: $0.value == chosen) }
    }
}
