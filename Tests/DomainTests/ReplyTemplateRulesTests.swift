import Domain
import Foundation
import Testing

/// Ready answers: what a draft accepts, who may change one, and which a case is offered.
@Suite struct ReplyTemplateRulesTests {
    static func template(_ id: Int, _ title: String, category: String?, province: String?, active: Bool = true) -> ReplyTemplate {
        ReplyTemplate(id: id, title: title, body: "متن", categoryCode: category, provinceCode: province, active: active, updatedAt: Date())
    }

    @Test func aDraftNeedsATitleAndATextThatShowSomething() throws {
        #expect(throws: DomainError.self) { try ReplyTemplateDraft(title: "  ", body: "متن", categoryCode: nil, provinceCode: nil, active: true) }
        #expect(throws: DomainError.self) { try ReplyTemplateDraft(title: "عنوان", body: "\u{200C}\u{2060}", categoryCode: nil, provinceCode: nil, active: true) }
        #expect(throws: DomainError.self) {
            try ReplyTemplateDraft(title: String(repeating: "ب", count: 101), body: "متن", categoryCode: nil, provinceCode: nil, active: true)
        }
        let draft = try ReplyTemplateDraft(title: "پاسخ وام", body: "با سلام، درخواست شما بررسي شد.", categoryCode: "", provinceCode: "", active: true)
        #expect(draft.body == "با سلام، درخواست شما بررسی شد.", "normalised: Arabic yeh becomes Persian")
        #expect(draft.categoryCode == nil && draft.provinceCode == nil)
    }

    @Test func aCaseIsOfferedItsProvincesAndTheNationalOnesItsCategoryFirst() {
        let all = [
            Self.template(1, "ب عمومی", category: nil, province: "04"),
            Self.template(2, "الف وام", category: "interestFreeLoan", province: nil),
            Self.template(3, "دیگر استان", category: nil, province: "07"),
            Self.template(4, "اشتغال", category: "employment", province: "04"),
            Self.template(5, "بایگانی", category: nil, province: "04", active: false),
            Self.template(6, "الف عمومی", category: nil, province: nil),
        ]
        let offered = ReplyTemplate.offered(all, province: "04", category: "interestFreeLoan").map(\.id)
        #expect(offered == [2, 6, 1])
    }

    @Test func aProvincialSupervisorChangesOnlyTheirProvinces() {
        let supervisor = Staff(id: 1, username: "s", displayName: "s", role: .supervisor, provinceCode: "04", agencyID: nil, active: true)
        let admin = Staff(id: 2, username: "a", displayName: "a", role: .admin, provinceCode: nil, agencyID: nil, active: true)
        let liaison = Staff(id: 3, username: "l", displayName: "l", role: .liaison, provinceCode: "04", agencyID: 7, active: true)
        #expect(Self.template(1, "x", category: nil, province: "04").mayEdit(supervisor))
        #expect(!Self.template(1, "x", category: nil, province: "07").mayEdit(supervisor))
        #expect(!Self.template(1, "x", category: nil, province: nil).mayEdit(supervisor))
        #expect(Self.template(1, "x", category: nil, province: nil).mayEdit(admin))
        #expect(!Self.template(1, "x", category: nil, province: "04").mayEdit(liaison))
    }
}
