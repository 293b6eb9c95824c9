import Domain
import Foundation
import PersianKit
import Storage

/// Writes the rows of generated cases into a batch: each case's citizen, the case, its referrals,
/// its history (case_events) and its SMS (notifications), exactly as the repository operations
/// would have written them had the case lived through the API, step by step, up to now.
struct CaseSynthesizer {
    let context: GenerateContext
    var days: DayCache
    /// The latest citizen and case of each province in this batch: some people write again.
    private var returning: [String: (citizen: Citizen, caseID: Int, code: String, merged: Bool)] = [:]

    init(context: GenerateContext) {
        self.context = context
        self.days = DayCache(calendar: context.calendar)
    }

    /// Appends the rows of slots `range` (0-based within the run) to `rows`.
    mutating func synthesize(slots range: Range<Int>, into rows: inout BulkRows, rng: inout SeededGenerator) {
        for slot in range {
            synthesizeCase(slot: slot, into: &rows, rng: &rng)
        }
    }

    private mutating func synthesizeCase(slot: Int, into rows: inout BulkRows, rng: inout SeededGenerator) {
        let c = context
        let start = c.timeline.time(slot: slot, of: c.totalCases, jitter: Double.random(in: 0..<1, using: &rng))
        var plan = DemoPlan(rng: &rng, now: start, provinces: c.provinces, agencies: c.agencies, categories: c.categories)
        let draft = plan.draft
        let caseID = c.firstCaseID + slot
        let code = UniqueIdentities.trackingCode(caseID)
        let trackingCode = try! TrackingCode(parsing: code)
        let startMillis = start.generatedMillis
        let nowMillis = c.now.generatedMillis
        let ageDays = Double(nowMillis - startMillis) / 86_400_000

        // Who writes: a quarter of letters come from someone who wrote before (same province).
        let province = draft.citizen.provinceCode
        var mergeTarget: (id: Int, code: String)?
        let citizen: Citizen
        if let earlier = returning[province], Int.random(in: 0..<4, using: &rng) == 0 {
            citizen = earlier.citizen
            if !earlier.merged { mergeTarget = (earlier.caseID, earlier.code) }
        } else {
            let id = c.firstCitizenID + slot
            citizen = Citizen(
                id: id, nationalID: try! NationalID(parsing: UniqueIdentities.nationalID(id)), mobile: draft.citizen.mobile,
                firstName: draft.citizen.firstName, lastName: draft.citizen.lastName, provinceCode: province,
                countyCode: draft.citizen.countyCode)
            rows.append(
                .citizens, .int(id), .optional(citizen.nationalID?.value), .text(citizen.mobile.value), .text(citizen.firstName),
                .text(citizen.lastName), .text(province), .optional(citizen.countyCode), .int(startMillis), .int(startMillis))
        }

        // Old letters are settled: registered ones were screened long ago, most old referrals answered.
        switch plan.end {
        case .registered where ageDays > 5:
            plan.end = Bool.random(using: &rng) ? .answered : .closed
        case .referred where ageDays > 45 && Int.random(in: 0..<5, using: &rng) != 0:
            plan.end = .closed
        case .merged where mergeTarget == nil:
            plan.end = .closed
        default:
            break
        }
        if plan.end != .merged { mergeTarget = nil }
        returning[province] = (citizen, caseID, code, plan.end == .merged)

        var life = CaseLife(
            caseID: caseID, province: province, mobile: citizen.mobile.value, startMillis: startMillis, nowMillis: nowMillis)
        life.event(.registered, actor: c.operatorActor, at: startMillis, text: draft.channel.nameFa)
        life.sms(.registered, text: SMSText.registered(trackingCode, link: c.trackingLink(trackingCode)), at: startMillis)
        play(plan, draft: draft, code: trackingCode, citizen: citizen, merge: mergeTarget, life: &life, rng: &rng)

        // The history is chained exactly as the repository chains it, and the case row keeps its head.
        var previous: String?
        var chained: [(event: CaseLife.Event, seq: Int, prev: String?, hash: String)] = []
        for (n, e) in life.events.enumerated() {
            let hash = ChainedCaseEvent(
                caseID: caseID, seq: n + 1, provinceCode: province, atMillis: e.at, kind: e.kind.rawValue,
                actorKind: e.actor.kind, actorID: e.actor.id, actorName: e.actor.displayName, agencyID: e.agencyID,
                agencyName: e.agencyName, text: e.text, rating: e.rating
            ).hash(previous: previous)
            chained.append((e, n + 1, previous, hash))
            previous = hash
        }
        let periods = days.periods(startMillis)
        let search = PersianText.searchKey(normalized: draft.subject + " " + draft.body)
        rows.append(
            .cases, .int(caseID), .text(code), .int(citizen.id), .text(draft.channel.rawValue), .text(draft.kind.rawValue),
            .text(draft.categoryCode), .text(draft.subject), .text(draft.body), .text(search), .text(province),
            .optional(draft.citizen.countyCode), .text(life.status.rawValue), .text(draft.priority.rawValue),
            .int(draft.confidential ? 1 : 0), .optional(life.answer), .optional(life.mergedInto), .optional(life.rating),
            .int(startMillis), .int(life.updatedMillis), .int(life.version), .text(periods.week), .text(periods.month),
            .text(periods.quarter), .text(periods.year), .int(chained.count), .optional(previous))
        for r in life.referrals {
            rows.append(
                .referrals, .int(caseID), .text(province), .int(r.agencyID), .text(r.status.rawValue), .null,
                .optional(r.answer), .optional(r.returnReason), .int(r.dueMillis), .int(0), .int(r.createdMillis),
                .int(r.updatedMillis), .optional(r.answeredMillis),
                // The deadline watcher's first pass looks at every open one and sets its real next check.
                r.status.isOpen ? .int(r.createdMillis) : .null)
        }
        for (e, seq, prev, hash) in chained {
            rows.append(
                .caseEvents, .int(caseID), .text(province), .int(e.at), .text(e.kind.rawValue), .text(e.actor.kind),
                .optional(e.actor.id), .text(e.actor.displayName), .optional(e.agencyID), .optional(e.agencyName),
                .optional(e.text), .optional(e.rating), .int(seq), .optional(prev), .text(hash))
        }
        for n in life.notifications {
            // History is delivered history: the dispatcher sent each SMS a few seconds after it was queued.
            rows.append(
                .notifications, .int(caseID), .text(province), .text(n.kind.rawValue), .text(citizen.mobile.value),
                .text(n.text), .text("sent"), .int(1), .int(n.at), .int(0), .int(n.at), .int(n.at + 4_000), .null)
        }
        rows.caseCount += 1
    }

