import Domain
import Foundation
import PersianKit
import Storage

/// Domain values → the API's schemas. Dates are sent both as instants and as the Jalali text people read.
extension Components.Schemas.CaseDetail {
    /// `clock` tells where each referral stands now (`CaseWorkflow.clock`).
    init(_ d: CaseDetail, viewer: Staff, clock: (Referral) -> HopClock) {
        let c = d.case
        let identify = AccessPolicy.mayIdentifyCitizen(viewer, confidential: c.confidential)
        self.init(
            returns: c.returns, trackingCode: c.trackingCode.value, trackingCodeGrouped: c.trackingCode.grouped,
            status: .init(c.status), statusLabel: c.status.nameFa, channel: .init(c.channel), kind: .init(c.kind),
            category: c.categoryCode, categoryName: d.categoryName, subject: c.subject, body: c.body,
            province: c.provinceCode, provinceName: d.provinceName, county: c.countyCode, priority: .init(c.priority),
            confidential: c.confidential, answer: c.answer, rating: c.rating,
            mergedInto: d.mergedIntoCode?.value, version: c.version, createdAt: c.createdAt,
            createdAtJalali: JalaliFormat.dateTime(c.createdAt), updatedAt: c.updatedAt,
            citizen: identify
                ? .init(name: d.citizen.fullName, nationalId: d.citizen.nationalID?.masked, mobile: d.citizen.mobile.masked)
                : nil,
            referrals: d.referrals.map { .init($0, clock: clock($0)) },
            timeline: d.events.map(Components.Schemas.TimelineEntry.init))
    }
}

extension Components.Schemas.ReferralView {
    init(_ r: Referral, clock: HopClock) {
        self.init(
            id: r.id, agencyId: r.agencyID, agencyName: r.agencyName, status: .init(r.status), statusLabel: r.status.nameFa,
            note: r.note, answer: r.answer, returnReason: r.returnReason, dueAt: r.dueAt,
            dueAtJalali: JalaliFormat.dateTime(r.dueAt), createdAt: r.createdAt, answeredAt: r.answeredAt,
            escalationLevel: r.escalationLevel, clock: .init(clock), directedBy: r.directedBy.map(Components.Schemas.DirectiveIssuer.init),
            inspectionNote: r.inspectionNote, inspectedAt: r.inspectedAt)
    }
}

extension Components.Schemas.DirectiveIssuer {
    init(_ i: DirectiveIssuer) {
        self.init(id: i.id, name: i.name, role: i.role.rawValue, roleLabel: i.role.nameFa)
    }
}

extension Components.Schemas.DirectiveTally {
    init(_ t: DirectiveTally) {
        self.init(
            issuer: .init(t.issuer), total: t.total, open: t.open, overdue: t.overdue, answeredOnTime: t.answeredOnTime,
            answeredLate: t.answeredLate, returned: t.returned, withdrawn: t.withdrawn)
    }
}

extension Components.Schemas.InboxPage {
    init(_ page: InboxPage, clock: (Referral) -> HopClock) {
        self.init(
            items: page.entries.map {
                .init(
                    referral: .init($0.referral, clock: clock($0.referral)), trackingCode: $0.trackingCode.value,
                    subject: $0.subject, category: $0.categoryCode, province: $0.provinceCode, caseStatus: .init($0.caseStatus))
            },
            nextCursor: page.nextCursor)
    }
}

extension Components.Schemas.HopClock {
    init(_ c: HopClock) {
        self.init(state: .init(rawValue: c.state.rawValue) ?? .stopped, businessDays: c.businessDays, onTime: c.onTime, label: c.labelFa)
    }
}

extension Components.Schemas.TimelineEntry {
    init(_ e: CaseEvent) {
        self.init(
            at: e.at, atJalali: JalaliFormat.dateTime(e.at), kind: e.kind.rawValue, description: e.descriptionFa,
            actor: e.actorName, agencyName: e.agencyName, text: e.text, rating: e.rating)
    }
}

