import Domain
import Foundation
import PersianKit

/// One case in memory, moved only by `CaseRules`' transitions and the changes they return: the
/// state machine exercised without a database. Applying a change does what Storage does with it.
struct CaseLife {
    static let agencies = [AgencyRef(id: 1, name: "بانک", active: true), AgencyRef(id: 2, name: "کمیته امداد", active: true)]
    static let owner = try! MobileNumber(parsing: "09121234567")

    var c: Case
    var referrals: [Referral] = []
    var events: [CaseEvent] = []
    var sent: [CaseChange.Message] = []
    /// Answers the citizen read and then rejected with a rating of 1 or 2.
    var rejected: Set<String> = []
    let actor = Actor.staff(Staff(id: 9, username: "s", displayName: "پایش", role: .supervisor, provinceCode: "01", agencyID: nil, active: true))
    var now = Date(timeIntervalSince1970: 1_700_000_000)

    init(id: Int = 1) {
        c = Case(
            id: id, trackingCode: TrackingCode.generate(), citizenID: 1, channel: .phone111, kind: .complaint,
            categoryCode: "other", subject: "s", body: "b", provinceCode: "01", countyCode: nil, status: CaseRules.initialStatus,
            priority: .normal, confidential: false, answer: nil, mergedIntoID: nil, rating: nil, createdAt: now, updatedAt: now,
            version: 1)
        events = [row(.init(.registered))]
        sent = [.init(kind: .registered, text: SMSText.registered(c.trackingCode, link: "L"))]
    }

    mutating func apply(_ change: CaseChange) {
        now += 60
        for r in change.updatedReferrals {
            referrals[referrals.firstIndex { $0.id == r.id }!] = r
        }
        for r in change.newReferrals {
            referrals.append(
                Referral(
                    id: referrals.count + 1, caseID: c.id, agencyID: r.agencyID, agencyName: r.agencyName, status: r.status,
                    note: r.note, answer: nil, returnReason: nil, dueAt: r.dueAt, escalationLevel: 0, createdAt: now, answeredAt: nil,
                    deadlineCheckAt: r.deadlineCheckAt))
        }
        if let rating = change.events.first(where: { $0.kind == .rated })?.rating, rating <= 2, let answer = c.answer {
            rejected.insert(answer)
        }
        c = change.case
        c.version += 1
        events += change.events.map { row($0, actor: change.actor) }
        sent += change.messages
    }

    func row(_ e: CaseChange.Event, actor: Actor = .system) -> CaseEvent {
        CaseEvent(
            id: events.count + 1, caseID: c.id, at: now, kind: e.kind, actorKind: actor.kind, actorID: actor.id,
            actorName: actor.displayName, agencyID: e.agencyID, agencyName: e.agencyName, text: e.text, rating: e.rating)
    }

    // The actions, as the use cases call them.
    mutating func answer(_ text: String) throws { apply(try CaseRules.answerDirectly(c, answer: text, expectedVersion: c.version, actor: actor, link: "L")) }
    mutating func refer(_ ids: [Int]) throws {
        apply(
            try CaseRules.refer(
                c, to: ids, agencies: Self.agencies, existing: referrals, note: nil, answerDays: 7, escalation: .standard,
                calendar: .iran, at: now, expectedVersion: nil, actor: actor, link: "L"))
    }
    mutating func referral(_ id: Int, _ action: ReferralAction) throws {
        apply(try CaseRules.changeReferral(c, referralID: id, action, referrals: referrals, events: events, actor: actor, at: now, link: "L"))
    }
    /// `days` pass and the deadline watcher looks at every referral whose check has come, as its pass does.
    mutating func watch(days: Int) {
        now += TimeInterval(days) * 86_400
        for r in referrals where (r.watchAt ?? .distantFuture) <= now {
            guard
                let change = CaseRules.watchDeadline(
                    c, referralID: r.id, referrals: referrals, policy: .standard, calendar: .iran, now: now)
            else { continue }
            if change.events.isEmpty {
                referrals[referrals.firstIndex { $0.id == r.id }!] = change.updatedReferrals[0]
            } else {
                apply(change)
            }
        }
    }
    mutating func close() throws { apply(try CaseRules.close(c, note: nil, actor: actor)) }
    mutating func rate(_ rating: Int) throws {
        apply(try CaseRules.rate(c, owner: Self.owner, mobile: Self.owner, events: events, rating: rating, comment: nil, link: "L"))
    }

    /// What must hold after every step: the stored invariant, no rejected answer answering the case,
    /// and one SMS per event that sends one.
    var problems: [String] {
        var found: [String] = []
        if let p = CaseRules.invariantViolation(
            status: c.status, openReferrals: referrals.filter(\.status.isOpen).count, hasAnswer: !(c.answer ?? "").isEmpty)
        {
            found.append(p)
        }
        if c.status == .answered, let answer = c.answer, rejected.contains(answer) { found.append("answered with a rejected answer") }
        for (kind, event) in [(NotificationKind.answered, CaseEventKind.answered), (.referred, .referred), (.registered, .registered), (.reopened, .reopened)] {
            let messages = sent.filter { $0.kind == kind }.count
            let steps = events.filter { $0.kind == event }.count
            if messages != steps { found.append("\(messages) \(kind) SMS for \(steps) \(event) events") }
        }
        for r in referrals {
            if r.escalationLevel > CaseRules.topEscalationLevel { found.append("referral \(r.id) above the top level") }
            if !r.status.isOpen, r.watchAt != nil { found.append("closed referral \(r.id) still watched") }
            if r.status.isOpen, r.escalationLevel < CaseRules.topEscalationLevel, r.deadlineCheckAt == nil {
                found.append("open referral \(r.id) at level \(r.escalationLevel) not watched")
            }
            for level in 1...CaseRules.topEscalationLevel {
                let steps = events.filter { $0.kind == .escalated && $0.agencyID == r.agencyID && $0.text == CaseRules.escalationText(level) }
                if steps.count > referrals.filter({ $0.agencyID == r.agencyID && $0.escalationLevel >= level }).count {
                    found.append("level \(level) taken twice at agency \(r.agencyID)")
                }
            }
        }
        return found
    }
}
