import Domain
import Foundation
import Workflow
import Hummingbird
import PersianKit
import Storage

/// One case on one screen: facts, text, answer, referrals, the whole timeline, and the actions the
/// signed-in staff member may take.
extension WebUI {
    struct CaseModel {
        struct Step { let at: String; let description: String; let actor: String; let text: String? }
        struct ReferralRow {
            let id: Int; let agency: String; let statusLabel: String; let due: String; let clock: ClockView; let answer: String?
            let reason: String?
            /// «دستور …» and who issued it, for a directive.
            let directive: String?
            let directiveText: String?
            let mine: Bool; let canAccept: Bool; let acceptURL: String; let answerURL: String; let returnURL: String
            /// The agency records a call to the citizen (open or answered referrals).
            let canCall: Bool; let callURL: String
            /// The inspection office records its action on a referral in its queue (level 2).
            let canInspect: Bool; let inspectURL: String; let inspection: String?
            /// Screening may take an open referral back.
            let canWithdraw: Bool; let withdrawURL: String
        }
        struct AgencyChoice { let id: Int; let name: String; let suggested: Bool }
        /// The agencies of one kind (or the national ones), the kind the case's category suggests first.
        struct AgencyGroup { let label: String; let suggested: Bool; let agencies: [AgencyChoice] }
        /// One of the citizen's other open letters this one may be merged into.
        struct MergeChoice { let value: String; let label: String }
        /// The ready answers offered on this case, as a GET form back to the page with `?template=`.
        struct TemplatePicker { let url: String; let options: [Option] }
        struct Screening {
            let canAnswer: Bool; let canRefer: Bool; let canClose: Bool; let version: Int
            let answerURL: String; let referURL: String; let mergeURL: String; let closeURL: String
            let agencyGroups: [AgencyGroup]
            let mergeTargets: [MergeChoice]
        }
        /// The directive form, for governors, officials and inspectors while the case may take one.
        struct Directing { let url: String; let agencyGroups: [AgencyGroup]; let days: String; let maxDays: String }
        /// The inspection office's decision form, on a reopened case whose appeal is not yet decided.
        struct Deciding {
            struct Outcome { let value: String; let label: String }
            let url: String; let objection: String?; let outcomes: [Outcome]
        }
        let layout: Layout
        let csrf: String
        let code: String
        let codeGrouped: String
        let subject: String
        let status: String
        let statusLabel: String
        let kindLabel: String
        let categoryName: String
        let channelLabel: String
        let provinceName: String
        let createdAt: String
        let citizen: String
        /// Where to ask for the citizen's full identity; nil when it may not be shown or already is.
        let identityURL: String?
        let body: String
        let answer: String?
        let referrals: [ReferralRow]
        /// The outcomes a call to the citizen may have, for the agency's call form.
        let callOutcomes = CallOutcome.allCases.map { Deciding.Outcome(value: $0.rawValue, label: $0.nameFa) }
        let hasReferrals: Bool
        let screening: Screening?
        let directing: Directing?
        let deciding: Deciding?
        let templatePicker: TemplatePicker?
        /// The chosen ready answer's text, to start the answer with.
        let prefill: String
        /// Returned twice by agencies and back in screening: why, agency by agency, for the supervisor.
        let supervisorNote: String?
        let timeline: [Step]
    }

    static let doneNotices: [String: String] = [
        "answer": "پاسخ ثبت شد و پیامک آن برای شهروند فرستاده می‌شود.", "refer": "نامه ارجاع شد.",
        "merge": "نامه ادغام شد.", "close": "نامه مختومه شد.", "accept": "رسیدگی آغاز شد.",
        "return": "ارجاع بازگردانده شد.", "withdraw": "ارجاع پس گرفته شد.",
        "callback": "تماس با شهروند در سابقه نامه ثبت شد.",
        "inspection": "اقدام اداره بازرسی ثبت شد.",
        "direct": "دستور صادر شد و پیامک آن برای شهروند فرستاده می‌شود.",
        "appeal": "تصمیم درباره اعتراض ثبت شد و پیامک آن برای شهروند فرستاده می‌شود.",
        "answerHeld": "پاسخ این دستگاه ثبت شد. نامه هنوز نزد دستگاه دیگری باز است؛ پیامک پاسخ پس از پاسخ آخرین دستگاه فرستاده می‌شود.",
    ]

