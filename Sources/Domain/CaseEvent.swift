import Foundation

/// What happened to a case. Events are appended, never changed; the timeline is read from them.
public enum CaseEventKind: String, Sendable, Codable, CaseIterable {
    case registered, referred, referralAccepted, referralAnswered, referralReturned, referralCancelled,
        answered, merged, closed, rated, reopened, escalated, personalDataViewed, referralWithdrawn, citizenDetailsChanged,
        personalDataErased, deadlineReminded, autoClosed, directed, objected, appealDecided, sentToSupervisor, calledBack, inspected

    /// Whether the citizen reads this step's text too: the answers, which escalation level a late
    /// agency reached, and why the case closed itself. Notes, reasons and comments stay with the staff.
    public var textVisibleToCitizen: Bool {
        self == .answered || self == .referralAnswered || self == .escalated || self == .autoClosed || self == .appealDecided
    }

    /// Whether the citizen sees this step when following the case.
    public var visibleToCitizen: Bool {
        switch self {
        case .registered, .referred, .referralAccepted, .referralAnswered, .answered, .closed, .rated, .reopened,
            .merged, .escalated, .autoClosed, .directed, .objected, .appealDecided, .calledBack:
            true
        case .referralReturned, .referralCancelled, .referralWithdrawn, .personalDataViewed, .citizenDetailsChanged,
            .personalDataErased, .deadlineReminded, .sentToSupervisor, .inspected:
            false
        }
    }
}

/// One row of a case's history: who did what, when.
public struct CaseEvent: Sendable, Hashable {
    public var id: Int
    public var caseID: Int
    public var at: Date
    public var kind: CaseEventKind
    public var actorKind: String
    public var actorID: Int?
    public var actorName: String
    public var agencyID: Int?
    public var agencyName: String?
    /// Note, answer, reason or comment, as written.
    public var text: String?
    public var rating: Int?

    public init(
        id: Int, caseID: Int, at: Date, kind: CaseEventKind, actorKind: String, actorID: Int?, actorName: String,
        agencyID: Int?, agencyName: String?, text: String?, rating: Int?
    ) {
        self.id = id
        self.caseID = caseID
        self.at = at
        self.kind = kind
        self.actorKind = actorKind
        self.actorID = actorID
        self.actorName = actorName
        self.agencyID = agencyID
        self.agencyName = agencyName
        self.text = text
        self.rating = rating
    }

    /// The sentence a citizen or staff member reads in the timeline.
    public var descriptionFa: String {
        let agency = agencyName ?? "دستگاه اجرایی"
        switch kind {
        case .registered: return "نامه ثبت شد."
        case .referred: return "نامه به «\(agency)» ارجاع شد."
        case .directed: return "به «\(agency)» دستور رسیدگی به نامه داده شد."
        case .referralAccepted: return "«\(agency)» رسیدگی به نامه را آغاز کرد."
        case .referralAnswered: return "«\(agency)» پاسخ داد."
        case .referralReturned: return "«\(agency)» نامه را مربوط به خود ندانست و بازگرداند."
        case .calledBack: return "«\(agency)» برای پیگیری نامه با شهروند تماس گرفت."
        case .inspected: return "اداره بازرسی درباره تأخیر «\(agency)» اقدام کرد."
        case .sentToSupervisor: return "نامه دو بار از سوی دستگاه‌ها بازگردانده شد و برای تصمیم به کارشناس پایش سپرده شد."
        case .referralCancelled: return "ارجاع به «\(agency)» لغو شد."
        case .answered: return "به نامه پاسخ داده شد."
        case .merged: return "نامه در نامه دیگری از همین شهروند ادغام شد."
        case .closed: return "نامه مختومه شد."
        case .autoClosed: return "شهروند پاسخ را در مهلت ارزیابی نکرد و نامه خودکار مختومه شد."
        case .rated: return "شهروند به پاسخ امتیاز داد."
        case .objected: return "شهروند به پاسخ اعتراض کرد."
        case .appealDecided: return "اداره بازرسی درباره اعتراض تصمیم گرفت."
        case .reopened: return "نامه برای بررسی دوباره بازگشایی شد."
        case .escalated: return "مهلت پاسخ «\(agency)» گذشت و موضوع پیگیری شد."
        case .deadlineReminded: return "مهلت پاسخ «\(agency)» نزدیک است؛ به رابط دستگاه یادآوری شد."
        case .personalDataViewed: return "اطلاعات هویتی شهروند مشاهده شد."
        case .referralWithdrawn: return "ارجاع به «\(agency)» پس گرفته شد."
        case .citizenDetailsChanged: return "مشخصات تماس شهروند به گفته خود او تغییر کرد."
        case .personalDataErased: return "اطلاعات شخصی شهروند پس از پایان مدت نگهداری، به درخواست او پاک شد."
        }
    }
}
