import Domain
import Foundation
import Workflow
import Hummingbird
import PersianKit
import Storage

/// The citizen portal: home, follow a case, rate its answer, write a letter.
extension WebUI {
    struct HomeModel { let layout: Layout }

    struct TrackModel {
        var layout: Layout
        var code: String
        var mobile: String
        var errors: [String: String] = [:]
        var result = false
        var letter: CitizenCase?
    }

    /// One letter as its citizen sees it: the public part of the timeline, the answer, the rating form.
    struct CitizenCase {
        struct Step { let at: String; let description: String; let text: String? }
        /// One agency that has (or had) the letter: since when, due when, and where it stands.
        struct Hop {
            let agency: String; let since: String; let due: String; let clock: ClockView
            /// A governor's, official's or inspector's directive (no name: the citizen sees the office, not the person).
            let directive: Bool
        }
        struct Rating { let value: Int; let label: String }
        let code: String
        let mobile: String
        let codeGrouped: String
        let subject: String
        let kindLabel: String
        let registeredAt: String
        let status: String
        let statusLabel: String
        let answer: String?
        let timeline: [Step]
        let hops: [Hop]
        let hasHops: Bool
        let canRate: Bool
        let canObject: Bool
        let rateURL = SiteURL.rate.path
        let objectURL = SiteURL.object.path
        let rating: String?
        /// Each score with its words, so a citizen on a phone reads what they choose.
        static let ratingWords = ["خیلی ناراضی", "ناراضی", "نه راضی نه ناراضی", "راضی", "خیلی راضی"]
        let ratings: [Rating] = (1...5).map { Rating(value: $0, label: "\(PersianDigits.toPersian(String($0))) — \(ratingWords[$0 - 1])") }

        /// `clock` tells where each referral stands now (`CaseWorkflow.clock`).
        init(_ detail: CaseDetail, clock: (Referral) -> HopClock) {
            let c = detail.case
            code = c.trackingCode.value
            mobile = detail.citizen.mobile.value
            codeGrouped = Show.ltr(c.trackingCode.grouped)
            subject = c.subject
            kindLabel = c.kind.nameFa
            registeredAt = Show.dateTime(c.createdAt)
            status = c.status.rawValue
            statusLabel = c.status.nameFa
            answer = CaseRules.citizenAnswer(c)
            timeline = CaseRules.citizenTimeline(detail.events, answerShown: answer != nil).map {
                .init(at: Show.dateTime($0.event.at), description: $0.event.descriptionFa, text: $0.text)
            }
            hops = detail.referrals.filter(\.visibleToCitizen).map {
                .init(
                    agency: $0.agencyName, since: Show.dateTime($0.createdAt), due: Show.dateTime($0.dueAt),
                    clock: ClockView(clock($0), escalationLevel: $0.escalationLevel), directive: $0.isDirective)
            }
            hasHops = !hops.isEmpty
            canRate = CaseRules.mayRate(c, events: detail.events)
            canObject = CaseRules.mayObject(c, events: detail.events)
            rating = c.rating.map { Show.number($0) }
        }
    }

    /// The follow-up form's fields (`track.mustache`).
    struct TrackForm: PageForm {
        var code, mobile: String?
    }

    /// The rating and objection forms under an answer (`citizen-case.mustache`); `back` is `my` when
    /// sent from "my letters".
    struct VerdictForm: PageForm {
        var code, mobile, rating, comment, text, back: String?
    }

    /// What the citizen reads once their verdict is recorded, by the key "my letters" is sent back with.
    static let verdictNotices = [
        "rated": "امتیاز شما ثبت شد. سپاس از همراهی شما.",
        "objected": "اعتراض شما ثبت شد و نامه برای بررسی دوباره نزد اداره بازرسی رفت؛ نتیجه را با پیامک خبر می‌دهیم.",
    ]