    /// Every form on the case page (`case.mustache`): screening's answer, refer, merge and close, and
    /// a referral's accept, answer and return; each sends the fields it has.
    struct CaseForm: PageForm {
        var _csrf, version, answer, note, target, reason: String?
        /// A merge target typed in when it is not among the citizen's letters listed.
        var typedTarget: String?
        /// A directive's agency, text and deadline (business days or a Jalali day).
        var directiveAgency, text, days, dueDate: String?
        /// The appeal decision: `answerStands` or `reexamine`, and its reasons.
        var outcome, reasons: String?
        /// The agencies ticked for a referral, sent as `agency[]`.
        var agency: [String]?
    }

    func registerCasePages<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.staffCasePattern), use: page { request, context in
            let (staff, csrf) = try await signedInStaff(may: .readCases)
            let detail = try await visibleCase(context.parameters.get("code") ?? "", to: staff)
            let notice = request.uri.queryParameters.get("done").flatMap { Self.doneNotices[String($0)] }
            return try await casePage(
                detail, staff: staff, csrf: csrf, notice: notice, template: request.formQuery["template"].flatMap { Int($0) })
        })
        router.post(RouterPath(SiteURL.caseActionPattern), use: page { request, context in
            let form = try await CaseForm.read(request)
            let raw = context.parameters.get("code") ?? ""
            if context.parameters.get("action") == "identity" {
                // The full national ID and mobile, on demand; who saw them goes into the case's history.
                let (staff, csrf) = try await signedInStaff(may: .viewPersonalData, csrf: form._csrf)
                let updated = try await workflow.revealCitizen(try Self.pageTrackingCode(raw), by: StaffCaller(staff))
                return try await casePage(
                    updated, staff: staff, csrf: csrf, notice: "مشخصات کامل شهروند نمایش داده شد و این نمایش در تاریخچه نامه ثبت شد.",
                    revealed: true)
            }
            guard let action = context.parameters.get("action").flatMap(SiteURL.CaseAction.init(rawValue:)) else {
                throw DomainError.notFound("page", fa: "صفحه")
            }
            let needs: StaffAction = action == .direct ? .issueDirective : action == .appeal ? .decideAppeal : .screenCase
            let (staff, csrf) = try await signedInStaff(may: needs, csrf: form._csrf)
            let caller = StaffCaller(staff)
            let detail = try await visibleCase(raw, to: staff)
            let code = detail.case.trackingCode
            let version = form.version.flatMap { Int($0) }
            do {
                switch action {
                case .answer:
                    _ = try await workflow.answerDirectly(code, answer: form.answer ?? "", expectedVersion: version, by: caller)
                case .refer:
                    let ids = (form.agency ?? []).compactMap { Int($0) }
                    _ = try await workflow.refer(code, to: ids, note: form.note, expectedVersion: version, by: caller)
                case .merge:
                    // A code typed in wins over a letter picked from the citizen's list.
                    let typed = form.typedTarget.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
                    _ = try await workflow.merge(code, into: try Self.pageTrackingCode(typed ?? form.target ?? ""), by: caller)
                case .close:
                    _ = try await workflow.close(code, note: form.note, by: caller)
                case .appeal:
                    guard let outcome = form.outcome.flatMap(AppealOutcome.init(rawValue:)) else {
                        throw DomainError(
                            .invalid, "outcome_required", fa: "تصمیم را برگزینید: پاسخ پیشین باقی است یا نامه دوباره بررسی شود.",
                            en: "Choose an outcome.", field: "outcome")
                    }
                    _ = try await workflow.decideAppeal(code, outcome: outcome, reasons: form.reasons ?? "", by: caller)
                case .direct:
                    _ = try await workflow.issueDirective(
                        code, to: Int(form.directiveAgency ?? "") ?? 0, text: form.text ?? "",
                        due: try DirectiveDue(typedDays: form.days, dueDate: form.dueDate), by: caller)
                }
            } catch let error as DomainError where [.invalid, .unprocessable, .conflict, .notFound].contains(error.kind) {
                return try await casePage(detail, staff: staff, csrf: csrf, error: error.messageFa, status: .badRequest)
            }
            return HTML.redirect(SiteURL.staffCase(code.value).path + "?done=\(action.rawValue)")
        })
        router.post(RouterPath(SiteURL.referralActionPattern), use: page { request, context in
            let form = try await CaseForm.read(request)
            let action = context.parameters.get("action").flatMap(SiteURL.ReferralAction.init(rawValue:))
            let needs: StaffAction = action == .withdraw ? .screenCase : action == .inspection ? .recordInspection : .handleReferral
            let (staff, csrf) = try await signedInStaff(may: needs, csrf: form._csrf)
            let caller = StaffCaller(staff)
            guard let action, let id = context.parameters.get("id").flatMap({ Int($0) })
            else { throw DomainError.referralNotFound }
            let detail: CaseDetail
            do {
                switch action {
                case .accept: detail = try await workflow.acceptReferral(id, by: caller)
                case .answer: detail = try await workflow.answerReferral(id, answer: form.answer ?? "", by: caller)
                case .return: detail = try await workflow.returnReferral(id, reason: form.reason ?? "", by: caller)
                case .withdraw: detail = try await workflow.withdrawReferral(id, reason: form.reason ?? "", by: caller)
                case .inspection: detail = try await workflow.recordInspection(id, action: form.text ?? "", by: caller)
                case .callback:
                    guard let outcome = form.outcome.flatMap(CallOutcome.init(rawValue:)) else {
                        throw DomainError(
                            .invalid, "outcome_required", fa: "نتیجه تماس را برگزینید.", en: "Choose the call's outcome.", field: "outcome")
                    }
                    detail = try await workflow.recordCallBack(id, outcome: outcome, calledAt: nil, note: form.note, by: caller)
                }
            } catch let error as DomainError where [.invalid, .unprocessable, .conflict].contains(error.kind) {
                // The case as this staff member sees it, with the form's error (a refused role or scope stays a 403/404).
                guard let current = try await cases.detail(referralID: id), CaseWorkflow.canSee(current, staff) else {
                    throw DomainError.referralNotFound
                }
                return try await casePage(current, staff: staff, csrf: csrf, error: error.messageFa, status: .badRequest)
            }
            // An answer that leaves other agencies' referrals open does not answer the case yet: no SMS goes.
            let done = action == .answer && detail.case.status != .answered ? "answerHeld" : action.rawValue
            return HTML.redirect(SiteURL.staffCase(detail.case.trackingCode.value).path + "?done=\(done)")
        })
    }

    /// The agencies a case may go to, by kind: the kind its category suggests first, then the rest in
    /// `AgencyKind` order, the national agencies last; `checked` is ticked in advance.
    static func agencyGroups(_ agencies: [Agency], suggestedKind: AgencyKind?, checked: Int?) -> [CaseModel.AgencyGroup] {
        let local = Dictionary(grouping: agencies.filter { $0.provinceCode != nil }, by: \.kind)
        let kinds = AgencyKind.allCases.sorted { ($0 == suggestedKind ? 0 : 1) < ($1 == suggestedKind ? 0 : 1) }
        var groups: [CaseModel.AgencyGroup] = kinds.compactMap { kind in
            guard let members = local[kind], !members.isEmpty else { return nil }
            return .init(
                label: kind.nameFa, suggested: kind == suggestedKind,
                agencies: members.map { .init(id: $0.id, name: $0.name, suggested: $0.id == checked) })
        }
        let national = agencies.filter { $0.provinceCode == nil }
        if !national.isEmpty {
            groups.append(
                .init(label: "دستگاه‌های ملی", suggested: false, agencies: national.map { .init(id: $0.id, name: $0.name, suggested: $0.id == checked) }))
        }
        return groups
    }

    func casePage(
        _ detail: CaseDetail, staff: Staff, csrf: String, notice: String? = nil, error: String? = nil,
        status: HTTPResponse.Status = .ok, revealed: Bool = false, template chosen: Int? = nil
    ) async throws -> Response {
        let c = detail.case
        let code = c.trackingCode.value
        let mayScreen = (try? AccessPolicy.require(staff, may: .screenCase)) != nil
        let mayDirect = (try? AccessPolicy.require(staff, may: .issueDirective)) != nil && (try? CaseRules.checkDirective(c)) != nil
        // The case's category and the agencies it may go to, read once for the referral and directive forms:
        // the province's own agencies first.
        var category: Domain.Category?
        var agencies: [Agency] = []
        if mayScreen || mayDirect {
            category = try await reference.categories(includeInactive: true).first { $0.code == c.categoryCode }
            agencies = try await reference.agencies(province: c.provinceCode, kind: nil, includeInactive: false)
                .sorted { ($0.provinceCode == c.provinceCode ? 0 : 1, $0.id) < ($1.provinceCode == c.provinceCode ? 0 : 1, $1.id) }
        }
        var screening: CaseModel.Screening?
        if mayScreen {
            // The category's usual kind pre-selected.
            let suggested = agencies.first { $0.kind == category?.defaultAgencyKind && $0.provinceCode == c.provinceCode }?.id
            let canRefer = (try? CaseRules.checkRefer(c)) != nil
            let targets = canRefer ? try await workflow.mergeTargets(for: detail, by: StaffCaller(staff)) : []
            screening = .init(
                canAnswer: (try? CaseRules.checkAnswerDirectly(c)) != nil, canRefer: canRefer,
                canClose: (try? CaseRules.checkClose(c)) != nil, version: c.version,
                answerURL: SiteURL.caseAction(code, .answer).path, referURL: SiteURL.caseAction(code, .refer).path,
                mergeURL: SiteURL.caseAction(code, .merge).path, closeURL: SiteURL.caseAction(code, .close).path,
                agencyGroups: Self.agencyGroups(agencies, suggestedKind: category?.defaultAgencyKind, checked: suggested),
                mergeTargets: targets.map {
                    .init(
                        value: $0.trackingCode.value,
                        label: "\(Show.ltr($0.trackingCode.grouped)) — \($0.subject) — \($0.status.nameFa) — \(Show.dateTime($0.createdAt))")
                })
        }
        var directing: CaseModel.Directing?
        if mayDirect {
            directing = .init(
                url: SiteURL.caseAction(code, .direct).path,
                agencyGroups: Self.agencyGroups(agencies, suggestedKind: category?.defaultAgencyKind, checked: nil),
                days: Show.number(category?.answerDays ?? Domain.Category.defaultAnswerDays),
                maxDays: Show.number(CaseRules.maxDirectiveDays))
        }
        var deciding: CaseModel.Deciding?
        if (try? AccessPolicy.require(staff, may: .decideAppeal)) != nil, CaseRules.mayDecideAppeal(c, events: detail.events) {
            deciding = .init(
                url: SiteURL.caseAction(code, .appeal).path,
                objection: detail.events.last { $0.kind == .objected || $0.kind == .rated }?.text,
                outcomes: AppealOutcome.allCases.map { .init(value: $0.rawValue, label: $0.nameFa) })
        }
        let referrals = detail.referrals.map { r in
            CaseModel.ReferralRow(
                id: r.id, agency: r.agencyName, statusLabel: r.status.nameFa, due: Show.dateTime(r.dueAt),
                clock: ClockView(workflow.clock(r), escalationLevel: r.escalationLevel), answer: r.answer,
                reason: r.returnReason,
                directive: r.directedBy?.labelFa, directiveText: r.isDirective ? r.note : nil,
                mine: r.status.isOpen && AccessPolicy.canHandle(staff, referralAgencyID: r.agencyID, caseProvince: c.provinceCode),
                canAccept: r.status == .pending, acceptURL: SiteURL.referralAction(r.id, .accept).path,
                answerURL: SiteURL.referralAction(r.id, .answer).path, returnURL: SiteURL.referralAction(r.id, .return).path,
                canCall: (r.status.isOpen || r.status == .answered)
                    && AccessPolicy.canHandle(staff, referralAgencyID: r.agencyID, caseProvince: c.provinceCode),
                callURL: SiteURL.referralAction(r.id, .callback).path,
                canInspect: r.escalationLevel >= CaseRules.topEscalationLevel
                    && (try? AccessPolicy.require(staff, may: .recordInspection)) != nil,
                inspectURL: SiteURL.referralAction(r.id, .inspection).path, inspection: r.inspectionNote,
                canWithdraw: screening != nil && (try? CaseRules.checkWithdraw(r, by: staff)) != nil,
                withdrawURL: SiteURL.referralAction(r.id, .withdraw).path)
        }
        // Ready answers, for whoever may answer here: screening directly, or an agency on its referral.
        var templatePicker: CaseModel.TemplatePicker?
        var prefill = ""
        if screening?.canAnswer == true || referrals.contains(where: \.mine) {
            let offered = try await workflow.replyTemplates(for: detail, by: StaffCaller(staff))
            if !offered.isEmpty {
                prefill = offered.first { $0.id == chosen }?.body ?? ""
                templatePicker = .init(
                    url: SiteURL.staffCase(code).path,
                    options: offered.map { Option(value: String($0.id), label: $0.title, selected: $0.id == chosen) })
            }
        }
        let identify = AccessPolicy.mayIdentifyCitizen(staff, confidential: c.confidential)
        let person = detail.citizen
        let citizen =
            !identify ? "محرمانه"
            : revealed
                ? "\(person.fullName) — کد ملی \(person.nationalID.map { Show.digits($0.value) } ?? "ثبت نشده") — همراه \(Show.digits(person.mobile.value))"
            : "\(person.fullName) — همراه \(Show.ltr(person.mobile.masked))"
        let model = CaseModel(
            layout: Layout(title: "نامه \(Show.digits(code))", staff: staff, csrf: csrf, notice: notice, error: error),
            csrf: csrf, code: Show.digits(code), codeGrouped: Show.ltr(c.trackingCode.grouped), subject: c.subject, status: c.status.rawValue,
            statusLabel: c.status.nameFa, kindLabel: c.kind.nameFa, categoryName: detail.categoryName, channelLabel: c.channel.nameFa,
            provinceName: detail.provinceName, createdAt: Show.dateTime(c.createdAt),
            citizen: citizen, identityURL: identify && !revealed ? SiteURL.caseIdentity(code).path : nil,
            body: c.body, answer: c.answer, referrals: referrals, hasReferrals: !referrals.isEmpty, screening: screening,
            directing: directing, deciding: deciding, templatePicker: templatePicker, prefill: prefill,
            supervisorNote: CaseRules.needsSupervisor(c) ? detail.events.last { $0.kind == .sentToSupervisor }?.text ?? "" : nil,
            timeline: detail.events.map {
                .init(at: Show.dateTime($0.at), description: $0.descriptionFa, actor: $0.actorName, text: $0.text)
            })
        return render("case", model, status: status)
    }
}
