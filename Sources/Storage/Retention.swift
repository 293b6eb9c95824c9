import Foundation

/// How long short-lived and personal records are kept (`AppConfig`'s `SAMAD_*_RETENTION_DAYS`).
public struct RetentionPolicy: Sendable, Hashable {
    /// Sent SMS (their text and mobile) are deleted this long after they were sent.
    public var sentSMS: TimeInterval
    /// A citizen's personal data may be erased only this long after their last case was settled.
    public var personalData: TimeInterval

    /// Expired sign-in codes are kept this long past their expiry: the wrong tries of the last
    /// ten minutes still count against the mobile (`Gatekeeper.codeTryWindow`).
    public static let expiredCodeGrace: TimeInterval = 3600
    /// Rate-limit windows are forgotten this long after they started: the longest rule counts a day.
    public static let rateLimitWindowAge: TimeInterval = 2 * 86_400

    public init(sentSMSDays: Int = 180, personalDataDays: Int = 5 * 365) {
        sentSMS = TimeInterval(sentSMSDays) * 86_400
        personalData = TimeInterval(personalDataDays) * 86_400
    }
}

/// Rows one purge deleted, per kind; nil from `purgeExpired` when another server was purging.
public struct PurgeCounts: Sendable, Hashable {
    public var signInCodes = 0
    public var sessions = 0
    public var rateLimitWindows = 0
    public var sentSMS = 0

    public init(signInCodes: Int = 0, sessions: Int = 0, rateLimitWindows: Int = 0, sentSMS: Int = 0) {
        self.signInCodes = signInCodes
        self.sessions = sessions
        self.rateLimitWindows = rateLimitWindows
        self.sentSMS = sentSMS
    }
}
