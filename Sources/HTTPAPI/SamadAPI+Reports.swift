import Domain
import Foundation
import PersianKit
import Storage
import Workflow

/// Period reports (گزارش دوره‌ای): what came in a week, month, quarter or year, and how it was answered.
extension SamadAPI {
    func getReport(_ input: Operations.GetReport.Input) async throws -> Operations.GetReport.Output {
        let caller = try await staffCaller(for: .getReport)
        let result = try await workflow.report(period: input.query.period, province: input.query.province, by: caller)
        return .ok(.init(body: .json(.init(result.report))))
    }
}
