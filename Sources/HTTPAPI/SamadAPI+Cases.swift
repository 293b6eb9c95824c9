import Domain
import Foundation
import PersianKit
import Storage
import Workflow

/// Registration and reading of cases.
extension SamadAPI {
    func registerCase(_ input: Operations.RegisterCase.Input) async throws -> Operations.RegisterCase.Output {
        let caller = try await staffCaller(for: .registerCase)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let draft = try CaseDraft.parse(
            channel: body.channel.domain, kind: body.kind.domain, categoryCode: body.category, subject: body.subject,
            body: body.body, confidential: body.confidential ?? false, priority: body.priority?.domain ?? .normal,
            nationalID: body.citizen.nationalId, mobile: body.citizen.mobile, firstName: body.citizen.firstName,
            lastName: body.citizen.lastName, provinceCode: body.citizen.province, countyCode: body.citizen.county)
        let registration = try await workflow.register(draft, idempotencyKey: input.headers.idempotencyKey, by: caller)
        return .created(.init(body: .json(.init(registration.detail, viewer: caller.staff, clock: workflow.clock))))
    }

    func getCase(_ input: Operations.GetCase.Input) async throws -> Operations.GetCase.Output {
        let caller = try await staffCaller(for: .getCase)
        let detail = try await visible(input.path.trackingCode, to: caller)
        return .ok(.init(body: .json(.init(detail, viewer: caller.staff, clock: workflow.clock))))
    }

    func listCases(_ input: Operations.ListCases.Input) async throws -> Operations.ListCases.Output {
        let staff = try await staff(for: .listCases)
        let q = input.query
        var query = CaseQuery()
        query.statuses = try Self.statuses(q.status)
        query.provinceCode = try await provinceFilter(q.province)
        query.agencyID = try Self.idFilter(q.agency, field: "agency")
        query.categoryCode = try await categoryFilter(q.category)
        query.channel = q.channel?.domain
        query.kind = q.kind?.domain
        query.from = try q.from.map { try Self.dayStart($0, field: "from") }
        query.to = try q.to.map { try Self.dayStart($0, field: "to").addingTimeInterval(86_400) }
        if let text = q.q { try InputLimits.check(text, field: "q", fa: "متن جست‌وجو", max: InputLimits.maxQuery) }
        query.text = q.q
        query.order = q.order.flatMap { CaseQuery.Order(rawValue: $0.rawValue) } ?? .newest
        query.limit = try Self.pageLimit(q.limit, default: 50)
        query.cursor = q.cursor
        query.returnedTwice = q.returnedTwice ?? false
        if staff.role == .liaison {
            guard let agency = staff.agencyID else { throw DomainError.forbidden }
            query.scopeAgency = agency
        } else {
            query.scopeProvince = staff.provinceCode
        }
        let page = try await cases.list(query)
        return .ok(.init(body: .json(.init(items: page.items.map { .init($0, viewer: staff) }, nextCursor: page.nextCursor))))
    }

    /// A page size of 1 to 200, as openapi.yaml says; anything else is refused, not clamped.
    static func pageLimit(_ raw: Int?, default fallback: Int) throws -> Int {
        guard let raw else { return fallback }
        guard (1...200).contains(raw) else {
            throw DomainError(
                .invalid, "invalid_limit", fa: "تعداد در هر صفحه باید از ۱ تا ۲۰۰ باشد.", en: "limit must be between 1 and 200.",
                field: "limit")
        }
        return raw
    }

    static func statuses(_ raw: String?) throws -> [CaseStatus] {
        guard let raw, !raw.isEmpty else { return [] }
        return try raw.split(separator: ",").map { part in
            guard let status = CaseStatus(rawValue: part.trimmingCharacters(in: .whitespaces)) else {
                throw DomainError(.invalid, "invalid_status", fa: "وضعیت نامه شناخته نشد.", en: "Unknown status.", field: "status")
            }
            return status
        }
    }

    /// A day typed by staff: Jalali (۱۴۰۲/۰۳/۰۴, 1402-3-4) or Gregorian ISO (2023-05-25), as the start of that day in Tehran.
    static func dayStart(_ raw: String, field: String) throws -> Date {
        let ascii = PersianDigits.toASCII(raw)
        if let year = Int(ascii.prefix(4)), year >= 1700 {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate]
            formatter.timeZone = JalaliFormat.tehran
            // The formatter rolls 2023-02-30 over to 1 March: a day is taken only if it reads back the same.
            guard let date = formatter.date(from: ascii), formatter.string(from: date) == ascii else {
                // 2023-02-30 has the form and no such day: refused by the calendar (422), not the shape.
                let wellFormed = ascii.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) != nil
                throw DomainError(wellFormed ? .unprocessable : .invalid, "invalid_date", fa: "تاریخ نامعتبر است.", en: "Invalid date.", field: field)
            }
            return date
        }
        do {
            return try JalaliDate(parsing: raw).startOfDay()
        } catch {
            throw DomainError(error, field: field)
        }
    }
}
