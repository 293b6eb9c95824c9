import Domain
import Foundation

/// One generated case's state as its life is played forward: what the case row, its referrals,
/// events and SMS will hold. Mirrors the repository operations (each save bumps the version).
struct CaseLife {
    struct Event {
        let kind: CaseEventKind
        let actor: Actor
        let at: Int
        var agencyID: Int?
        var agencyName: String?
        var text: String?
        var rating: Int?
    }

    struct SMS {
        let kind: NotificationKind
        let text: String
        let at: Int
    }

    struct ReferralRow {
        let agencyID: Int
        let agencyName: String
        var status: ReferralStatus
        let dueMillis: Int
        let createdMillis: Int
        var updatedMillis: Int
        var answer: String?
        var returnReason: String?
        var answeredMillis: Int?
    }

    let caseID: Int
    let province: String
    let mobile: String
    let nowMillis: Int
    private(set) var clock: Int
    var status = CaseStatus.registered
    var answer: String?
    var mergedInto: Int?
    var rating: Int?
    private(set) var version = 1
    private(set) var updatedMillis: Int
    var referrals: [ReferralRow] = []
    private(set) var events: [Event] = []
    private(set) var notifications: [SMS] = []

    init(caseID: Int, province: String, mobile: String, startMillis: Int, nowMillis: Int) {
        self.caseID = caseID
        self.province = province
        self.mobile = mobile
        self.nowMillis = nowMillis
        self.clock = startMillis
        self.updatedMillis = startMillis
        events.reserveCapacity(8)
    }

    /// Moves the case's clock on; nil when that moment is still in the future, which ends the life there.
    mutating func step(hours: Double) -> Int? {
        let next = clock + Int(hours * 3_600_000)
        guard next <= nowMillis else { return nil }
        clock = next
        return next
    }

    /// The case row was updated at `at` (`SQLStore.save`).
    mutating func save(_ at: Int) {
        version += 1
        updatedMillis = at
    }

    mutating func event(
        _ kind: CaseEventKind, actor: Actor, at: Int, agencyID: Int? = nil, agencyName: String? = nil, text: String? = nil,
        rating: Int? = nil
    ) {
        events.append(Event(kind: kind, actor: actor, at: at, agencyID: agencyID, agencyName: agencyName, text: text, rating: rating))
    }

    mutating func sms(_ kind: NotificationKind, text: String, at: Int) {
        notifications.append(SMS(kind: kind, text: text, at: at))
    }

    /// An agency accepts, answers or returns referral `n`; the case follows all its referrals,
    /// as `SQLStore.changeReferral` decides with `CaseRules`.
    mutating func changeReferral(_ n: Int, to next: ReferralStatus, at: Int, actor: Actor, text: String? = nil) {
        var r = referrals[n]
        r.status = next
        r.updatedMillis = at
        let kind: CaseEventKind
        switch next {
        case .answered:
            r.answer = text
            r.answeredMillis = at
            kind = .referralAnswered
        case .returned:
            r.returnReason = text
            kind = .referralReturned
        default:
            kind = .referralAccepted
        }
        referrals[n] = r
        event(kind, actor: actor, at: at, agencyID: r.agencyID, agencyName: r.agencyName, text: text)
        let domain = referrals.map {
            Referral(
                id: 0, caseID: caseID, agencyID: $0.agencyID, agencyName: $0.agencyName, status: $0.status, note: nil,
                answer: $0.answer, returnReason: $0.returnReason, dueAt: Date(), escalationLevel: 0, createdAt: Date(),
                answeredAt: nil)
        }
        let history = events.enumerated().map { n, e in
            CaseEvent(
                id: n + 1, caseID: caseID, at: Date(timeIntervalSince1970: Double(e.at) / 1000), kind: e.kind, actorKind: e.actor.kind, actorID: e.actor.id,
                actorName: e.actor.displayName, agencyID: e.agencyID, agencyName: e.agencyName, text: e.text, rating: e.rating)
        }
        let after = CaseRules.statusAfterReferralChange(domain, events: history)
        if after != status {
            status = after
            if after == .answered {
                answer = CaseRules.combinedAnswer(history)
                event(.answered, actor: actor, at: at, text: answer)
            }
        }
        save(at)
    }

    /// The citizen rates the answer: 3–5 closes the case, 1–2 reopens it for screening.
    mutating func rate(_ value: Int, comment: String, citizenID: Int, at: Int) {
        let citizen = Actor.citizen(citizenID: citizenID)
        rating = value
        status = CaseRules.statusAfterRating(value)
        save(at)
        event(.rated, actor: citizen, at: at, text: comment, rating: value)
        event(status == .reopened ? .reopened : .closed, actor: citizen, at: at)
    }
}
