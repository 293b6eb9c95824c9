import Domain
import Foundation
import PersianKit
import Testing

@Suite(.timeLimit(.minutes(10))) struct CaseRulesTests {
    func makeCase(_ status: CaseStatus, id: Int = 1, citizen: Int = 1, created: TimeInterval = 0) -> Case {
        Case(
            id: id, trackingCode: TrackingCode.generate(), citizenID: citizen, channel: .phone111, kind: .request,
            categoryCode: "other", subject: "s", body: "b", provinceCode: "01", countyCode: nil, status: status,
            priority: .normal, confidential: false, answer: nil, mergedIntoID: nil, rating: nil,
            createdAt: Date(timeIntervalSince1970: created), updatedAt: Date(timeIntervalSince1970: created), version: 1)
    }

    func referral(_ status: ReferralStatus) -> Referral {
        Referral(
            id: 1, caseID: 1, agencyID: 1, agencyName: "بانک", status: status, note: nil, answer: "پاسخ", returnReason: nil,
            dueAt: Date(), escalationLevel: 0, createdAt: Date(), answeredAt: nil)
    }

    @Test func screeningTransitions() throws {
        for status in CaseStatus.allCases {
            let c = makeCase(status)
            let canAnswer = (try? CaseRules.checkAnswerDirectly(c)) != nil
            #expect(canAnswer == (status == .registered || status == .reopened), "\(status)")
            let canRefer = (try? CaseRules.checkRefer(c)) != nil
            #expect(canRefer == [.registered, .reopened, .referred].contains(status), "\(status)")
            let canClose = (try? CaseRules.checkClose(c)) != nil
            #expect(canClose == (status == .answered), "\(status)")
        }
    }

    func events(_ kinds: CaseEventKind...) -> [CaseEvent] {
        kinds.enumerated().map { n, kind in
            CaseEvent(
                id: n + 1, caseID: 1, at: Date(), kind: kind, actorKind: "staff", actorID: 1, actorName: "آزمون",
                agencyID: kind == .referralAnswered ? 1 : nil, agencyName: "بانک", text: "پاسخ \(n + 1)", rating: nil)
        }
    }

    @Test func referralsDriveTheCaseStatus() {
        let answered = events(.registered, .referred, .referred, .referralAnswered)
        #expect(CaseRules.statusAfterReferralChange([referral(.answered), referral(.pending)], events: answered) == .referred)
        #expect(CaseRules.statusAfterReferralChange([referral(.answered), referral(.returned)], events: answered) == .answered)
        #expect(CaseRules.statusAfterReferralChange([referral(.returned)], events: events(.registered, .referred, .referralReturned)) == .registered)
        // An appeal is not answered by the answer the citizen rejected.
        let appeal = events(.registered, .referred, .referralAnswered, .answered, .rated, .reopened, .referred, .referralReturned)
        #expect(CaseRules.statusAfterReferralChange([referral(.answered), referral(.returned)], events: appeal) == .reopened)
        let appealAnswered = appeal + events(.referred, .referralAnswered).map { var e = $0; e.id += 100; return e }
        #expect(CaseRules.statusAfterReferralChange([referral(.answered), referral(.returned), referral(.answered)], events: appealAnswered) == .answered)
        #expect(CaseRules.combinedAnswer(appealAnswered) == "بانک: پاسخ 2")
    }

    @Test func mergeRules() {
        let earlier = makeCase(.registered, id: 1, created: 0)
        let later = makeCase(.registered, id: 2, created: 100)
        #expect((try? CaseRules.checkMerge(later, into: earlier)) != nil)
        #expect(throws: DomainError.self) { try CaseRules.checkMerge(earlier, into: later) }
        #expect(throws: DomainError.self) { try CaseRules.checkMerge(later, into: makeCase(.registered, id: 3, citizen: 2)) }
        #expect(throws: DomainError.self) { try CaseRules.checkMerge(later, into: later) }
        #expect(throws: DomainError.self) { try CaseRules.checkMerge(makeCase(.closed, id: 4, created: 200), into: earlier) }
        for status in [CaseStatus.answered, .closed, .merged] {
            #expect(throws: DomainError.self) { try CaseRules.checkMerge(later, into: makeCase(status, id: 1, created: 0)) }
        }
    }

    @Test func ratings() {
        #expect(CaseRules.statusAfterRating(1) == .reopened)
        #expect(CaseRules.statusAfterRating(2) == .reopened)
        #expect(CaseRules.statusAfterRating(3) == .closed)
        #expect(throws: DomainError.self) { try CaseRules.checkRate(makeCase(.answered), events: [], rating: 0) }
        #expect(throws: DomainError.self) { try CaseRules.checkRate(makeCase(.referred), events: [], rating: 4) }
        // One rating per answer; a new answer may be rated again.
        #expect(CaseRules.mayRate(makeCase(.answered), events: events(.registered, .answered)))
        #expect(!CaseRules.mayRate(makeCase(.closed), events: events(.registered, .answered, .rated, .closed)))
        #expect(CaseRules.mayRate(makeCase(.answered), events: events(.registered, .answered, .rated, .reopened, .answered)))
    }

    @Test func accessPolicy() {
        let liaison = Staff(id: 1, username: "l", displayName: "l", role: .liaison, provinceCode: "01", agencyID: 7, active: true)
        let provincial = Staff(id: 2, username: "s", displayName: "s", role: .supervisor, provinceCode: "01", agencyID: nil, active: true)
        let national = Staff(id: 3, username: "i", displayName: "i", role: .inspector, provinceCode: nil, agencyID: nil, active: true)
        #expect(AccessPolicy.canSee(liaison, caseProvince: "01", referredAgencyIDs: [7]))
        #expect(!AccessPolicy.canSee(liaison, caseProvince: "01", referredAgencyIDs: [8]))
        #expect(AccessPolicy.canSee(provincial, caseProvince: "01", referredAgencyIDs: []))
        #expect(!AccessPolicy.canSee(provincial, caseProvince: "02", referredAgencyIDs: []))
        #expect(AccessPolicy.canSee(national, caseProvince: "02", referredAgencyIDs: []))
        #expect(throws: DomainError.self) { try AccessPolicy.require(liaison, may: .screenCase) }
        #expect(!AccessPolicy.mayIdentifyCitizen(liaison, confidential: true))
        #expect(AccessPolicy.mayIdentifyCitizen(provincial, confidential: true))
    }
}

@Suite(.timeLimit(.minutes(10))) struct InvariantRuleTests {
    @Test func everyStateHasItsOwnerRule() {
        for status in [CaseStatus.registered, .reopened] {
            #expect(CaseRules.invariantViolation(status: status, openReferrals: 0, hasAnswer: false) == nil)
        }
        #expect(CaseRules.invariantViolation(status: .referred, openReferrals: 1, hasAnswer: false) == nil)
        #expect(CaseRules.invariantViolation(status: .referred, openReferrals: 0, hasAnswer: false) != nil)
        #expect(CaseRules.invariantViolation(status: .answered, openReferrals: 0, hasAnswer: true) == nil)
        #expect(CaseRules.invariantViolation(status: .answered, openReferrals: 0, hasAnswer: false) != nil)
        for status in [CaseStatus.closed, .merged] {
            #expect(CaseRules.invariantViolation(status: status, openReferrals: 0, hasAnswer: true) == nil)
            #expect(CaseRules.invariantViolation(status: status, openReferrals: 2, hasAnswer: true) != nil)
        }
    }
}
