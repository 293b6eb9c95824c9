import Foundation

/// The session cookie: HttpOnly, SameSite=Strict, and Secure when Samad is served over TLS.
public enum SessionCookie {
    public static let name = "samad_session"

    /// The session id among the request's Cookie headers.
    public static func value(in headers: [String]) -> String? {
        for header in headers {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                    let value = parts[1].trimmingCharacters(in: .whitespaces)
                    return value.isEmpty ? nil : value
                }
            }
        }
        return nil
    }

    static func set(_ id: String, maxAge: Int, secure: Bool) -> String {
        "\(name)=\(id); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    static func clear(secure: Bool) -> String {
        "\(name)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }
}
