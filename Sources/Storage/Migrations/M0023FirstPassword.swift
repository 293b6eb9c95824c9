/// A password someone else set (an account's first, or one an admin reset) must be changed by its
/// owner before anything else: the account carries the flag, and so does each session it signs in to.
struct M0023FirstPassword: Migration {
    let id = "0023_first_password"

    func statements(_ engine: DatabaseEngine) -> [String] {
        [
            "ALTER TABLE staff ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE sessions ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0",
        ]
    }
}
