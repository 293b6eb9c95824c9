import Domain
import Foundation
import Workflow
import Hummingbird
import PersianKit
import Storage

/// The admin page: staff accounts and integration tokens of the admin's scope. New passwords and
/// tokens are shown once, on the page that made them, and never again.
extension WebUI {
    struct AdminModel {
        struct AccountRow {
            let username: String; let name: String; let roleLabel: String; let scope: String
            let active: Bool; let locked: Bool; let secondFactor: Bool; let isSelf: Bool
            let disableURL: String; let enableURL: String; let resetURL: String
        }
        struct TokenRow {
            let username: String; let label: String; let permissions: String; let createdAt: String; let lastUsedAt: String
            let revokedAt: String?; let revokeURL: String
        }
        struct Secret { let title: String; let value: String; let note: String }
        var layout: Layout
        var csrf: String
        var accounts: [AccountRow] = []
        var tokens: [TokenRow] = []
        var roles: [Option] = []
        var provinces: [Option] = []
        var hasProvinces = false
        var agencies: [Option] = []
        var usernames: [Option] = []
        /// What a token may be limited to; none ticked means everything the account's role may do.
        var permissions: [Option] = []
        var form: [String: String] = [:]
        var errors: [String: String] = [:]
        var secret: Secret?
    }

    /// The admin page's forms (`admin.mustache`): a new account, a new token (its permissions sent as
    /// `permission[]`), and the buttons that carry only the CSRF token.
    struct AdminForm: PageForm {
        var _csrf, username, displayName, role, province, agency, tokenUser, label: String?
        var permission: [String]?
    }

