import Foundation
import PersianKit

/// Each action on a case as a pure function from what it reads to the change it makes. Storage
/// loads the inputs inside its transaction, calls one of these, and applies the result.
extension CaseRules {
    /// A new letter waits for screening.
    public static let initialStatus = CaseStatus.registered

    /// The form was read at `expected`; someone changed the case since.
    public static func checkVersion(_ c: Case, _ expected: Int?) throws(DomainError) {
        if let expected, expected != c.version { throw .staleVersion }
    }

    /// Screening answers the case itself; SMS 3 tells the citizen, with the link to read it.
    public static func answerDirectly(
        _ c: Case, answer: String, expectedVersion: Int?, actor: Actor, link: String
    ) throws -> CaseChange {
        let text = try TextInput.required(answer, field: "answer", fa: "متن پاسخ", max: TextInput.maxNote)
        try checkVersion(c, expectedVersion)
        try checkAnswerDirectly(c)
        var change = CaseChange(c, actor: actor)
        change.case.status = .answered
        change.case.answer = text
        change.events = [.init(.answered, text: text)]
        change.messages = [.init(kind: .answered, text: SMSText.answered(c.trackingCode, link: link))]
        return change
    }

    /// The most agencies one referral may name.
    public static let maxAgenciesPerReferral = 10

    /// Screening refers the case to `agencyIDs` (each once, in the order chosen); `agencies` are
    /// those agencies as stored (a missing or inactive one is refused), `existing` the case's referrals.
    /// Each new referral is due `answerDays` business days (the category's) after `at`, and its clock
    /// (`escalation`, the category's) starts; SMS 2 names each agency.
    public static func refer(
        _ c: Case, to agencyIDs: [Int], agencies: [AgencyRef], existing: [Referral], note rawNote: String?,
        answerDays: Int, escalation: EscalationPolicy, calendar: BusinessCalendar, at: Date, expectedVersion: Int?,
        actor: Actor, link: String
    ) throws -> CaseChange {
        let note = try TextInput.optional(rawNote, field: "note", fa: "یادداشت ارجاع", max: TextInput.maxNote)
        let chosen = referralTargets(agencyIDs)
        guard !chosen.isEmpty else {
            throw DomainError(.invalid, "agencies_required", fa: "دست‌کم یک دستگاه را برای ارجاع برگزینید.", en: "Choose at least one agency.", field: "agencyIds")
        }
        guard chosen.count <= maxAgenciesPerReferral else {
            throw DomainError(.invalid, "too_many_agencies", fa: "یک نامه را به بیش از ۱۰ دستگاه نمی‌توان ارجاع داد.", en: "At most 10 agencies per referral.", field: "agencyIds")
        }
        try checkVersion(c, expectedVersion)
        try checkRefer(c)
        let dueAt = calendar.adding(businessDays: answerDays, to: at)
        let firstCheck = nextDeadlineCheck(
            Referral(
                id: 0, caseID: c.id, agencyID: 0, agencyName: "", status: .pending, note: nil, answer: nil, returnReason: nil,
                dueAt: dueAt, escalationLevel: 0, createdAt: at, answeredAt: nil),
            policy: escalation, calendar: calendar)
        var change = CaseChange(c, actor: actor)
        for id in chosen {
            guard let agency = agencies.first(where: { $0.id == id }), agency.active else {
                throw DomainError(.unprocessable, "unknown_agency", fa: "دستگاه اجرایی شناخته نشد.", en: "Unknown agency.", field: "agencyIds")
            }
            if existing.contains(where: { $0.agencyID == id && $0.status.isOpen }) {
                throw DomainError(.conflict, "already_referred", fa: "نامه هم‌اکنون نزد این دستگاه است.", en: "The case is already open at this agency.", field: "agencyIds")
            }
            change.newReferrals.append(
                .init(agencyID: id, agencyName: agency.name, status: .pending, note: note, dueAt: dueAt, deadlineCheckAt: firstCheck))
            change.events.append(.init(.referred, agencyID: id, agencyName: agency.name, text: note))
            change.messages.append(.init(kind: .referred, text: SMSText.referred(c.trackingCode, agency: agency.name, link: link)))
        }
        change.case.status = .referred
        return change
    }

    /// The agencies a referral goes to: each once, in the order chosen.
    public static func referralTargets(_ agencyIDs: [Int]) -> [Int] {
        var seen = Set<Int>()
        return agencyIDs.filter { seen.insert($0).inserted }
    }

    /// The case joins an earlier open case of the same citizen: its open referrals are cancelled,
    /// and the citizen is told which case their letter joined; `link` opens that case's tracking page.
    public static func merge(_ source: Case, into target: Case, referrals: [Referral], actor: Actor, link: String) throws -> CaseChange {
        try checkMerge(source, into: target)
        var change = CaseChange(source, actor: actor)
        for var r in referrals where r.status.isOpen {
            r.status = .cancelled
            change.updatedReferrals.append(r)
            change.events.append(.init(.referralCancelled, agencyID: r.agencyID, agencyName: r.agencyName))
        }
        change.case.status = .merged
        change.case.mergedIntoID = target.id
        change.events.append(.init(.merged, text: PersianDigits.toPersian(target.trackingCode.value)))
        change.messages.append(.init(kind: .merged, text: SMSText.merged(source.trackingCode, into: target.trackingCode, link: link)))
        return change
    }

