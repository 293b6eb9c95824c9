import AppBootstrap
import DemoData
import Domain
import Foundation
import Storage
import Testing
import TestSupport

/// A real database starts with reference data only: provinces, counties, their governorates and
/// the categories. The demo's banks and institutions come from `DemoData`, once.
@Suite(.timeLimit(.minutes(5))) struct ReferenceSeedTests {
    @Test(arguments: TestDatabase.all)
    func aFreshDatabaseHoldsOnlyGovernoratesAndTheDemoAddsItsAgenciesOnce(engine: TestDatabase) async throws {
        let scratch = try await ScratchDatabase.create(engine)
        defer { Task { await scratch.drop() } }
        let config = AppConfig(
            dataDir: scratch.dataDir, databaseURL: scratch.databaseURL, databaseSchema: scratch.schema, dispatcherEnabled: false)
        let store = try await openStore(config: config)
        defer { Task { try? await store.client.shutdown() } }

        let seeded = try await store.agencies(province: nil, kind: nil, includeInactive: true)
        let provinces = ReferenceData.provinces.count
        let counties = ReferenceData.provinces.reduce(0) { $0 + $1.counties.count }
        #expect(Set(seeded.map(\.kind)) == [.governorate, .countyGovernorate])
        #expect(seeded.filter { $0.kind == .governorate }.count == provinces)
        #expect(seeded.filter { $0.kind == .countyGovernorate }.count == counties)
        #expect(!seeded.contains { $0.name.contains("بانک") })

        let added = try await DemoAgencies.ensure(store: store)
        #expect(added == provinces * 12)
        let again = try await DemoAgencies.ensure(store: store)
        #expect(again == 0)
        let withDemo = try await store.agencies(province: nil, kind: .bank, includeInactive: true)
        #expect(withDemo.count == provinces * 5)
        #expect(withDemo.contains { $0.name == "بانک ملت، مدیریت شعب استان آذربایجان شرقی" })
    }
}
