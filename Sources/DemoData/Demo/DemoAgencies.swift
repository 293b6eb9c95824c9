import Domain
import Storage

/// The agencies the demo gives every province beside its governorates: the agent banks, the relief
/// and welfare institutions, the medical university, the martyrs' foundation, the job fund, the
/// roads and urban directorate and the capital's municipality. A real database starts without
/// them; its administrators add the agencies that really answer there.
public enum DemoAgencies {
    /// By kind; `%p` is the province's name, `%c` its capital.
    static let perProvince: [(String, AgencyKind)] = [
        ("بانک ملی ایران، مدیریت شعب استان %p", .bank),
        ("بانک ملت، مدیریت شعب استان %p", .bank),
        ("بانک تجارت، مدیریت شعب استان %p", .bank),
        ("بانک صادرات ایران، مدیریت شعب استان %p", .bank),
        ("بانک رفاه کارگران، مدیریت شعب استان %p", .bank),
        ("کمیته امداد امام خمینی (ره) استان %p", .supportInstitution),
        ("اداره کل بهزیستی استان %p", .supportInstitution),
        ("دانشگاه علوم پزشکی %c", .university),
        ("بنیاد شهید و امور ایثارگران استان %p", .foundation),
        ("صندوق کارآفرینی امید استان %p", .fund),
        ("اداره کل راه و شهرسازی استان %p", .ministryDirectorate),
        ("شهرداری %c", .municipality),
    ]

    /// Every province's demo agencies, as drafts.
    public static var drafts: [AgencyDraft] {
        ReferenceData.provinces.flatMap { province in
            perProvince.map { pattern, kind in
                AgencyDraft(
                    name: pattern.replacingOccurrences(of: "%p", with: province.nameFa)
                        .replacingOccurrences(of: "%c", with: province.centerFa),
                    kind: kind, parentID: nil, provinceCode: province.code, active: true)
            }
        }
    }

    /// Adds the demo agencies that are missing (all of them on a fresh database, none the second time).
    @discardableResult
    public static func ensure(store: SQLStore) async throws -> Int {
        try await store.addMissingAgencies(drafts)
    }
}
