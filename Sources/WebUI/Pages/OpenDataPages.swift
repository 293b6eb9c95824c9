import Domain
import Foundation
import Hummingbird
import PersianKit
import Workflow

/// Open data (داده باز) for anyone: one ended month's letters per province and category, small
/// counts withheld, with the same table as JSON and CSV from the API.
extension WebUI {
    struct OpenDataModel {
        struct Row { let name: String; let cells: [String]; let total: String }
        let layout: Layout
        let label: String
        let month: String
        let categories: [String]
        let rows: [Row]
        let totals: [String]
        let total: String
        let csvURL: String
        let jsonURL: String
        let previousURL: String
        let threshold: String
    }

    func registerOpenDataPages<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.openData.path), use: page { request, _ in
            // The form's empty field asks for the default month.
            let view = try await workflow.openData(month: request.formQuery["month"].flatMap { $0.isEmpty ? nil : $0 })
            let t = view.table
            func show(_ value: Int?) -> String { value.map(Show.number) ?? "کمتر از \(Show.number(OpenDataTable.threshold))" }
            let api = "/api/v1/open-data?month=\(view.month.key)"
            let model = OpenDataModel(
                layout: Layout(title: "داده‌های باز سامد", current: SiteURL.openData.path), label: view.month.labelFa,
                month: Show.digits(view.month.key), categories: view.categories.map(\.name),
                rows: view.provinces.enumerated().map { p, province in
                    .init(name: province.name, cells: t.cells[p].map(show), total: show(t.rowTotals[p]))
                },
                totals: t.columnTotals.map(show), total: show(t.total), csvURL: api + "&format=csv", jsonURL: api,
                previousURL: SiteURL.openData.path + "?month=" + view.month.previous.key,
                threshold: Show.number(OpenDataTable.threshold))
            return render("open-data", model)
        })
    }
}
