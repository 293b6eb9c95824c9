import Domain
import Foundation
import PersianKit
import Storage

/// The inspection office's side of an appeal: the decision on a reopened case it can see.
extension CaseWorkflow {
    public func decideAppeal(
        _ code: TrackingCode, outcome: AppealOutcome, reasons: String, by caller: StaffCaller
    ) async throws -> CaseDetail {
        try caller.require(.decideAppeal)
        let current = try await visibleCase(code, to: caller)
        return try await cases.decideAppeal(current.case.trackingCode, outcome: outcome, reasons: reasons, actor: caller.actor)
    }
}
