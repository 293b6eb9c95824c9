import Foundation
import HTTPAPI
import Hummingbird
import OpenAPIRuntime
import Prometheus
import Storage

/// Routes: the OpenAPI operations, the spec itself, and /metrics.
func buildRouter(store: SQLStore, database: any DatabaseClient) throws -> Router<BasicRequestContext> {
    _ = MetricsBootstrap.registry
    let router = Router()
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: APIErrorMiddleware())
    router.add(middleware: RequestIdentityMiddleware())
    let api = SamadAPI(
        cases: store, reference: store, staff: store, databaseName: database.engine.rawValue,
        ping: { try await database.read { db in try await db.raw("SELECT 1").run() } })
    try api.register(on: router)
    let spec = try APISpec.yaml()
    router.get("/openapi.yaml") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: spec)))
    }
    router.get("/metrics") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: MetricsBootstrap.registry.emitToBuffer())))
    }
    return router
}
