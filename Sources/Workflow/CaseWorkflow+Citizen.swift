import Domain
import Foundation
import PersianKit
import Storage

/// The citizen's side (tracking code plus the case's mobile, or a signed-in mobile) and the
/// citizen's personal data as staff see it.
extension CaseWorkflow {
    /// The case if the mobile is its citizen's; a wrong mobile answers exactly like a wrong code.
    /// Look-ups are limited per address and per code, so codes cannot be guessed.
    public func track(_ code: TrackingCode, mobile: MobileNumber) async throws -> CaseDetail {
        try await limitTracking(code)
        guard let detail = try await cases.detail(code), detail.citizen.mobile == mobile else { throw DomainError.caseNotFound }
        return detail
    }

    /// The citizen rates the answer (once per answer, `CaseRules.checkRate`); 1–2 is an appeal that
    /// reopens the case for screening, 3–5 closes it.
    public func rate(_ code: TrackingCode, mobile: MobileNumber, rating: Int, comment: String?) async throws -> CaseDetail {
        try await limitTracking(code)
        return try await cases.rate(code, mobile: mobile, rating: rating, comment: comment)
    }

    /// The citizen objects to the answer (`CaseRules.object`): an appeal, like a rating of 1–2.
    public func object(_ code: TrackingCode, mobile: MobileNumber, text: String) async throws -> CaseDetail {
        try await limitTracking(code)
        return try await cases.object(code, mobile: mobile, text: text)
    }

    /// The signed-in citizen's letters, newest first, one keyset page.
    public func citizenCases(_ mobile: MobileNumber, limit: Int, cursor: String?) async throws -> CitizenCasesPage {
        try await cases.details(forMobile: mobile, limit: limit, cursor: cursor)
    }

    func limitTracking(_ code: TrackingCode) async throws {
        try await gate.limit("track-address", RequestIdentity.current.remoteAddress, RateLimits.trackPerAddress)
        try await gate.limit("track-code", code.value, RateLimits.trackPerCode)
    }

    /// The citizen's full national ID and mobile for a staff member who may see them; each reveal
    /// is written to the case's history. Confidential cases hide the citizen from agencies.
    public func revealCitizen(_ code: TrackingCode, by caller: StaffCaller) async throws -> CaseDetail {
        try caller.require(.viewPersonalData)
        let detail = try await visibleCase(code, to: caller)
        guard AccessPolicy.mayIdentifyCitizen(caller.staff, confidential: detail.case.confidential) else {
            throw DomainError.forbidden
        }
        try await cases.recordPersonalDataView(caseID: detail.case.id, actor: caller.actor)
        return try await visibleCase(code, to: caller)
    }

    /// The citizen a national ID (or else a mobile) names, with the letters `caller` may see: only a
    /// citizen of a province in their scope is found, confidential letters are not listed, and each
    /// staff member's look-ups are rate-limited, so the console is no directory of the country.
    public func lookUpCitizen(
        nationalID: NationalID?, mobile: MobileNumber?, by caller: StaffCaller
    ) async throws -> (Citizen, [CaseSummary])? {
        try caller.require(.registerCase)
        guard nationalID != nil || mobile != nil else { return nil }
        try await gate.limit("citizen-lookup", String(caller.staff.id), RateLimits.citizenLookupPerStaff)
        guard let (citizen, past) = try await cases.citizenHistory(
            nationalID: nationalID, mobile: nationalID == nil ? mobile : nil, limit: 10),
            AccessPolicy.covers(caller.staff, province: citizen.provinceCode)
        else { return nil }
        return (citizen, past.filter { !$0.confidential && AccessPolicy.covers(caller.staff, province: $0.provinceCode) })
    }
}
