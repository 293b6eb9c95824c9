import Domain
import Foundation
import OpenAPIRuntime
import Workflow

/// Open data for anyone: the same use case and the same CSV as the public page.
extension SamadAPI {
    func getOpenData(_ input: Operations.GetOpenData.Input) async throws -> Operations.GetOpenData.Output {
        let view = try await workflow.openData(month: input.query.month)
        if input.query.format == .csv {
            return .ok(.init(body: .csv(HTTPBody(try view.csv()))))
        }
        let t = view.table
        return .ok(
            .init(
                body: .json(
                    .init(
                        month: view.month.key, label: view.month.labelFa, threshold: OpenDataTable.threshold,
                        categories: view.categories.map { .init(code: $0.code, name: $0.name) },
                        rows: view.provinces.enumerated().map { p, province in
                            .init(province: province.code, name: province.name, cells: t.cells[p], total: t.rowTotals[p])
                        },
                        totals: .init(cells: t.columnTotals, total: t.total)))))
    }
}