    /// Plays the case's life as `DemoCases.run` does through the API, stopping at the present.
    private mutating func play(
        _ plan: DemoPlan, draft: CaseDraft, code: TrackingCode, citizen: Citizen, merge: (id: Int, code: String)?,
        life: inout CaseLife, rng: inout SeededGenerator
    ) {
        let c = context
        let category = draft.categoryCode
        switch plan.end {
        case .registered:
            return
        case .merged:
            guard let merge, let at = life.step(hours: 5) else { return }
            life.status = .merged
            life.mergedInto = merge.id
            life.save(at)
            life.event(.merged, actor: c.screener, at: at, text: PersianDigits.toPersian(merge.code))
            let target = try! TrackingCode(parsing: merge.code)
            life.sms(.merged, text: SMSText.merged(code, into: target, link: c.trackingLink(target)), at: at)
            return
        case .referred, .answered, .closed, .reopened:
            break
        }
        let answerText = PersianText.normalize(PhraseBank.answer(category: category, using: &rng))
        if plan.direct {
            guard let at = life.step(hours: 3) else { return }
            life.status = .answered
            life.answer = answerText
            life.save(at)
            life.event(.answered, actor: c.screener, at: at, text: answerText)
            life.sms(.answered, text: SMSText.answered(code, link: c.trackingLink(code)), at: at)
        } else {
            guard let at = life.step(hours: 2) else { return }
            let days = c.categories[category]?.answerDays ?? Domain.Category.defaultAnswerDays
            let due = self.days.due(at, businessDays: days)
            for agencyID in plan.agencyIDs {
                let name = c.agencyNames[agencyID] ?? ""
                life.referrals.append(
                    .init(agencyID: agencyID, agencyName: name, status: .pending, dueMillis: due, createdMillis: at, updatedMillis: at))
                life.event(.referred, actor: c.screener, at: at, agencyID: agencyID, agencyName: name)
                life.sms(.referred, text: SMSText.referred(code, agency: name, link: c.trackingLink(code)), at: at)
            }
            life.status = .referred
            life.save(at)
            if plan.end == .referred {
                if plan.accept, let at = life.step(hours: 20) { life.changeReferral(0, to: .accepted, at: at, actor: c.handler) }
                return
            }
            for n in life.referrals.indices {
                guard let at = life.step(hours: 18) else { return }
                life.changeReferral(n, to: .accepted, at: at, actor: c.handler)
                if n == 0 && life.referrals.count > 1 {
                    let reason = PhraseBank.returnReason(using: &rng)
                    guard let at = life.step(hours: 30) else { return }
                    life.changeReferral(n, to: .returned, at: at, actor: c.handler, text: reason)
                } else {
                    guard let at = life.step(hours: Double(plan.answerHours)) else { return }
                    life.changeReferral(n, to: .answered, at: at, actor: c.handler, text: answerText)
                }
                if life.status == .answered {
                    life.sms(.answered, text: SMSText.answered(code, link: c.trackingLink(code)), at: life.updatedMillis)
                }
            }
        }
        switch plan.end {
        case .closed:
            guard let at = life.step(hours: 30) else { return }
            if plan.rating >= 3 {
                let comment = PhraseBank.ratingComment(rating: plan.rating, using: &rng)
                life.rate(plan.rating, comment: comment, citizenID: citizen.id, at: at)
            } else {
                life.status = .closed
                life.save(at)
                life.event(.closed, actor: c.screener, at: at)
            }
        case .reopened:
            guard let at = life.step(hours: 30) else { return }
            let comment = PhraseBank.ratingComment(rating: plan.rating, using: &rng)
            life.rate(plan.rating, comment: comment, citizenID: citizen.id, at: at)
            life.sms(.reopened, text: SMSText.reopened(code, link: c.trackingLink(code)), at: at)
        default:
            break
        }
    }
}
