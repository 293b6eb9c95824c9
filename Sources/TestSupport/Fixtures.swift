import DemoData
import Domain
import Foundation
import Workflow
import Storage

/// Staff of every role and scope, and the agencies tests refer to (the demo's, added to the seeded
/// reference data), in a seeded database.
public struct Fixtures: Sendable {
    /// The province most tests register in, and another one for out-of-scope checks.
    public let province: String
    public let otherProvince: String
    public let county: String
    public let relief: Agency
    public let bank: Agency
    public let governorate: Agency
    public let otherProvinceAgency: Agency
    public let staff: [String: Staff]
    public let tokens: [String: String]

    public func token(_ name: String) -> String { tokens[name]! }

    /// Every fixture account's password.
    public static func password(_ name: String) -> String { "pass-\(name)-1402" }

    static func make(_ store: SQLStore) async throws -> Fixtures {
        try await DemoAgencies.ensure(store: store)
        let provinces = try await store.provinces()
        let province = provinces[4].code
        let other = provinces[10].code
        let county = try await store.counties(province: province)[0].code
        let agencies = try await store.agencies(province: province, kind: nil, includeInactive: false)
        let relief = agencies.first { $0.kind == .supportInstitution }!
        let bank = agencies.first { $0.kind == .bank }!
        let governorate = agencies.first { $0.kind == .governorate }!
        let otherAgency = try await store.agencies(province: other, kind: .bank, includeInactive: false)[0]
        let plan: [(String, StaffRole, String?, Int?)] = [
            ("operator", .operator, province, nil),
            ("supervisor", .supervisor, province, nil),
            ("liaison", .liaison, province, relief.id),
            ("liaisonBank", .liaison, province, bank.id),
            ("liaisonOther", .liaison, other, otherAgency.id),
            ("inspector", .inspector, nil, nil),
            ("admin", .admin, nil, nil),
            ("adminProvince", .admin, province, nil),
            ("official", .official, province, nil),
            ("operatorOther", .operator, other, nil),
            ("supervisorOther", .supervisor, other, nil),
        ]
        var staff: [String: Staff] = [:]
        var tokens: [String: String] = [:]
        for (name, role, scope, agency) in plan {
            let s = try await store.createStaff(
                StaffDraft(username: name, displayName: "آزمون \(name)", role: role, provinceCode: scope, agencyID: agency),
                by: .system)
            try await store.setPassword(
                staffID: s.id, hash: await Gatekeeper.hash(Self.password(name), cost: 4), action: .passwordSet, mustChange: false, by: .system)
            staff[name] = s
            tokens[name] = try await store.issueToken(staffID: s.id, label: "test", by: .system)
        }
        return Fixtures(
            province: province, otherProvince: other, county: county, relief: relief, bank: bank, governorate: governorate,
            otherProvinceAgency: otherAgency, staff: staff, tokens: tokens)
    }

    /// A valid registration body; override fields per test (`nationalID: nil` leaves it out).
    public func caseBody(
        nationalID: String? = "0013542419", mobile: String = "09121234567", subject: String = "درخواست وام قرض‌الحسنه",
        body: String = "با سلام، برای هزینه درمان فرزندم به وام قرض الحسنه نیاز دارم.", category: String = "interestFreeLoan",
        province: String? = nil
    ) -> [String: Any] {
        [
            "channel": "phone111", "kind": "request", "category": category, "subject": subject, "body": body,
            "confidential": false,
            "citizen": [
                "nationalId": nationalID, "mobile": mobile, "firstName": "رضا", "lastName": "محمدی",
                "province": province ?? self.province, "county": province == nil ? county : nil,
            ].compactMapValues { $0 },
        ]
    }
}
