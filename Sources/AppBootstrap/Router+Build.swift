import Domain
import Foundation
import HTTPAPI
import Workflow
import Hummingbird
import OpenAPIRuntime
import PersianKit
import Prometheus
import Storage
import WebUI
import Workers

/// Routes: the OpenAPI operations, the spec itself, and /metrics, behind the shared middleware.
func buildRouter(config: AppConfig, store: SQLStore, wakeup: OutboxWakeup) async throws -> Router<SamadRequestContext> {
    _ = MetricsBootstrap.registry
    let router = Router(context: SamadRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: MetricsMiddleware())
    // The identity comes first, so refusals are logged with the client's address.
    router.add(middleware: RequestIdentityMiddleware(trustProxy: config.trustProxy))
    router.add(middleware: APIErrorMiddleware())
    router.add(middleware: BodyLimitMiddleware())
    let database = store.client
    let gatekeeper = Gatekeeper(
        auth: store, staff: store, rateLimits: config.rateLimitsShared ? .shared(store) : .memory,
        secureCookies: config.publicURL.hasPrefix("https://"), bcryptCost: config.bcryptCost, now: config.now,
        sendCode: { id, mobile, text in
            // Through the outbox like every SMS, so a gateway outage makes the code wait, not the
            // request fail; the dispatcher sends codes first and drops them once they expire.
            _ = try await store.enqueueSignInCode(challengeID: id, mobile: mobile, text: text)
            wakeup.signal()
        })
    let api = SamadAPI(
        .init(
            cases: store, reference: store, staff: store, auth: store, outbox: store, databaseName: database.engine.rawValue,
            ping: { try await database.read { db in try await db.raw("SELECT 1").run() } }, gatekeeper: gatekeeper))
    try api.register(on: router)
    let pages = try await WebUI(.init(cases: store, reference: store, staff: store, auth: store, outbox: store, gatekeeper: gatekeeper))
    pages.register(on: router)
    let spec = try APISpec.yaml()
    router.get("/openapi.yaml") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: spec)))
    }
    let outboxMetrics = OutboxMetrics()
    router.get("/metrics") { request, _ in
        guard MetricsAccess.allows(request, token: config.metricsToken) else { throw HTTPError(.notFound) }
        let bytes = MetricsBootstrap.registry.emitToBuffer() + (await outboxMetrics.emit(store, now: config.now()))
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
    // Last, so it wraps only the not-found answer: a served path asked with another method is a 405.
    router.add(middleware: MethodNotAllowedMiddleware(routes: router.routes.map { "\($0.method) \($0.path)" }))
    return router
}
