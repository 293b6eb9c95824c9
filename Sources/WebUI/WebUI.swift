import Domain
import Foundation
import Workflow
import Hummingbird
import Logging
import Mustache
import PersianKit
import Storage

/// The Persian pages: citizen portal, operator console, screening queue, agency inbox, case page.
/// Server-rendered Mustache; JavaScript only improves what already works.
public struct WebUI: Sendable {
    /// What the pages need from the rest of Samad.
    public struct Dependencies: Sendable {
        public var cases: any CaseRepository
        public var reference: any ReferenceRepository
        public var staff: any StaffRepository
        public var auth: any AuthRepository
        public var outbox: any NotificationRepository
        public var gatekeeper: Gatekeeper

        public init(
            cases: any CaseRepository, reference: any ReferenceRepository, staff: any StaffRepository, auth: any AuthRepository,
            outbox: any NotificationRepository, gatekeeper: Gatekeeper
        ) {
            self.outbox = outbox
            self.cases = cases
            self.reference = reference
            self.staff = staff
            self.auth = auth
            self.gatekeeper = gatekeeper
        }
    }

    let deps: Dependencies
    let library: MustacheLibrary
    let staticFiles: [String: (String, [UInt8])]

    var cases: any CaseRepository { deps.cases }
    var reference: any ReferenceRepository { deps.reference }
    var staffAccounts: any StaffRepository { deps.staff }
    var auth: any AuthRepository { deps.auth }
    var outbox: any NotificationRepository { deps.outbox }
    var gate: Gatekeeper { deps.gatekeeper }
    /// The use cases every write on a case goes through, the same the API calls.
    var workflow: CaseWorkflow { CaseWorkflow(cases: deps.cases, reference: deps.reference, gatekeeper: deps.gatekeeper) }

    public init(_ dependencies: Dependencies) async throws {
        deps = dependencies
        guard let root = Bundle.module.resourceURL else { throw CocoaError(.fileNoSuchFile) }
        library = try await MustacheLibrary(directory: root.appendingPathComponent("templates").path)
        var files: [String: (String, [UInt8])] = [:]
        for (name, type) in [("samad.css", "text/css; charset=utf-8"), ("samad.js", "text/javascript; charset=utf-8")] {
            let data = try Data(contentsOf: root.appendingPathComponent("static/\(name)"))
            files[name] = (type, data.withUnsafeBytes { [UInt8]($0) })
        }
        staticFiles = files
    }

    public func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/static/:file") { _, context in
            guard let name = context.parameters.get("file"), let (type, bytes) = staticFiles[name] else {
                throw HTTPError(.notFound)
            }
            return Response(
                status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        registerPublicPages(on: router)
        registerStaffPages(on: router)
        // Any other address: a Persian page for people, the JSON error for API clients.
        router.get("**") { request, _ in
            if request.uri.path.hasPrefix("/api/") { throw HTTPError(.notFound) }
            return errorPage(status: .notFound)
        }
    }

    /// Renders a template with its model.
    func render(_ template: String, _ model: Any, status: HTTPResponse.Status = .ok) -> Response {
        HTML.page(library.render(model, withTemplate: template) ?? "", status: status)
    }

    /// Wraps a page handler so every failure becomes a Persian page (or a redirect to sign in).
    func page<Context: RequestContext>(
        _ handler: @escaping @Sendable (Request, Context) async throws -> Response
    ) -> @Sendable (Request, Context) async throws -> Response {
        { request, context in
            do {
                if request.method != .get, request.method != .head, request.isCrossSite {
                    context.logger.notice("cross-site page write refused", metadata: ["path": "\(request.uri.path)"])
                    return errorPage(status: .forbidden, message: "این فرم از وبگاه دیگری فرستاده شده است و پذیرفته نشد.")
                }
                return try await handler(request, context)
            } catch let error as DomainError {
                if error == .passwordChangeRequired { return HTML.redirect(SiteURL.account.path + "?first=1") }
                if error.kind == .unauthenticated {
                    return HTML.redirect(SiteURL.login.path + "?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/"))
                }
                var response = errorPage(error)
                if let retryAfter = error.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
                return response
            } catch let error as any BilingualError {
                // An identifier or date that does not parse (PersianKit's errors) is bad input, not a fault.
                return errorPage(status: .badRequest, message: error.messageFa)
            } catch let error as HTTPError {
                return errorPage(status: error.status)
            } catch {
                context.logger.error("page failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
                return errorPage(status: .internalServerError)
            }
        }
    }
}