    /// Records a rating or an objection (`act`) and shows the case again, or the form with what was wrong.
    func verdictPage(
        _ form: VerdictForm, done: String, back key: String, _ act: (TrackingCode, MobileNumber) async throws -> Void
    ) async throws -> Response {
        do {
            let code = try TrackingCode(parsing: form.code ?? "")
            let mobile = try MobileNumber(parsing: form.mobile ?? "")
            try await act(code, mobile)
            // Sent from "my letters": back there, with the notice.
            if form.back == "my" { return HTML.redirect(SiteURL.myLetters.path + "?\(key)=1") }
            return try await trackPage(code: code.value, mobile: mobile.value, notice: done)
        } catch let error as DomainError where error.isBadInput || error.kind == .conflict {
            var page = try await trackPage(code: form.code ?? "", mobile: form.mobile ?? "", notice: nil, error: error.messageFa)
            page.status = error.kind == .conflict ? .conflict : .badRequest
            return page
        } catch let error as any BilingualError where !(error is DomainError) {
            // A code or mobile that does not parse: the form again, saying which.
            return try await trackPage(code: form.code ?? "", mobile: form.mobile ?? "", notice: nil, error: error.messageFa)
        }
    }

    func registerPublicPages<Context: RequestContext>(on router: Router<Context>) {
        registerOpenDataPages(on: router)
        router.get(RouterPath(SiteURL.home.path), use: page { _, _ in
            render("home", HomeModel(layout: Layout(title: "سامد", current: SiteURL.home.path)))
        })
        // The follow-up form; `?code=` fills the code in. The mobile is posted, never put in an
        // address (history, proxies and shared links would keep it), so nothing is looked up here.
        router.get(RouterPath(SiteURL.track.path), use: page { request, _ in
            let model = TrackModel(
                layout: Layout(title: "پیگیری نامه", current: SiteURL.track.path),
                code: request.formQuery["code"] ?? "", mobile: "")
            return render("track", model)
        })
        router.post(RouterPath(SiteURL.track.path), use: page { request, _ in
            let form = try await TrackForm.read(request)
            return try await trackPage(code: form.code ?? "", mobile: form.mobile ?? "", notice: nil)
        })
        // The link of SMS 3: the follow-up form with the code filled in; the mobile still proves ownership.
        router.get(RouterPath(SiteURL.trackCasePattern), use: page { _, context in
            guard let code = try? TrackingCode(parsing: context.parameters.get("code") ?? "") else {
                return errorPage(status: .notFound)
            }
            let model = TrackModel(
                layout: Layout(title: "پیگیری نامه", current: SiteURL.track.path), code: code.value, mobile: "")
            return render("track", model)
        })
        router.post(RouterPath(SiteURL.rate.path), use: page { request, _ in
            let form = try await VerdictForm.read(request)
            return try await verdictPage(form, done: Self.verdictNotices["rated"]!, back: "rated") { code, mobile in
                _ = try await workflow.rate(
                    code, mobile: mobile, rating: Int(PersianDigits.toASCII(form.rating ?? "")) ?? 0, comment: form.comment)
            }
        })
        router.post(RouterPath(SiteURL.object.path), use: page { request, _ in
            let form = try await VerdictForm.read(request)
            return try await verdictPage(form, done: Self.verdictNotices["objected"]!, back: "objected") { code, mobile in
                _ = try await workflow.object(code, mobile: mobile, text: form.text ?? "")
            }
        })
        registerLetterPages(on: router)
        registerCitizenPages(on: router)
    }

    /// The follow-up form, or the case when code and mobile match.
    func trackPage(code rawCode: String, mobile rawMobile: String, notice: String?, error: String? = nil) async throws -> Response {
        var model = TrackModel(layout: Layout(title: "پیگیری نامه", current: SiteURL.track.path, notice: notice, error: error), code: rawCode, mobile: rawMobile)
        guard !rawCode.isEmpty || !rawMobile.isEmpty else { return render("track", model) }
        var code: TrackingCode?
        var mobile: MobileNumber?
        do {
            code = try TrackingCode(parsing: rawCode)
        } catch {
            model.errors["trackingCode"] = error.messageFa
        }
        do {
            mobile = try MobileNumber(parsing: rawMobile)
        } catch {
            model.errors["mobile"] = error.messageFa
        }
        guard let code, let mobile else { return render("track", model, status: .badRequest) }
        let detail: CaseDetail
        do { detail = try await workflow.track(code, mobile: mobile) } catch let error as DomainError where error.kind == .notFound {
            model.layout.error = "نامه‌ای با این کد رهگیری و شماره همراه پیدا نشد."
            return render("track", model, status: .notFound)
        }
        model.result = true
        model.code = code.value
        model.mobile = mobile.value
        model.letter = CitizenCase(detail, clock: workflow.clock)
        return render("track", model)
    }
}
