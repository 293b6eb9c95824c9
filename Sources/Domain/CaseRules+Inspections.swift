import Foundation

/// The breach register (ثبت تخلف‌ها): every referral or directive that reached the provincial
/// inspection office's queue (escalation level 2), with what the office did about it. An inspector
/// records the action taken (a warning to the agency's head, a report to the governor, …); a later
/// action replaces the earlier one on the referral, and each is written to the case's history.
extension CaseRules {
    public static func recordInspection(
        _ c: Case, referralID: Int, referrals: [Referral], action rawAction: String, actor: Actor, at: Date
    ) throws -> CaseChange {
        guard var referral = referrals.first(where: { $0.id == referralID }) else { throw DomainError.referralNotFound }
        let action = try TextInput.required(rawAction, field: "action", fa: "اقدام اداره بازرسی", max: TextInput.maxNote)
        guard referral.escalationLevel >= topEscalationLevel else {
            throw DomainError(
                .conflict, "not_in_inspection_queue", fa: "این ارجاع به صف اداره بازرسی (پیگیری سطح ۲) نرسیده است.",
                en: "The referral has not reached the inspection queue (level 2).", field: "action")
        }
        referral.inspectionNote = action
        referral.inspectedAt = at
        var change = CaseChange(c, actor: actor)
        change.updatedReferrals = [referral]
        change.events = [.init(.inspected, agencyID: referral.agencyID, agencyName: referral.agencyName, text: action)]
        return change
    }
}
