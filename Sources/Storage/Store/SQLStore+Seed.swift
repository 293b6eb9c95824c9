import Domain
import Foundation
import SQLKit

extension SQLStore {
    /// The categories SAMAD starts with, most frequent first (East Azerbaijan's order).
    public static let seedCategories: [Domain.Category] = [
        .init(code: "interestFreeLoan", name: "وام قرض‌الحسنه", defaultAgencyKind: .bank, answerDays: 10, active: true),
        .init(code: "livingAssistance", name: "کمک معیشتی", defaultAgencyKind: .supportInstitution, answerDays: 7, active: true),
        .init(code: "employment", name: "اشتغال", defaultAgencyKind: .fund, answerDays: 10, active: true),
        .init(code: "selfEmploymentLoan", name: "وام خوداشتغالی", defaultAgencyKind: .fund, answerDays: 10, active: true),
        .init(code: "housingLoan", name: "وام مسکن", defaultAgencyKind: .bank, answerDays: 10, active: true),
        .init(code: "medicalInsurance", name: "دارو، درمان و بیمه", defaultAgencyKind: .university, answerDays: 7, active: true),
        .init(code: "veteransAffairs", name: "امور ایثارگران و خانواده شهدا", defaultAgencyKind: .foundation, answerDays: 10, active: true),
        .init(code: "housingUrban", name: "مسکن و شهرسازی", defaultAgencyKind: .ministryDirectorate, answerDays: 10, active: true),
        .init(code: "municipalServices", name: "خدمات شهری", defaultAgencyKind: .municipality, answerDays: 10, active: true),
        .init(code: "other", name: "سایر", defaultAgencyKind: .governorate, answerDays: Domain.Category.defaultAnswerDays, active: true),
    ]

    /// The reference data every Samad starts with: provinces and counties, each province's
    /// governorate (استانداری) and each county's (فرمانداری), and the categories. Agencies beyond
    /// those are the administrators' to add (`POST /api/v1/agencies`); the demo's come from `DemoData`.
    public func seedReferenceData() async throws {
        try await client.write { db in
            if try await db.raw("SELECT code FROM provinces LIMIT 1").first() != nil { return }
            for province in ReferenceData.provinces {
                try await db.raw(
                    """
                    INSERT INTO provinces (code, name, name_en, population)
                    VALUES (\(bind: province.code), \(bind: province.nameFa), \(bind: province.nameEn), \(bind: province.population))
                    """
                ).run()
                let governorate = try await db.raw(
                    """
                    INSERT INTO agencies (name, kind, province_code, active)
                    VALUES (\(bind: "استانداری " + province.nameFa), 'governorate', \(bind: province.code), 1) RETURNING id
                    """
                ).one().int("id")
                for county in province.counties {
                    try await db.raw(
                        "INSERT INTO counties (code, province_code, name) VALUES (\(bind: county.code), \(bind: province.code), \(bind: county.nameFa))"
                    ).run()
                    try await db.raw(
                        """
                        INSERT INTO agencies (name, kind, parent_id, province_code, active)
                        VALUES (\(bind: "فرمانداری " + county.nameFa), 'countyGovernorate', \(bind: governorate), \(bind: province.code), 1)
                        """
                    ).run()
                }
            }
            for (position, category) in Self.seedCategories.enumerated() {
                try await db.raw(
                    """
                    INSERT INTO categories (code, name, default_agency_kind, answer_days, active, position)
                    VALUES (\(bind: category.code), \(bind: category.name), \(bind: category.defaultAgencyKind.rawValue),
                        \(bind: category.answerDays), 1, \(bind: position))
                    """
                ).run()
            }
        }
    }

    /// Adds the agencies among `drafts` that are not there yet (same name in the same province, or
    /// none), all in one transaction after one read of those present: bulk reference data (the
    /// demo's banks and institutions) without a write and an audit line per agency. Returns how many
    /// were added.
    @discardableResult
    public func addMissingAgencies(_ drafts: [AgencyDraft]) async throws -> Int {
        try await client.write { db in
            let present = Set(
                try await db.raw("SELECT name, province_code FROM agencies").all().map {
                    "\(try $0.optionalString("province_code") ?? "")|\(try $0.string("name"))"
                })
            var added = 0
            for draft in drafts where !present.contains("\(draft.provinceCode ?? "")|\(draft.name)") {
                try await db.raw(
                    """
                    INSERT INTO agencies (name, kind, parent_id, province_code, active)
                    VALUES (\(bind: draft.name), \(bind: draft.kind.rawValue), \(bind: draft.parentID), \(bind: draft.provinceCode), \(bind: draft.active ? 1 : 0))
                    """
                ).run()
                added += 1
            }
            return added
        }
    }
}
