/// Whose word changes a known citizen's record.
extension Actor {
    /// Staff (an operator with the citizen on the line, a service desk) may correct a known citizen's
    /// mobile and name. A public form proves nothing about who is typing: it never changes a known
    /// citizen, and a national ID that belongs to someone with another mobile does not attach the
    /// letter to them (the letter stays with the mobile it came from), so a stranger who knows a
    /// national ID can neither take over the owner's letters nor read them.
    public var mayChangeCitizenDetails: Bool {
        if case .staff = self { true } else { false }
    }
}
