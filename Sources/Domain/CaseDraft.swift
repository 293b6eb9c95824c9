import Foundation
import PersianKit

/// A citizen as typed at registration, already parsed.
public struct CitizenDraft: Sendable, Hashable {
    public var nationalID: NationalID
    public var mobile: MobileNumber
    public var firstName: String
    public var lastName: String
    public var provinceCode: String
    public var countyCode: String?

    public init(nationalID: NationalID, mobile: MobileNumber, firstName: String, lastName: String, provinceCode: String, countyCode: String?) {
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

    /// Parses raw input the way every entry point (API, pages, generator) must.
    public static func parse(
        channel: Channel, kind: CaseKind, categoryCode: String, subject: String?, body: String?, confidential: Bool,
        priority: CasePriority = .normal, nationalID: String, mobile: String, firstName: String?, lastName: String?,
        provinceCode: String, countyCode: String?
    ) throws(DomainError) -> CaseDraft {
        let nid: NationalID
        do { nid = try NationalID(parsing: nationalID) } catch { throw DomainError(error, field: "citizen.nationalId") }
        let phone: MobileNumber
        do { phone = try MobileNumber(parsing: mobile) } catch { throw DomainError(error, field: "citizen.mobile") }
        let citizen = CitizenDraft(
            nationalID: nid, mobile: phone,
            firstName: try TextInput.required(firstName, field: "firstName", fa: "نام", max: TextInput.maxName),
            lastName: try TextInput.required(lastName, field: "lastName", fa: "نام خانوادگی", max: TextInput.maxName),
            provinceCode: Self.code(provinceCode),
            countyCode: countyCode.map(Self.code).flatMap { $0.isEmpty ? nil : $0 })
        return CaseDraft(
            channel: channel, kind: kind, categoryCode: categoryCode,
            subject: try TextInput.required(subject, field: "subject", fa: "موضوع", max: TextInput.maxSubject),
            body: try TextInput.required(body, field: "body", fa: "متن نامه", max: TextInput.maxBody),
            confidential: confidential, priority: priority, citizen: citizen)
    }
}