extension Components.Schemas.CaseSummary {
    init(_ s: CaseSummary, viewer: Staff) {
        let identify = AccessPolicy.mayIdentifyCitizen(viewer, confidential: s.confidential)
        self.init(
            returns: s.returns, trackingCode: s.trackingCode.value, subject: s.subject, status: .init(s.status), statusLabel: s.status.nameFa,
            channel: .init(s.channel), kind: .init(s.kind), category: s.categoryCode, province: s.provinceCode,
            county: s.countyCode, confidential: s.confidential, citizenName: identify ? s.citizenName : nil,
            maskedMobile: identify ? s.maskedMobile : nil, maskedNationalId: identify ? s.maskedNationalID : nil,
            createdAt: s.createdAt, createdAtJalali: JalaliFormat.dateTime(s.createdAt))
    }
}

extension Components.Schemas.TrackView {
    /// What the citizen sees: status, answer and the steps meant for them; no staff names, no internal notes.
    init(_ d: CaseDetail, clock: (Referral) -> HopClock) {
        let c = d.case
        self.init(
            trackingCode: c.trackingCode.value, status: .init(c.status), statusLabel: c.status.nameFa,
            kindLabel: c.kind.nameFa, subject: c.subject, registeredAtJalali: JalaliFormat.dateTime(c.createdAt),
            answer: CaseRules.citizenAnswer(c),
            canRate: CaseRules.mayRate(c, events: d.events), canObject: CaseRules.mayObject(c, events: d.events), rating: c.rating,
            timeline: CaseRules.citizenTimeline(d.events, answerShown: CaseRules.citizenAnswer(c) != nil).map { step in
                .init(
                    at: step.event.at, atJalali: JalaliFormat.dateTime(step.event.at), description: step.event.descriptionFa,
                    text: step.text)
            },
            hops: d.referrals.filter(\.visibleToCitizen).map {
                .init(
                    agencyName: $0.agencyName, since: $0.createdAt, sinceJalali: JalaliFormat.dateTime($0.createdAt),
                    dueAt: $0.dueAt, dueAtJalali: JalaliFormat.dateTime($0.dueAt), clock: .init(clock($0)),
                    directive: $0.isDirective)
            })
    }
}

extension Components.Schemas.Agency {
    init(_ a: Agency) {
        self.init(
            id: a.id, name: a.name, kind: .init(a.kind), kindLabel: a.kind.nameFa, parentId: a.parentID,
            province: a.provinceCode, active: a.active)
    }
}

extension Components.Schemas.Category {
    init(_ c: Domain.Category) {
        self.init(
            code: c.code, name: c.name, defaultAgencyKind: .init(c.defaultAgencyKind), answerDays: c.answerDays, active: c.active,
            escalation: .init(
                reminderDaysBefore: c.escalation.reminderDaysBefore, level1DaysLate: c.escalation.level1DaysLate,
                level2DaysLate: c.escalation.level2DaysLate))
    }
}

extension Components.Schemas.LeagueLine {
    init(_ l: AgencyLeague.Line) {
        self.init(
            rank: l.rank, agencyId: l.agencyID, agencyName: l.agencyName, referrals: l.referrals, answered: l.answered,
            onTimeRate: l.onTimeRate, medianDays: l.medianDays, p90Days: l.p90Days, returnRate: l.returnRate,
            reopenRate: l.reopenRate, meanRating: l.meanRating, breaches: l.breaches)
    }
}

extension Components.Schemas.Report {
    init(_ r: CaseReport) {
        func counts(_ list: [CaseReport.Count]) -> [Components.Schemas.ReportCount] {
            list.map { .init(key: $0.key, label: $0.label, count: $0.count) }
        }
        self.init(
            period: r.period.key, periodKind: .init(r.period.kind), label: r.period.labelFa,
            from: r.period.start, to: r.period.end, province: r.provinceCode, asOf: r.asOf, cases: r.cases,
            previousPeriodCases: r.previousPeriodCases, answered: r.answered, byStatus: counts(r.byStatus),
            byCategory: counts(r.byCategory), byChannel: counts(r.byChannel), byKind: counts(r.byKind), rated: r.rated,
            meanRating: r.meanRating, unsatisfied: r.unsatisfied,
            agencies: r.agencies.map {
                .init(
                    agencyId: $0.agencyID, agencyName: $0.agencyName, referred: $0.referred, answered: $0.answered,
                    answeredOnTime: $0.answeredOnTime, overdue: $0.overdue, open: $0.open, returned: $0.returned,
                    meanDaysToAnswer: $0.meanDaysToAnswer)
            })
    }
}
