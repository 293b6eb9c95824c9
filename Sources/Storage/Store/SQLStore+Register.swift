import Domain
import Foundation
import PersianKit
import SQLKit

extension SQLStore {
    /// Registers a case, its citizen, its first event and SMS 1 in one write, and returns the case as
    /// it now stands. The shared writer (one connection on SQLite) runs only the five statements that
    /// must be atomic; the reference check reads beforehand (a category deactivated in between still
    /// gets this one case; the foreign keys keep it pointing at a real one) and the answer is built
    /// from what was written, not read back.
    public func register(_ draft: CaseDraft, actor: Actor, idempotencyKey: String?) async throws -> Registration {
        let at = Date(millis: now().millis)
        // Public forms (no staff member) share key space 0; their keys are random per form.
        let staffID: Int? = if case .staff(let s) = actor { s.id } else { 0 }
        let key = idempotencyKey.flatMap { $0.isEmpty ? nil : String($0.prefix(200)) }
        // A retry of a registered key answers with its case even if the references changed since,
        // so a failed check is thrown only once the key is known to be new.
        let names: Result<(category: String, province: String), any Error>
        do { names = .success(try await client.read { db in try await referenceNames(db, draft) }) } catch {
            names = .failure(error)
        }
        let periods = JalaliPeriod.Kind.allCases.map { JalaliPeriod.containing(at, kind: $0).key }
        let search = PersianText.searchKey(normalized: draft.subject + " " + draft.body)
        return try await client.write { db in
            if let key, let staffID {
                if engine == .postgres {
                    // Two retries of one request arriving together: the second waits for the first.
                    try await db.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: "\(staffID):\(key)")))").run()
                }
                if let row = try await db.raw(
                    "SELECT case_id FROM idempotency_keys WHERE staff_id = \(bind: staffID) AND idem_key = \(bind: key)"
                ).first() {
                    return Registration(detail: try await detail(db, caseID: try row.int("case_id")), created: false)
                }
            }
            let (categoryName, provinceName) = try names.get()
            let (citizenID, nationalID, changed) = try await upsertCitizen(db, draft.citizen, trusted: actor.mayChangeCitizenDetails, at: at)
            var inserted: (id: Int, code: TrackingCode)?
            // Random codes collide about once in ten billion; a collision draws again (ten draws
            // colliding would mean a broken generator, not bad luck).
            for _ in 0..<10 where inserted == nil {
                let code = TrackingCode.generate()
                let row = try await db.raw(
                    """
                    INSERT INTO cases (tracking_code, citizen_id, channel, kind, category_code, subject, body, search_text,
                        province_code, county_code, status, priority, confidential, created_at, updated_at, version,
                        period_week, period_month, period_quarter, period_year)
                    VALUES (\(bind: code.value), \(bind: citizenID), \(bind: draft.channel.rawValue), \(bind: draft.kind.rawValue),
                        \(bind: draft.categoryCode), \(bind: draft.subject), \(bind: draft.body), \(bind: search),
                        \(bind: draft.citizen.provinceCode), \(bind: draft.citizen.countyCode), \(bind: CaseRules.initialStatus.rawValue),
                        \(bind: draft.priority.rawValue), \(bind: draft.confidential ? 1 : 0), \(bind: at.millis),
                        \(bind: at.millis), 1, \(bind: periods[0]), \(bind: periods[1]), \(bind: periods[2]), \(bind: periods[3]))
                    ON CONFLICT (tracking_code) DO NOTHING
                    RETURNING id
                    """
                ).first()
                if let row { inserted = (try row.int("id"), code) }
            }
            guard let (caseID, code) = inserted else { throw StorageError.corrupt("ten tracking codes in a row were taken") }
            let created = Case(
                id: caseID, trackingCode: code, citizenID: citizenID, channel: draft.channel, kind: draft.kind,
                categoryCode: draft.categoryCode, subject: draft.subject, body: draft.body,
                provinceCode: draft.citizen.provinceCode, countyCode: draft.citizen.countyCode, status: .registered,
                priority: draft.priority, confidential: draft.confidential, answer: nil, mergedIntoID: nil, rating: nil,
                createdAt: at, updatedAt: at, version: 1)
            let event = try await appendEvent(db, created, .registered, actor: actor, at: at, text: draft.channel.nameFa)
            // A known citizen's contact details changed by staff: who changed what, in the history (masked).
            var events = [event]
            if let changed {
                events.append(try await appendEvent(db, created, .citizenDetailsChanged, actor: actor, at: at, text: changed))
            }
            try await enqueueSMS(db, created, .registered, to: draft.citizen.mobile, text: SMSText.registered(code, link: trackingLink(code)), at: at)
            if let key, let staffID {
                try await db.raw(
                    """
                    INSERT INTO idempotency_keys (staff_id, idem_key, case_id, created_at)
                    VALUES (\(bind: staffID), \(bind: key), \(bind: caseID), \(bind: at.millis))
                    """
                ).run()
            }
            let c = draft.citizen
            let citizen = Citizen(
                id: citizenID, nationalID: nationalID, mobile: c.mobile, firstName: c.firstName, lastName: c.lastName,
                provinceCode: c.provinceCode, countyCode: c.countyCode)
            return Registration(
                detail: CaseDetail(
                    case: created, citizen: citizen, categoryName: categoryName, provinceName: provinceName,
                    mergedIntoCode: nil, referrals: [], events: events),
                created: true)
        }
    }

    public func registered(idempotencyKey: String, actor: Actor) async throws -> CaseDetail? {
        let staffID: Int = if case .staff(let s) = actor { s.id } else { 0 }
        return try await client.read { db in
            guard
                let row = try await db.raw(
                    "SELECT case_id FROM idempotency_keys WHERE staff_id = \(bind: staffID) AND idem_key = \(bind: idempotencyKey)"
                ).first()
            else { return nil }
            return try await detail(db, caseID: try row.int("case_id"))
        }
    }

    /// Category, province and county must exist (and the county lie in the province); returns the
    /// category's and province's names. One statement.
    private func referenceNames(_ db: any SQLDatabase, _ draft: CaseDraft) async throws -> (category: String, province: String) {
        let row = try await db.raw(
            """
            SELECT (SELECT active FROM categories WHERE code = \(bind: draft.categoryCode)) AS category_active,
                (SELECT name FROM categories WHERE code = \(bind: draft.categoryCode)) AS category_name,
                (SELECT name FROM provinces WHERE code = \(bind: draft.citizen.provinceCode)) AS province_name,
                (SELECT province_code FROM counties WHERE code = \(bind: draft.citizen.countyCode ?? "")) AS county_province
            """
        ).one()
        guard let active = try row.optionalInt("category_active"), active != 0, let category = try row.optionalString("category_name")
        else {
            throw DomainError(.unprocessable, "unknown_category", fa: "موضوع دسته‌بندی شناخته نشد.", en: "Unknown category.", field: "category")
        }
        guard let province = try row.optionalString("province_name") else {
            throw DomainError(.unprocessable, "unknown_province", fa: "استان شناخته نشد.", en: "Unknown province.", field: "citizen.province")
        }
        if draft.citizen.countyCode != nil, try row.optionalString("county_province") != draft.citizen.provinceCode {
            throw DomainError(
                .unprocessable, "unknown_county", fa: "شهرستان در این استان شناخته نشد.",
                en: "Unknown county for this province.", field: "citizen.county")
        }
        return (category, province)
    }

    /// The citizen is keyed by national ID, or, when they gave none, by mobile among those without
    /// one (a unique partial index). From staff the latest mobile and name given win. From a public
    /// form a known citizen is never changed, and a national ID known with another mobile leaves the
    /// letter with a record of the sender's mobile alone (`Actor.mayChangeCitizenDetails`).
    /// Returns the record and the national ID it holds (none when the letter stays with the mobile).
    private func upsertCitizen(
        _ db: any SQLDatabase, _ c: CitizenDraft, trusted: Bool, at: Date
    ) async throws -> (id: Int, nationalID: NationalID?, changed: String?) {
        if let nationalID = c.nationalID, !trusted {
            let insert = try await db.raw(
                """
                INSERT INTO citizens (national_id, mobile, first_name, last_name, province_code, county_code, created_at, updated_at)
                VALUES (\(bind: nationalID.value), \(bind: c.mobile.value), \(bind: c.firstName), \(bind: c.lastName),
                    \(bind: c.provinceCode), \(bind: c.countyCode), \(bind: at.millis), \(bind: at.millis))
                ON CONFLICT (national_id) DO NOTHING
                RETURNING id
                """
            ).first()
            if let insert { return (try insert.int("id"), nationalID, nil) }
            if let known = try await db.raw("SELECT id, mobile FROM citizens WHERE national_id = \(bind: nationalID.value)").first(),
                try known.string("mobile") == c.mobile.value
            {
                return (try known.int("id"), nationalID, nil)
            }
            return (try await upsertByMobile(db, c, trusted: false, at: at), nil, nil)
        }
        guard let nationalID = c.nationalID else { return (try await upsertByMobile(db, c, trusted: trusted, at: at), nil, nil) }
        let before = try await db.raw(
            "SELECT mobile, first_name, last_name FROM citizens WHERE national_id = \(bind: nationalID.value)\(unsafeRaw: engine.forUpdate)"
        ).first()
        let row = try await db.raw(
            """
            INSERT INTO citizens (national_id, mobile, first_name, last_name, province_code, county_code, created_at, updated_at)
            VALUES (\(bind: c.nationalID?.value), \(bind: c.mobile.value), \(bind: c.firstName), \(bind: c.lastName),
                \(bind: c.provinceCode), \(bind: c.countyCode), \(bind: at.millis), \(bind: at.millis))
            ON CONFLICT (national_id) DO UPDATE SET mobile = excluded.mobile, first_name = excluded.first_name,
                last_name = excluded.last_name, province_code = excluded.province_code,
                county_code = excluded.county_code, updated_at = excluded.updated_at
            RETURNING id
            """
        ).first()
        guard let row else { throw StorageError.corrupt("the citizen upsert returned no row") }
        var changes: [String] = []
        if let before {
            if let old = try? MobileNumber(parsing: try before.string("mobile")), old != c.mobile {
                changes.append("همراه \(PersianDigits.toPersian(old.masked)) ← \(PersianDigits.toPersian(c.mobile.masked))")
            }
            let oldName = "\(try before.string("first_name")) \(try before.string("last_name"))"
            let newName = "\(c.firstName) \(c.lastName)"
            if oldName != newName { changes.append("نام «\(oldName)» ← «\(newName)»") }
        }
        return (try row.int("id"), c.nationalID, changes.isEmpty ? nil : changes.joined(separator: "؛ "))
    }

    /// The record of a mobile among citizens without a national ID; only staff change its name.
    private func upsertByMobile(_ db: any SQLDatabase, _ c: CitizenDraft, trusted: Bool, at: Date) async throws -> Int {
        let update: SQLQueryString =
            trusted
            ? "first_name = excluded.first_name, last_name = excluded.last_name, province_code = excluded.province_code, county_code = excluded.county_code, updated_at = excluded.updated_at"
            : "updated_at = excluded.updated_at"
        let row = try await db.raw(
            """
            INSERT INTO citizens (national_id, mobile, first_name, last_name, province_code, county_code, created_at, updated_at)
            VALUES (NULL, \(bind: c.mobile.value), \(bind: c.firstName), \(bind: c.lastName),
                \(bind: c.provinceCode), \(bind: c.countyCode), \(bind: at.millis), \(bind: at.millis))
            ON CONFLICT (mobile) WHERE national_id IS NULL DO UPDATE SET \(update)
            RETURNING id
            """
        ).first()
        guard let row else { throw StorageError.corrupt("the citizen upsert returned no row") }
        return try row.int("id")
    }
}
