import Hummingbird

/// Answers 405 with an `Allow` header when the path is served but not with this method.
///
/// Added to the router after every route, so it wraps only the not-found responder: it runs for
/// requests no route took, and never in front of a real handler.
public struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Each route's path split into components ("{name}" and "*" match any one) and its methods.
    let routes: [(components: [Substring], methods: Set<String>)]

    /// `routes` as the router lists them: "METHOD /path/:parameter".
    public init(routes: [String]) {
        var byPath: [String: Set<String>] = [:]
        for route in routes {
            let parts = route.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            byPath[String(parts[1]), default: []].insert(String(parts[0]))
        }
        self.routes = byPath.map { (path, methods) in (path.split(separator: "/"), methods) }
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path.split(separator: "/")
        var allowed = Set<String>()
        for route in routes where Self.matches(route.components, path) { allowed.formUnion(route.methods) }
        guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { return try await next(request, context) }
        throw HTTPError(.methodNotAllowed, headers: [.allow: allowed.sorted().joined(separator: ", ")])
    }

    /// Whether a path fits a route's components; a catch-all ("**", the pages' not-found page) fits
    /// nothing here, so unknown paths stay 404.
    static func matches(_ pattern: [Substring], _ path: [Substring]) -> Bool {
        guard pattern.count == path.count, !pattern.contains("**") else { return false }
        return zip(pattern, path).allSatisfy { component, part in
            component == part || component.hasPrefix("{") || component.hasPrefix(":") || component == "*"
        }
    }
}
