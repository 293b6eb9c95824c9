import PersianKit

/// A rule the request broke, with a stable code and Persian and English text.
/// The HTTP layer maps `kind` to a status; nothing else decides it.
public struct DomainError: BilingualError, Equatable {
    public enum Kind: String, Sendable {
        case invalid, notFound, conflict, unauthenticated, forbidden, tooMany
        /// Well-formed input (it has the shape openapi.yaml gives it) that a rule refused: a reference
        /// to nothing (an unknown agency or province), a wrong check digit, a day the month does not
        /// have, times or levels out of order. The API answers 422; `invalid` (400) is input of the
        /// wrong shape. Pages answer 400 for both, with the form and its message.
        case unprocessable
        /// Not the request's fault: the service cannot take it now (its database is down or full); try later.
        case unavailable
    }

    public let kind: Kind
    public let code: String
    public let messageFa: String
    public let messageEn: String
    /// The input field at fault, when there is one.
    public let field: String?
    /// Seconds until a refused request may be tried again (rate limits, lock-outs, an unavailable database).
    public let retryAfter: Int?

    public init(_ kind: Kind, _ code: String, fa: String, en: String, field: String? = nil, retryAfter: Int? = nil) {
        self.kind = kind
        self.code = code
        self.messageFa = fa
        self.messageEn = en
        self.field = field
        self.retryAfter = retryAfter
    }

    /// Wraps a PersianKit parse error as invalid input on a field.
    public init(_ error: any BilingualError, field: String) {
        self.init(error.isWellFormed ? .unprocessable : .invalid, error.code, fa: error.messageFa, en: error.messageEn, field: field)
    }
}

extension DomainError {
    /// The input's fault, whether of the wrong shape (400) or refused by a rule (422): a form shows it
    /// beside its field.
    public var isBadInput: Bool { kind == .invalid || kind == .unprocessable }

    public static func required(_ field: String, fa: String) -> DomainError {
        .init(.invalid, "\(field)_required", fa: "\(fa) را وارد کنید.", en: "\(field) is required.", field: field)
    }

    /// Text was sent and none of it shows (control or format characters, blank-looking letters alone).
    public static func invisible(_ field: String, fa: String) -> DomainError {
        .init(
            .unprocessable, "\(field)_required", fa: "\(fa) را وارد کنید؛ متن فرستاده‌شده چیزی نشان نمی‌دهد.",
            en: "\(field) is required; the text sent shows nothing.", field: field)
    }

    public static func tooLong(_ field: String, fa: String, max: Int) -> DomainError {
        .init(
            .invalid, "\(field)_too_long",
            fa: "\(fa) نباید بیشتر از \(JalaliFormat.number(max)) نویسه باشد.",
            en: "\(field) must be at most \(max) characters.", field: field)
    }

    public static func unknown(_ field: String, fa: String) -> DomainError {
        .init(.unprocessable, "unknown_\(field)", fa: "\(fa) شناخته نشد.", en: "Unknown \(field).", field: field)
    }

    public static func notFound(_ what: String, fa: String) -> DomainError {
        .init(.notFound, "\(what)_not_found", fa: "\(fa) پیدا نشد.", en: "\(what) not found.")
    }

    public static let caseNotFound = notFound("case", fa: "نامه‌ای با این کد رهگیری")

    public static let referralNotFound = notFound("referral", fa: "ارجاع")

    public static let replyTemplateNotFound = notFound("reply_template", fa: "متن آماده پاسخ")

    public static func transition(_ action: String, from status: CaseStatus) -> DomainError {
        .init(
            .conflict, "invalid_transition",
            fa: "این کار («\(action)») در وضعیت کنونی نامه («\(status.nameFa)») ممکن نیست.",
            en: "Action '\(action)' is not allowed while the case is \(status.rawValue).")
    }

    public static func referralTransition(_ action: String, from status: ReferralStatus) -> DomainError {
        .init(
            .conflict, "invalid_transition",
            fa: "این کار («\(action)») در وضعیت کنونی ارجاع («\(status.nameFa)») ممکن نیست.",
            en: "Action '\(action)' is not allowed while the referral is \(status.rawValue).")
    }

    public static let unauthenticated = DomainError(
        .unauthenticated, "unauthenticated", fa: "برای این کار باید وارد سامانه شوید.",
        en: "Authentication is required.")

    public static let forbidden = DomainError(
        .forbidden, "forbidden", fa: "شما اجازه این کار را ندارید.", en: "You are not allowed to do this.")

    /// Signed in with a password someone else set (a first password, an admin's reset): the owner
    /// changes it before anything else.
    public static let passwordChangeRequired = DomainError(
        .forbidden, "password_change_required",
        fa: "گذرواژه‌ای که دیگری برای شما گذاشته است باید پیش از هر کاری عوض شود.",
        en: "A password set by someone else must be changed before anything else.")

    /// A token limited to some actions asked for a token with more (or with no limits).
    public static let tokenExceedsIssuer = DomainError(
        .forbidden, "token_exceeds_issuer",
        fa: "توکنی که با آن درخواست داده‌اید محدود است و نمی‌تواند توکنی با اجازه‌های بیشتر یا نامحدود بسازد.",
        en: "A limited token may only issue tokens whose permissions are a subset of its own.")

    public static let staleVersion = DomainError(
        .conflict, "stale_version", fa: "این نامه در این فاصله تغییر کرده است؛ صفحه را دوباره بارگیری کنید.",
        en: "The case changed meanwhile; reload it and try again.")

    public static func rateLimited(retryAfter: Int) -> DomainError {
        DomainError(
            .tooMany, "rate_limited",
            fa: "تعداد درخواست‌ها بیش از حد مجاز است؛ \(JalaliFormat.number(retryAfter)) ثانیه دیگر دوباره تلاش کنید.",
            en: "Too many requests; try again in \(retryAfter) seconds.", retryAfter: retryAfter)
    }

    public static let malformedRequest = DomainError(
        .invalid, "malformed_request", fa: "درخواست نامعتبر است؛ قالب داده‌ها را بررسی کنید.",
        en: "The request could not be read; check its format.")

    /// A page cursor that no list gave out.
    public static let invalidCursor = DomainError(
        .invalid, "invalid_cursor", fa: "نشانگر صفحه نامعتبر است.", en: "Invalid page cursor.", field: "cursor")

    public static let malformedForm = DomainError(
        .invalid, "malformed_form", fa: "فرم فرستاده‌شده خوانا نیست؛ صفحه را دوباره بارگیری کنید و از نو بفرستید.",
        en: "The form body could not be read.")

    /// The database cannot be reached (PostgreSQL down or restarting, no free connection in time) or
    /// cannot write (disk full): nothing was written for this request, and it may be sent again.
    public static let databaseUnavailable = DomainError(
        .unavailable, "database_unavailable",
        fa: "سامانه در این لحظه به پایگاه داده دسترسی ندارد و درخواست شما ثبت نشد؛ لطفاً چند ثانیه دیگر دوباره تلاش کنید.",
        en: "The database is unavailable right now and nothing was saved; please try again in a few seconds.",
        retryAfter: 5)
}