    func registerAdminPages<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.admin.path), use: page { request, _ in
            let (admin, csrf) = try await signedInStaff(may: .manageStaff)
            let notice = request.uri.queryParameters.get("done").flatMap { Self.adminNotices[String($0)] }
            return try await adminPage(admin, csrf: csrf, notice: notice)
        })
        router.post(RouterPath(SiteURL.adminStaff.path), use: page { request, _ in
            let form = try await AdminForm.read(request)
            let (admin, csrf) = try await signedInStaff(may: .manageStaff, csrf: form._csrf)
            let values = form.kept
            do {
                guard let role = StaffRole(rawValue: form.role ?? "") else { throw DomainError.unknown("role", fa: "نقش") }
                let province = admin.provinceCode ?? form.province.flatMap { $0.isEmpty ? nil : $0 }
                let agency = role == .liaison ? form.agency.flatMap { Int(PersianDigits.toASCII($0)) } : nil
                if let agency, let found = try await reference.agency(id: agency),
                    let scope = admin.provinceCode, found.provinceCode != nil, found.provinceCode != scope
                {
                    throw DomainError.unknown("agency", fa: "دستگاه")
                }
                let name = try TextInput.optional(form.displayName, field: "displayName", fa: "نام نمایشی", max: TextInput.maxName)
                let (staff, password) = try await gate.createStaffAccount(
                    StaffDraft(username: form.username ?? "", displayName: name ?? form.username ?? "", role: role,
                        provinceCode: province, agencyID: agency), by: .request(admin))
                return try await adminPage(
                    admin, csrf: csrf, notice: "کاربر «\(staff.username)» ساخته شد.", status: .created,
                    secret: .init(title: "گذرواژه نخست «\(staff.username)»", value: password,
                        note: "این گذرواژه تنها همین یک بار نشان داده می‌شود؛ آن را به‌طور امن به کاربر بدهید تا پس از ورود عوضش کند."))
            } catch let error as DomainError where [.invalid, .unprocessable, .conflict, .notFound].contains(error.kind) {
                return try await adminPage(admin, csrf: csrf, form: values, errors: Self.fieldErrors([error]), status: .badRequest)
            }
        })
        router.post(RouterPath(SiteURL.adminStaffActionPattern), use: page { request, context in
            let form = try await AdminForm.read(request)
            let (admin, csrf) = try await signedInStaff(may: .manageStaff, csrf: form._csrf)
            guard let action = context.parameters.get("action").flatMap(SiteURL.StaffAdminAction.init(rawValue:)),
                let id = context.parameters.get("id").flatMap(Int.init), let account = try await staffAccounts.staff(id: id),
                AccessPolicy.manages(admin, account: account)
            else { throw DomainError.notFound("staff", fa: "کاربر") }
            switch action {
            case .disable, .enable:
                guard account.id != admin.id else {
                    return try await adminPage(admin, csrf: csrf, error: "نمی‌توانید حساب خودتان را غیرفعال کنید.", status: .badRequest)
                }
                _ = try await auth.setActive(username: account.username, active: action == .enable, by: .request(admin))
                return HTML.redirect(SiteURL.admin.path + "?done=\(action.rawValue)")
            case .resetPassword:
                let password = try await gate.resetPassword(staffID: account.id, by: .request(admin))
                return try await adminPage(
                    admin, csrf: csrf, notice: "گذرواژه «\(account.username)» بازنشانی شد و نشست‌های او پایان یافت.",
                    secret: .init(title: "گذرواژه تازه «\(account.username)»", value: password,
                        note: "این گذرواژه تنها همین یک بار نشان داده می‌شود."))
            }
        })
        router.post(RouterPath(SiteURL.adminTokens.path), use: page { request, _ in
            let form = try await AdminForm.read(request)
            let (admin, csrf) = try await signedInStaff(may: .manageTokens, csrf: form._csrf)
            let values = form.kept
            do {
                guard let owner = try await staffAccounts.staff(username: form.tokenUser ?? ""), AccessPolicy.manages(admin, account: owner)
                else { throw DomainError(DomainError.notFound("staff", fa: "کاربر"), field: "tokenUser") }
                let label = try TextInput.optional(form.label, field: "label", fa: "برچسب", max: 100)
                let chosen = Set((form.permission ?? []).compactMap(StaffAction.init(rawValue:)))
                let token = try await auth.issueToken(staffID: owner.id, label: label, permissions: chosen.isEmpty ? nil : chosen, by: .request(admin))
                return try await adminPage(
                    admin, csrf: csrf, notice: "توکن تازه برای «\(owner.username)» صادر شد.", status: .created,
                    secret: .init(title: "توکن «\(owner.username)»", value: token,
                        note: "این توکن تنها همین یک بار نشان داده می‌شود؛ تنها چکیده آن نگه داشته می‌شود."))
            } catch let error as DomainError where [.invalid, .unprocessable, .notFound].contains(error.kind) {
                return try await adminPage(admin, csrf: csrf, form: values, errors: Self.fieldErrors([error]), status: .badRequest)
            }
        })
        router.post(RouterPath(SiteURL.adminTokenRevokePattern), use: page { request, context in
            let form = try await AdminForm.read(request)
            let (admin, _) = try await signedInStaff(may: .manageTokens, csrf: form._csrf)
            guard let id = context.parameters.get("id").flatMap(Int.init),
                let token = try await auth.tokens(staffID: nil).first(where: { $0.id == id }),
                let owner = try await staffAccounts.staff(id: token.staffID), AccessPolicy.manages(admin, account: owner)
            else { throw DomainError.notFound("token", fa: "توکن") }
            _ = try await auth.revokeToken(id: id, by: .request(admin))
            return HTML.redirect(SiteURL.admin.path + "?done=revoke")
        })
    }

    static let adminNotices: [String: String] = [
        "disable": "حساب غیرفعال شد و نشست‌ها و توکن‌هایش از کار افتاد.", "enable": "حساب دوباره فعال شد.",
        "revoke": "توکن باطل شد.",
    ]

    func adminPage(
        _ admin: Staff, csrf: String, notice: String? = nil, error: String? = nil, form: [String: String] = [:],
        errors: [String: String] = [:], status: HTTPResponse.Status = .ok, secret: AdminModel.Secret? = nil
    ) async throws -> Response {
        let provinces = try await reference.provinces()
        let provinceNames = Dictionary(uniqueKeysWithValues: provinces.map { ($0.code, $0.name) })
        let agencies = try await reference.agencies(province: admin.provinceCode, kind: nil, includeInactive: false)
        let agencyNames = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id, $0.name) })
        let accounts = try await staffAccounts.staffAccounts(province: admin.provinceCode)
        let managed = Set(accounts.map(\.staff.id))
        let now = gate.now()
        var model = AdminModel(
            layout: Layout(
                title: "مدیریت کاربران", staff: admin, csrf: csrf, current: SiteURL.admin.path, notice: notice,
                error: error ?? (errors.isEmpty ? nil : "لطفاً موارد مشخص‌شده را اصلاح کنید.")),
            csrf: csrf, form: form, errors: errors, secret: secret)
        model.accounts = accounts.map { a in
            let s = a.staff
            let scope = [s.provinceCode.map { provinceNames[$0] ?? $0 } ?? "همه کشور", s.agencyID.map { agencyNames[$0] ?? "دستگاه \(Show.number($0))" }]
                .compactMap { $0 }.joined(separator: " — ")
            return .init(
                username: s.username, name: s.displayName, roleLabel: s.role.nameFa, scope: scope, active: s.active,
                locked: (a.lockedUntil ?? .distantPast) > now, secondFactor: a.hasSecondFactor, isSelf: s.id == admin.id,
                disableURL: SiteURL.adminStaffAction(s.id, .disable).path, enableURL: SiteURL.adminStaffAction(s.id, .enable).path,
                resetURL: SiteURL.adminStaffAction(s.id, .resetPassword).path)
        }
        model.tokens = try await auth.tokens(staffID: nil).filter { managed.contains($0.staffID) }.reversed().map { t in
            .init(
                username: t.username, label: t.label ?? "—",
                permissions: t.permissions.map { $0.map(\.nameFa).sorted().joined(separator: "، ") } ?? "همه کارهای نقش",
                createdAt: Show.dateTime(t.createdAt), lastUsedAt: t.lastUsedAt.map(Show.dateTime) ?? "هرگز",
                revokedAt: t.revokedAt.map(Show.dateTime), revokeURL: SiteURL.adminTokenRevoke(t.id).path)
        }
        model.roles = StaffRole.allCases.map { Option(value: $0.rawValue, label: $0.nameFa, selected: $0.rawValue == form["role"]) }
        if admin.provinceCode == nil {
            model.hasProvinces = true
            model.provinces = [Option(value: "", label: "همه کشور", selected: (form["province"] ?? "").isEmpty)]
                + provinces.map { Option(value: $0.code, label: $0.name, selected: $0.code == form["province"]) }
        }
        model.permissions = StaffAction.allCases.filter { $0 != .manageStaff }.map {
            Option(value: $0.rawValue, label: $0.nameFa, selected: false)
        }
        model.agencies = agencies.map { Option(value: String($0.id), label: $0.name, selected: String($0.id) == form["agency"]) }
        model.usernames = accounts.filter(\.staff.active).map {
            Option(value: $0.staff.username, label: "\($0.staff.username) — \($0.staff.role.nameFa)", selected: $0.staff.username == form["tokenUser"])
        }
        return render("admin", model, status: status)
    }
}
