/// The auto-close clock: since when an answered case has waited for the citizen's verdict (NULL
/// for every other status), with a partial index holding only the waiting ones. Cases answered
/// before this release start waiting from their last change. The status is written out: a
/// migration states what the schema was when it shipped.
struct M0018AutoClose: Migration {
    let id = "0018_auto_close"

    func statements(_ engine: DatabaseEngine) -> [String] {
        [
            "ALTER TABLE cases ADD COLUMN answered_at BIGINT",
            "UPDATE cases SET answered_at = updated_at WHERE status = 'answered'",
            "CREATE INDEX cases_awaiting_verdict ON cases (answered_at, id) WHERE answered_at IS NOT NULL",
        ]
    }
}
