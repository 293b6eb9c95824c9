import Foundation
import PersianKit

/// A citizen as typed at registration, already parsed.
public struct CitizenDraft: Sendable, Hashable {
    /// Optional: a citizen may write without it and is then known by their mobile.
    public var nationalID: NationalID?
    public var mobile: MobileNumber
    public var firstName: String
    public var lastName: String
    public var provinceCode: String
    public var countyCode: String?

    public init(nationalID: NationalID?, mobile: MobileNumber, firstName: String, lastName: String, provinceCode: String, countyCode: String?) {
        self.nationalID = nationalID
        self.mobile = mobile
        self.firstName = firstName
        self.lastName = lastName
        self.provinceCode = provinceCode
        self.countyCode = countyCode
    }
}

/// A new case, validated: every field parsed and normalised; reference codes are checked by storage.
public struct CaseDraft: Sendable, Hashable {
    public var channel: Channel
    public var kind: CaseKind
    public var categoryCode: String
    public var subject: String
    public var body: String
    public var confidential: Bool
    public var priority: CasePriority
    public var citizen: CitizenDraft

    public init(
        channel: Channel, kind: CaseKind, categoryCode: String, subject: String, body: String, confidential: Bool,
        priority: CasePriority, citizen: CitizenDraft
    ) {
        self.channel = channel
        self.kind = kind
        self.categoryCode = categoryCode
        self.subject = subject
        self.body = body
        self.confidential = confidential
        self.priority = priority
        self.citizen = citizen
    }

    /// Reference codes ("04", "04-01") as typed: digits to ASCII, surrounding space dropped; dashes kept.
    static func code(_ raw: String) -> String {
        PersianDigits.toASCII(raw).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Parses raw input the way every entry point (API, pages, generator) must; throws the first problem.
    public static func parse(
        channel: Channel, kind: CaseKind, categoryCode: String, subject: String?, body: String?, confidential: Bool,
        priority: CasePriority = .normal, nationalID: String?, mobile: String, firstName: String?, lastName: String?,
        provinceCode: String, countyCode: String?
    ) throws(DomainError) -> CaseDraft {
        switch parseAll(
            channel: channel, kind: kind, categoryCode: categoryCode, subject: subject, body: body,
            confidential: confidential, priority: priority, nationalID: nationalID, mobile: mobile, firstName: firstName,
            lastName: lastName, provinceCode: provinceCode, countyCode: countyCode)
        {
        case .success(let draft): return draft
        case .failure(let problems): throw problems.errors[0]
        }
    }

    /// Every problem of the input at once, so a form can mark each wrong field.
    public struct Problems: Error, Sendable {
        public let errors: [DomainError]
    }

    public static func parseAll(
        channel: Channel, kind: CaseKind, categoryCode: String, subject: String?, body: String?, confidential: Bool,
        priority: CasePriority = .normal, nationalID: String?, mobile: String, firstName: String?, lastName: String?,
        provinceCode: String, countyCode: String?
    ) -> Result<CaseDraft, Problems> {
        var errors: [DomainError] = []
        func check<T>(_ parse: () throws(DomainError) -> T) -> T? {
            do { return try parse() } catch {
                errors.append(error)
                return nil
            }
        }
        let subject = check { () throws(DomainError) in try TextInput.required(subject, field: "subject", fa: "موضوع", max: TextInput.maxSubject) }
        let body = check { () throws(DomainError) in try TextInput.required(body, field: "body", fa: "متن نامه", max: TextInput.maxBody) }
        let first = check { () throws(DomainError) in try TextInput.required(firstName, field: "firstName", fa: "نام", max: TextInput.maxName) }
        let last = check { () throws(DomainError) in try TextInput.required(lastName, field: "lastName", fa: "نام خانوادگی", max: TextInput.maxName) }
        let nid = check { () throws(DomainError) in try parseNationalID(nationalID) }
        let phone = check { () throws(DomainError) in try parseMobile(mobile) }
        guard errors.isEmpty, let subject, let body, let first, let last, let nid, let phone else {
            return .failure(Problems(errors: errors))
        }
        let citizen = CitizenDraft(
            nationalID: nid, mobile: phone, firstName: first, lastName: last, provinceCode: Self.code(provinceCode),
            countyCode: countyCode.map(Self.code).flatMap { $0.isEmpty ? nil : $0 })
        return .success(
            CaseDraft(
                channel: channel, kind: kind, categoryCode: categoryCode, subject: subject, body: body,
                confidential: confidential, priority: priority, citizen: citizen))
    }

    /// Empty (or only spaces and direction marks) means not given; anything else must be a valid ID.
    static func parseNationalID(_ raw: String?) throws(DomainError) -> NationalID? {
        let digits = PersianText.normalizeIdentifier(raw ?? "")
        guard !digits.isEmpty else { return nil }
        do { return try NationalID(parsing: raw ?? "") } catch { throw DomainError(error, field: "citizen.nationalId") }
    }

    static func parseMobile(_ raw: String) throws(DomainError) -> MobileNumber {
        do { return try MobileNumber(parsing: raw) } catch { throw DomainError(error, field: "citizen.mobile") }
    }
}
