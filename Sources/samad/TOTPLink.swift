import HummingbirdOTP

/// The otpauth:// URL an authenticator app scans.
enum TOTPLink {
    static func url(secret: String, label: String) -> String {
        TOTP(secret: secret).createAuthenticatorURL(label: label, issuer: "Samad")
    }
}
