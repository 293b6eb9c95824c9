extension SQLStore {
    /// Everything `samad audit verify` reports: every case history's problems, then the audit log's.
    public func chainProblems() async throws -> [ChainProblem] {
        try await caseHistoryProblems() + auditLogProblems()
    }
}
