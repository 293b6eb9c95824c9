import Foundation
import SQLKit
@testable import Storage
import Testing
import TestSupport

/// Migrations carry existing data forward; the citizens rebuild keeps every row and every key.
@Suite(.timeLimit(.minutes(10))) struct MigrationTests {
    @Test(arguments: TestDatabase.all)
    func optionalNationalIDKeepsCitizensCasesAndForeignKeys(engine: TestDatabase) async throws {
        // setup: a database as it was before citizens could go without a national ID, with a letter in it.
        try await withScratchClient(engine, migrate: false) { client in
            let before = Array(allMigrations.prefix { $0.id != "0012_optional_national_id" })
            try await Migrator(client: client, migrations: before).migrate()
            try await SQLStore(client: client).seedReferenceData()
            try await client.write { db in
                try await db.raw(
                    """
                    INSERT INTO citizens (id, national_id, mobile, first_name, last_name, province_code, created_at, updated_at)
                    VALUES (7, '0013542419', '09121234567', 'رضا', 'محمدی', '01', 1, 1)
                    """
                ).run()
                try await db.raw(
                    """
                    INSERT INTO cases (tracking_code, citizen_id, channel, kind, category_code, subject, body, search_text,
                        province_code, status, priority, confidential, created_at, updated_at, version, period_week,
                        period_month, period_quarter, period_year)
                    VALUES ('12345678901', 7, 'web', 'request', 'interestFreeLoan', 's', 'b', 's b', '01', 'registered',
                        'normal', 0, 1, 1, 1, '1402-W01', '1402-01', '1402-Q1', '1402')
                    """
                ).run()
            }

            // act
            let applied = try await Migrator(client: client).migrate()

            // check
            #expect(applied == allMigrations.map(\.id).filter { $0 >= "0012" })
            let kept = try await client.read { db in
                try await db.raw("SELECT z.national_id, c.tracking_code FROM cases c JOIN citizens z ON z.id = c.citizen_id").all()
            }
            #expect(kept.count == 1)
            #expect(try kept.first?.decode(column: "national_id", as: String.self) == "0013542419")
            // A citizen without an ID is one row per mobile.
            let addWithoutID: @Sendable (Int) async throws -> Void = { at in
                try await client.write { db in
                    try await db.raw(
                        """
                        INSERT INTO citizens (national_id, mobile, first_name, last_name, province_code, created_at, updated_at)
                        VALUES (NULL, '09351234567', 'زهرا', 'کریمی', '01', \(bind: at), \(bind: at))
                        """
                    ).run()
                }
            }
            try await addWithoutID(2)
            await #expect(throws: (any Error).self) { try await addWithoutID(3) }
            // Foreign keys are enforced again after the rebuild.
            await #expect(throws: (any Error).self) {
                try await client.write { db in try await db.raw("DELETE FROM citizens WHERE id = 7").run() }
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func theHashChainSealsExistingHistories(engine: TestDatabase) async throws {
        // setup: a database from before the chain, with a letter and its history of three events
        try await withScratchClient(engine, migrate: false) { client in
            let before = Array(allMigrations.prefix { $0.id != "0015_event_hash_chain" })
            try await Migrator(client: client, migrations: before).migrate()
            try await SQLStore(client: client).seedReferenceData()
            try await client.write { db in
                try await db.raw(
                    """
                    INSERT INTO citizens (id, national_id, mobile, first_name, last_name, province_code, created_at, updated_at)
                    VALUES (7, '0013542419', '09121234567', 'رضا', 'محمدی', '01', 1, 1)
                    """
                ).run()
                for code in ["12345678901", "12345678902"] {
                    try await db.raw(
                        """
                        INSERT INTO cases (tracking_code, citizen_id, channel, kind, category_code, subject, body, search_text,
                            province_code, status, priority, confidential, created_at, updated_at, version, period_week,
                            period_month, period_quarter, period_year)
                        VALUES (\(bind: code), 7, 'web', 'request', 'interestFreeLoan', 's', 'b', 's b', '01', 'registered',
                            'normal', 0, 1, 1, 1, '1402-W01', '1402-01', '1402-Q1', '1402')
                        """
                    ).run()
                }
                for (caseCode, kind) in [("12345678901", "registered"), ("12345678902", "registered"), ("12345678901", "personalDataViewed"), ("12345678901", "closed")] {
                    try await db.raw(
                        """
                        INSERT INTO case_events (case_id, province_code, at, kind, actor_kind, actor_id, actor_name, text)
                        SELECT id, '01', 5, \(bind: kind), 'system', NULL, 'سامانه', 'متن' FROM cases WHERE tracking_code = \(bind: caseCode)
                        """
                    ).run()
                }
            }

            // act
            try await Migrator(client: client).migrate()

            // check: every history is chained in id order and verifies
            let store = SQLStore(client: client)
            #expect(try await store.caseHistoryProblems().isEmpty)
            let heads = try await client.read { db in
                try await db.raw("SELECT event_count FROM cases ORDER BY tracking_code").all().map { try $0.decode(column: "event_count", as: Int.self) }
            }
            #expect(heads == [3, 1])
            try await client.write { db in try await db.raw("UPDATE case_events SET text = 'دیگر' WHERE kind = 'closed'").run() }
            #expect(try await store.caseHistoryProblems().map(\.kind) == [.edited])
        }
    }

    @Test(arguments: TestDatabase.all)
    func outboxWithoutCaseKeepsMessagesAndAttempts(engine: TestDatabase) async throws {
        // setup: a database as it was before sign-in codes went through the outbox, with an SMS and an attempt.
        try await withScratchClient(engine, migrate: false) { client in
            let before = Array(allMigrations.prefix { $0.id != "0014_outbox_without_case" })
            try await Migrator(client: client, migrations: before).migrate()
            try await SQLStore(client: client).seedReferenceData()
            try await client.write { db in
                try await db.raw(
                    """
                    INSERT INTO citizens (id, national_id, mobile, first_name, last_name, province_code, created_at, updated_at)
                    VALUES (7, '0013542419', '09121234567', 'رضا', 'محمدی', '01', 1, 1)
                    """
                ).run()
                try await db.raw(
                    """
                    INSERT INTO cases (id, tracking_code, citizen_id, channel, kind, category_code, subject, body, search_text,
                        province_code, status, priority, confidential, created_at, updated_at, version, period_week,
                        period_month, period_quarter, period_year)
                    VALUES (3, '12345678901', 7, 'web', 'request', 'interestFreeLoan', 's', 'b', 's b', '01', 'registered',
                        'normal', 0, 1, 1, 1, '1402-W01', '1402-01', '1402-Q1', '1402')
                    """
                ).run()
                try await db.raw(
                    """
                    INSERT INTO notifications (id, case_id, province_code, kind, mobile, text, status, attempts, next_attempt_at,
                        claimed_until, created_at, last_error)
                    VALUES (5, 3, '01', 'registered', '09121234567', 'سامد: ثبت شد', 'pending', 1, 10, 0, 1, 'provider down')
                    """
                ).run()
                try await db.raw("INSERT INTO notification_attempts (notification_id, at, ok, detail) VALUES (5, 2, 0, 'provider down')").run()
            }

            // act
            let applied = try await Migrator(client: client).migrate()

            // check: the message and its attempt are kept; a message without a case can be written
            #expect(applied.contains("0014_outbox_without_case"))
            let store = SQLStore(client: client)
            let kept = try await store.notifications(caseID: 3)
            #expect(kept.map(\.id) == [5])
            #expect(kept.first?.text == "سامد: ثبت شد")
            #expect(kept.first?.attempts == 1)
            #expect(try await store.outboxEntry(id: 5)?.lastError == "provider down")
            try await client.write { db in
                try await db.raw(
                    """
                    INSERT INTO notifications (case_id, province_code, kind, mobile, text, status, attempts, next_attempt_at,
                        claimed_until, created_at, expires_at)
                    VALUES (NULL, NULL, 'signInCode', '09121234567', 'کد', 'pending', 0, 1, 0, 1, 100)
                    """
                ).run()
            }
            #expect(try await store.outboxBacklog(province: nil).waiting == 2)
            // Foreign keys are enforced again after the rebuild: an attempt needs its message.
            await #expect(throws: (any Error).self) {
                try await client.write { db in
                    try await db.raw("INSERT INTO notification_attempts (notification_id, at, ok) VALUES (999, 1, 1)").run()
                }
            }
        }
    }
}