    public static func close(_ c: Case, note rawNote: String?, actor: Actor) throws -> CaseChange {
        let note = try TextInput.optional(rawNote, field: "note", fa: "یادداشت", max: TextInput.maxNote)
        try checkClose(c)
        var change = CaseChange(c, actor: actor)
        change.case.status = .closed
        change.events = [.init(.closed, text: note)]
        return change
    }

    /// One referral moves (`action`); then the case's status follows all its referrals, and when
    /// that makes it answered, the round's answers become the case's answer and SMS 3 goes out.
    /// `events` is the case's history so far, oldest first.
    public static func changeReferral(
        _ c: Case, referralID: Int, _ action: ReferralAction, referrals: [Referral], events: [CaseEvent], actor: Actor,
        at: Date, link: String
    ) throws -> CaseChange {
        guard var referral = referrals.first(where: { $0.id == referralID }) else { throw DomainError.referralNotFound }
        let event: CaseChange.Event
        var returned = false
        switch action {
        case .accept:
            try checkAccept(referral)
            referral.status = .accepted
            event = .init(.referralAccepted, agencyID: referral.agencyID, agencyName: referral.agencyName)
        case .answer(let raw):
            let text = try TextInput.required(raw, field: "answer", fa: "متن پاسخ", max: TextInput.maxNote)
            try checkAnswer(referral)
            referral.status = .answered
            referral.answer = text
            referral.answeredAt = at
            event = .init(.referralAnswered, agencyID: referral.agencyID, agencyName: referral.agencyName, text: text)
        case .return(let raw):
            let text = try TextInput.required(raw, field: "reason", fa: "دلیل بازگرداندن", max: TextInput.maxNote)
            try checkReturn(referral)
            referral.status = .returned
            referral.returnReason = text
            event = .init(.referralReturned, agencyID: referral.agencyID, agencyName: referral.agencyName, text: text)
            returned = true
        case .withdraw(let raw):
            let text = try TextInput.required(raw, field: "reason", fa: "دلیل پس گرفتن ارجاع", max: TextInput.maxNote)
            if case .staff(let staff) = actor { try checkWithdraw(referral, by: staff) } else { try checkWithdraw(referral) }
            referral.status = .cancelled
            event = .init(.referralWithdrawn, agencyID: referral.agencyID, agencyName: referral.agencyName, text: text)
        }
        var change = CaseChange(c, actor: actor)
        change.updatedReferrals = [referral]
        change.events = [event]
        let after = referrals.map { $0.id == referral.id ? referral : $0 }
        let history = events + [historyRow(event, of: c, actor: actor, at: at)]
        if returned {
            change.case.returns += 1
            if change.case.returns == returnsBeforeSupervisor {
                change.events.append(.init(.sentToSupervisor, text: returnReasons(history)))
            }
        }
        let next = statusAfterReferralChange(after, events: history)
        if next != c.status {
            change.case.status = next
            if next == .answered {
                let answer = combinedAnswer(history)
                change.case.answer = answer
                change.events.append(.init(.answered, text: answer))
                change.messages.append(.init(kind: .answered, text: SMSText.answered(c.trackingCode, link: link)))
            }
        }
        return change
    }

    /// The citizen rates the answer with the case's own mobile (any other mobile is the same 404 as
    /// a wrong code): 1–2 reopens the case for screening (an appeal), and an SMS with `link` says so;
    /// 3–5 closes it.
    public static func rate(
        _ c: Case, owner: MobileNumber, mobile: MobileNumber, events: [CaseEvent], rating: Int, comment rawComment: String?,
        link: String
    ) throws -> CaseChange {
        guard owner == mobile else { throw DomainError.caseNotFound }
        let comment = try TextInput.optional(rawComment, field: "comment", fa: "توضیح", max: TextInput.maxNote)
        try checkRate(c, events: events, rating: rating)
        var change = CaseChange(c, actor: .citizen(citizenID: c.citizenID))
        change.case.rating = rating
        change.case.status = statusAfterRating(rating)
        change.events = [.init(.rated, text: comment, rating: rating), .init(change.case.status == .reopened ? .reopened : .closed)]
        if change.case.status == .reopened {
            change.messages = [.init(kind: .reopened, text: SMSText.reopened(c.trackingCode, link: link))]
        }
        return change
    }

    /// An event of a change as the history will hold it (before it has an id), for the rules that read history.
    static func historyRow(_ e: CaseChange.Event, of c: Case, actor: Actor, at: Date) -> CaseEvent {
        CaseEvent(
            id: 0, caseID: c.id, at: at, kind: e.kind, actorKind: actor.kind, actorID: actor.id, actorName: actor.displayName,
            agencyID: e.agencyID, agencyName: e.agencyName, text: e.text, rating: e.rating)
    }
}
