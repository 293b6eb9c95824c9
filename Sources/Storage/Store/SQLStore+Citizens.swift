import Domain
import Foundation
import PersianKit
import SQLKit

extension SQLStore {
    public func citizenHistory(nationalID: NationalID?, mobile: MobileNumber?, limit: Int) async throws -> (Citizen, [CaseSummary])? {
        guard nationalID != nil || mobile != nil else { return nil }
        return try await client.read { db in
            let columns = "id, national_id, mobile, first_name, last_name, province_code, county_code"
            let row: (any SQLRow)?
            if let nationalID {
                row = try await db.raw("SELECT \(unsafeRaw: columns) FROM citizens WHERE national_id = \(bind: nationalID.value)").first()
            } else if let mobile {
                row = try await db.raw(
                    "SELECT \(unsafeRaw: columns) FROM citizens WHERE mobile = \(bind: mobile.value) ORDER BY updated_at DESC LIMIT 1"
                ).first()
            } else {
                row = nil
            }
            guard let row else { return nil }
            let citizen = Citizen(
                id: try row.int("id"), nationalID: try row.nationalID(),
                mobile: try row.mobile(), firstName: try row.string("first_name"),
                lastName: try row.string("last_name"), provinceCode: try row.string("province_code"),
                countyCode: try row.optionalString("county_code"))
            let cases = try await db.raw(
                """
                SELECT tracking_code, subject, status, channel, kind, category_code, province_code, county_code, confidential,
                    created_at, updated_at
                FROM cases WHERE citizen_id = \(bind: citizen.id) ORDER BY created_at DESC LIMIT \(literal: max(1, min(limit, 50)))
                """
            ).all().map { row in
                CaseSummary(
                    trackingCode: try TrackingCode(parsing: try row.string("tracking_code")), subject: try row.string("subject"),
                    status: try row.enumValue("status", as: CaseStatus.self), channel: try row.enumValue("channel", as: Channel.self),
                    kind: try row.enumValue("kind", as: CaseKind.self), categoryCode: try row.string("category_code"),
                    provinceCode: try row.string("province_code"), countyCode: try row.optionalString("county_code"),
                    confidential: try row.bool("confidential"), citizenName: citizen.fullName,
                    maskedMobile: citizen.mobile.masked, maskedNationalID: citizen.nationalID?.masked,
                    createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
            }
            return (citizen, cases)
        }
    }
}
