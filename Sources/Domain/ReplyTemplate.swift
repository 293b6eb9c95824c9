import Foundation
import PersianKit

/// A ready answer (متن آماده پاسخ, a macro) for a common request: screening and agencies start an
/// answer from it instead of typing the same letter again. A province's supervisors keep their
/// province's; national staff keep the national ones every province sees.
public struct ReplyTemplate: Sendable, Hashable {
    public var id: Int
    public var title: String
    public var body: String
    /// The category it answers; nil for any.
    public var categoryCode: String?
    /// The province whose staff see it; nil for every province.
    public var provinceCode: String?
    public var active: Bool
    public var updatedAt: Date

    public init(id: Int, title: String, body: String, categoryCode: String?, provinceCode: String?, active: Bool, updatedAt: Date) {
        self.id = id
        self.title = title
        self.body = body
        self.categoryCode = categoryCode
        self.provinceCode = provinceCode
        self.active = active
        self.updatedAt = updatedAt
    }
}

/// A ready answer as it is saved, its text normalised and checked.
public struct ReplyTemplateDraft: Sendable, Equatable {
    public var title: String
    public var body: String
    public var categoryCode: String?
    public var provinceCode: String?
    public var active: Bool

    /// Checks what a supervisor typed: a title (at most 100 characters) and a text as long as an
    /// answer may be, both showing something.
    public init(title: String?, body: String?, categoryCode: String?, provinceCode: String?, active: Bool) throws(DomainError) {
        self.title = try TextInput.required(title, field: "title", fa: "عنوان متن آماده", max: TextInput.maxLabel)
        self.body = try TextInput.required(body, field: "body", fa: "متن پاسخ", max: TextInput.maxBody)
        self.categoryCode = categoryCode.flatMap { $0.isEmpty ? nil : $0 }
        self.provinceCode = provinceCode.flatMap { $0.isEmpty ? nil : $0 }
        self.active = active
    }
}

extension ReplyTemplate {
    /// Whether `staff` may change it: a provincial supervisor or admin their province's, national
    /// staff any.
    public func mayEdit(_ staff: Staff) -> Bool {
        AccessPolicy.roles(for: .manageReplyTemplates).contains(staff.role)
            && (staff.provinceCode == nil || staff.provinceCode == provinceCode)
    }

    /// Whether it is offered on a case of `province` in `category`.
    public func applies(province: String, category: String) -> Bool {
        active && (provinceCode == nil || provinceCode == province) && (categoryCode == nil || categoryCode == category)
    }

    /// The ready answers a case is offered: the active ones of its province and the national ones,
    /// those written for its category first, then by title.
    public static func offered(_ all: [ReplyTemplate], province: String, category: String) -> [ReplyTemplate] {
        all.filter { $0.applies(province: province, category: category) }
            .sorted { ($0.categoryCode == nil ? 1 : 0, $0.title) < ($1.categoryCode == nil ? 1 : 0, $1.title) }
    }
}
