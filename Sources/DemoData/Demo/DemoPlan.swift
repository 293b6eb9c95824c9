import Domain
import Foundation
import PersianKit

/// What will happen to one demo case: who wrote it, when, and where its life ends.
struct DemoPlan: Sendable {
    enum End: Sendable { case registered, referred, answered, closed, reopened, merged }

    static let ends = Weighted<End>([
        (.registered, 10), (.referred, 20), (.answered, 22), (.closed, 38), (.reopened, 5), (.merged, 5),
    ])

    var draft: CaseDraft
    var start: Date
    var end: End
    /// Answered by screening itself rather than referred.
    var direct: Bool
    var agencyIDs: [Int]
    var accept: Bool
    var answerHours: Int
    var rating: Int

    init(
        rng: inout SeededGenerator, now: Date, provinces: Weighted<ProvinceSeed>, agencies: [String: [Agency]],
        categories: [String: Domain.Category]
    ) {
        let province = provinces.pick(using: &rng)
        let county = province.counties.randomElement(using: &rng)
        let categoryCode = DemoWeights.categories.pick(using: &rng)
        let female = Bool.random(using: &rng)
        let first = (female ? PhraseBank.femaleFirstNames : PhraseBank.maleFirstNames).randomElement(using: &rng)!
        let last = PhraseBank.lastNames.randomElement(using: &rng)!
        end = Self.ends.pick(using: &rng)
        // Registered cases are recent; the rest spread over four months.
        let ageDays = end == .registered ? Double.random(in: 0...3, using: &rng) : Double.random(in: 4...120, using: &rng)
        start = now.addingTimeInterval(-ageDays * 86_400)
        direct = Int.random(in: 0..<100, using: &rng) < 35
        let kind = categories[categoryCode]?.defaultAgencyKind ?? .governorate
        let local = agencies["\(province.code)/\(kind.rawValue)"] ?? agencies["\(province.code)/governorate"] ?? []
        var chosen = local.shuffled(using: &rng).prefix(1).map(\.id)
        // One in five referrals goes to two agencies, one of which returns it as not its own.
        if Int.random(in: 0..<5, using: &rng) == 0, let governorate = agencies["\(province.code)/governorate"]?.first,
            !chosen.contains(governorate.id)
        {
            chosen.insert(governorate.id, at: 0)
        }
        agencyIDs = chosen
        accept = Bool.random(using: &rng)
        answerHours = Int.random(in: 24...(24 * 9), using: &rng)
        rating = end == .reopened ? Int.random(in: 1...2, using: &rng) : Int.random(in: 1...5, using: &rng)
        // Persian text arrives with real-world noise; parsing normalises it as the API would.
        let draft = try? CaseDraft.parse(
            channel: DemoWeights.channels.pick(using: &rng), kind: DemoWeights.kinds.pick(using: &rng),
            categoryCode: categoryCode, subject: PhraseBank.subject(category: categoryCode, using: &rng),
            body: PhraseBank.body(category: categoryCode, using: &rng), confidential: Int.random(in: 0..<20, using: &rng) == 0,
            nationalID: DemoIdentity.nationalID(using: &rng), mobile: DemoIdentity.mobile(using: &rng),
            firstName: first, lastName: last, provinceCode: province.code, countyCode: county?.code)
        self.draft = draft!
    }
}
