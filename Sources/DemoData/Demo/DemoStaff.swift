import Domain
import Foundation
import Workflow
import Storage

/// The demo's people: one of each role, most in East Azerbaijan (the articles' province).
public struct DemoStaff: Sendable {
    public struct Login: Sendable {
        public let staff: Staff
        public let token: String
    }

    /// Every demo account signs in with this password (printed by `serve --demo`).
    public static let password = "samad-demo-1402"


    /// Creates the demo agencies and accounts if missing and issues each a fresh token.
    public static func ensure(store: SQLStore, bcryptCost: UInt8 = 12) async throws -> [Login] {
        try await DemoAgencies.ensure(store: store)
        let provinces = ReferenceData.provinces
        let home = provinces.first { $0.nameEn == "East Azerbaijan" } ?? provinces[0]
        let agencies = try await store.agencies(province: home.code, kind: nil, includeInactive: false)
        let relief = agencies.first { $0.kind == .supportInstitution } ?? agencies[0]
        let bank = agencies.first { $0.kind == .bank } ?? agencies[0]
        let drafts = [
            StaffDraft(username: "operator", displayName: "زهرا کریمی (کاربر ۱۱۱)", role: .operator, provinceCode: home.code, agencyID: nil),
            StaffDraft(username: "supervisor", displayName: "علی رضایی (کارشناس پایش)", role: .supervisor, provinceCode: home.code, agencyID: nil),
            StaffDraft(username: "liaison", displayName: "مریم احمدی (رابط \(relief.name))", role: .liaison, provinceCode: home.code, agencyID: relief.id),
            StaffDraft(username: "liaison-bank", displayName: "حسین موسوی (رابط \(bank.name))", role: .liaison, provinceCode: home.code, agencyID: bank.id),
            StaffDraft(username: "inspector", displayName: "محمد حسینی (بازرس)", role: .inspector, provinceCode: nil, agencyID: nil),
            StaffDraft(username: "admin", displayName: "مدیر سامانه", role: .admin, provinceCode: nil, agencyID: nil),
        ]
        var logins: [Login] = []
        for draft in drafts {
            let staff: Staff
            if let existing = try await store.staff(username: draft.username) {
                staff = existing
            } else {
                staff = try await store.createStaff(draft, by: .system)
                // The demo's shared, printed password is not a first password to change: the demo is tried as is.
                try await store.setPassword(
                    staffID: staff.id, hash: await Gatekeeper.hash(password, cost: bcryptCost), action: .passwordSet, mustChange: false,
                    by: .system)
            }
            logins.append(Login(staff: staff, token: try await store.issueToken(staffID: staff.id, label: "demo", by: .system)))
        }
        return logins
    }
}
