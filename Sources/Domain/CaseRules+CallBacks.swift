import Foundation
import PersianKit

/// How a call to the citizen went.
public enum CallOutcome: String, Sendable, Hashable, CaseIterable {
    /// The citizen answered and the matter was discussed.
    case reached
    case noAnswer
    /// The number on the letter did not reach the citizen.
    case wrongNumber

    public var nameFa: String {
        switch self {
        case .reached: "با شهروند گفتگو شد"
        case .noAnswer: "پاسخ نداد"
        case .wrongNumber: "شماره نادرست بود"
        }
    }
}

/// Call-backs: support institutions (the Relief Committee, the Welfare Organisation) and other
/// agencies call the citizen about a referral they hold or answered; the call is recorded on the
/// case's timeline, the citizen reading that the agency called.
extension CaseRules {
    /// The agency holding referral `referralID` records a call to the citizen at `calledAt` (nil: now):
    /// not on a referral withdrawn or returned, not in the future, not before the referral was made.
    public static func recordCallBack(
        _ c: Case, referralID: Int, referrals: [Referral], outcome: CallOutcome, calledAt: Date?, note rawNote: String?,
        actor: Actor, now: Date
    ) throws -> CaseChange {
        guard let referral = referrals.first(where: { $0.id == referralID }) else { throw DomainError.referralNotFound }
        let note = try TextInput.optional(rawNote, field: "note", fa: "یادداشت تماس", max: TextInput.maxNote)
        guard referral.status.isOpen || referral.status == .answered else {
            throw DomainError.referralTransition("ثبت تماس با شهروند", from: referral.status)
        }
        let at = calledAt ?? now
        guard at <= now, at >= referral.createdAt else {
            throw DomainError(
                .unprocessable, "callback_time_out_of_range", fa: "زمان تماس باید پس از ارجاع و پیش از اکنون باشد.",
                en: "The call must be after the referral and not in the future.", field: "calledAt")
        }
        var change = CaseChange(c, actor: actor)
        let text = "\(outcome.nameFa) — \(JalaliFormat.dateTime(at))" + (note.map { "\n\($0)" } ?? "")
        change.events = [.init(.calledBack, agencyID: referral.agencyID, agencyName: referral.agencyName, text: text)]
        return change
    }
}
