import Domain
import Foundation
import PersianKit
import SQLKit

/// The citizen's objection and the inspection office's decision on an appeal, each under the case's
/// lock as `CaseRules.object` and `CaseRules.decideAppeal` decide.
extension SQLStore {
    public func object(_ code: TrackingCode, mobile: MobileNumber, text: String) async throws -> CaseDetail {
        let at = now()
        return try await client.write { db in
            let (c, owner) = try await lockCase(db, code: code)
            let change = try CaseRules.object(
                c, owner: owner, mobile: mobile, events: try await events(db, caseID: c.id), text: text, link: trackingLink(code))
            try await apply(db, change, mobile: owner, at: at)
            return try await detail(db, caseID: c.id)
        }
    }

    public func decideAppeal(_ code: TrackingCode, outcome: AppealOutcome, reasons: String, actor: Actor) async throws -> CaseDetail {
        let at = now()
        return try await client.write { db in
            let (c, mobile) = try await lockCase(db, code: code)
            let change = try CaseRules.decideAppeal(
                c, outcome: outcome, reasons: reasons, events: try await events(db, caseID: c.id), actor: actor,
                link: trackingLink(c.trackingCode))
            try await apply(db, change, mobile: mobile, at: at)
            return try await detail(db, caseID: c.id)
        }
    }
}
