import Domain
import Foundation
import PersianKit
import Storage

/// Fills a fresh database with realistic cases in every state, written through the same repository
/// operations the API uses, so each has its events and SMS, backdated over the last four months.
public struct DemoCases: Sendable {
    let store: SQLStore
    let screener: Actor
    let handler: Actor
    let operatorActor: Actor

    /// - Parameter base: the application's store; the demo writes through a copy with a simulated clock.
    public init(base: SQLStore, logins: [DemoStaff.Login]) {
        self.store = SQLStore(client: base.client, trackingLink: base.trackingLink, calendar: base.calendar, now: DemoClock.read)
        func actor(_ username: String) -> Actor {
            logins.first { $0.staff.username == username }.map { .staff($0.staff) } ?? .system
        }
        screener = actor("inspector")
        handler = actor("admin")
        operatorActor = actor("operator")
    }

    /// Loads `count` cases unless the database already has cases; returns how many were written.
    @discardableResult
    public func load(count: Int, seed: UInt64 = 1402, now: Date = Date()) async throws -> Int {
        let existing = try await store.list(CaseQuery())
        guard existing.items.isEmpty else { return 0 }
        let agencies = Dictionary(
            grouping: try await store.agencies(province: nil, kind: nil, includeInactive: false),
            by: { "\($0.provinceCode ?? "")/\($0.kind.rawValue)" })
        let categories = Dictionary(uniqueKeysWithValues: try await store.categories(includeInactive: false).map { ($0.code, $0) })
        let provinces = Weighted(ReferenceData.provinces.map { ($0, $0.nameEn == "East Azerbaijan" ? 20 * $0.population : $0.population) })
        let chunk = 64
        var written = 0
        var index = 0
        while index < count {
            let upper = min(index + chunk, count)
            written += try await withThrowingTaskGroup(of: Int.self) { group in
                for i in index..<upper {
                    group.addTask {
                        var rng = SeededGenerator(seed: seed &+ UInt64(i) &* 7919)
                        let plan = DemoPlan(
                            rng: &rng, now: now, provinces: provinces, agencies: agencies, categories: categories)
                        return try await run(plan, rng: &rng)
                    }
                }
                return try await group.reduce(0, +)
            }
            index = upper
        }
        return written
    }

    private func at<T: Sendable>(_ date: Date, _ body: @Sendable () async throws -> T) async throws -> T {
        try await DemoClock.$now.withValue(date) { try await body() }
    }

    /// Plays one case's life to its planned end state.
    private func run(_ plan: DemoPlan, rng: inout SeededGenerator) async throws -> Int {
        let draft = plan.draft
        let first = try await at(plan.start) { try await store.register(draft, actor: operatorActor, idempotencyKey: nil) }
        let code = first.detail.case.trackingCode
        var t = plan.start
        func later(_ hours: Double) -> Date { t = t.addingTimeInterval(hours * 3600); return t }
        let category = draft.categoryCode
        var r = rng
        switch plan.end {
        case .registered:
            return 1
        case .merged:
            var second = draft
            second.subject = PhraseBank.subject(category: category, using: &r)
            second.body = PersianText.normalize(PhraseBank.body(category: category, using: &r))
            let duplicate = second
            let dup = try await at(later(20)) { try await store.register(duplicate, actor: operatorActor, idempotencyKey: nil) }
            _ = try await at(later(5)) { try await store.merge(dup.detail.case.trackingCode, into: code, actor: screener) }
            return 2
        case .referred, .answered, .closed, .reopened:
            break
        }
        let answerText = PersianText.normalize(PhraseBank.answer(category: category, using: &r))
        if plan.direct {
            _ = try await at(later(3)) { try await store.answerDirectly(code, answer: answerText, actor: screener, expectedVersion: nil) }
        } else {
            let referred = try await at(later(2)) {
                try await store.refer(code, to: plan.agencyIDs, note: nil, actor: screener, expectedVersion: nil)
            }
            let referrals = referred.referrals
            if plan.end == .referred {
                if plan.accept, let first = referrals.first {
                    _ = try await at(later(20)) { try await store.acceptReferral(first.id, actor: handler) }
                }
                return 1
            }
            for (n, referral) in referrals.enumerated() {
                _ = try await at(later(18)) { try await store.acceptReferral(referral.id, actor: handler) }
                if n == 0 && referrals.count > 1 {
                    let reason = PhraseBank.returnReason(using: &r)
                    _ = try await at(later(30)) { try await store.returnReferral(referral.id, reason: reason, actor: handler) }
                } else {
                    _ = try await at(later(Double(plan.answerHours))) {
                        try await store.answerReferral(referral.id, answer: answerText, actor: handler)
                    }
                }
            }
        }
        switch plan.end {
        case .closed:
            if plan.rating >= 3 {
                let comment = PhraseBank.ratingComment(rating: plan.rating, using: &r)
                _ = try await at(later(30)) { try await store.rate(code, mobile: draft.citizen.mobile, rating: plan.rating, comment: comment) }
            } else {
                _ = try await at(later(30)) { try await store.close(code, note: nil, actor: screener) }
            }
        case .reopened:
            let comment = PhraseBank.ratingComment(rating: plan.rating, using: &r)
            _ = try await at(later(30)) { try await store.rate(code, mobile: draft.citizen.mobile, rating: plan.rating, comment: comment) }
        default:
            break
        }
        rng = r
        return 1
    }
}
