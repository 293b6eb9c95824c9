import Domain
import Foundation
import Workflow
import Hummingbird
import NIOCore
import OpenAPIRuntime
import PersianKit

/// Turns every error into a JSON answer with a stable code and Persian and English text.
/// Bad input is a 4xx; only a fault of ours is a 500, and it is logged.
public struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (status, body) = Self.describe(error)
            // Headers the error names (Allow on a 405) go out with it.
            let extra = (error as? HTTPError)?.headers ?? [:]
            if status == .internalServerError {
                context.logger.error("unhandled error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            } else if status == .serviceUnavailable {
                // The cause (which database error) was logged where it was recognised.
                context.logger.warning(
                    "request refused: service unavailable",
                    metadata: ["code": "\(body.code)", "method": "\(request.method)", "path": "\(request.uri.path)"])
            } else {
                // Refusals are logged by code and path only: never a body, query string, token or cookie.
                context.logger.notice(
                    "request refused",
                    metadata: [
                        "status": "\(status.code)", "code": "\(body.code)", "method": "\(request.method)",
                        "path": "\(request.uri.path)", "client": "\(RequestIdentity.current.remoteAddress)",
                    ])
            }
            var response = Self.response(status: status, body)
            for field in extra where response.headers[field.name] == nil { response.headers.append(field) }
            return response
        }
    }

    static func describe(_ error: any Error) -> (HTTPResponse.Status, DomainError) {
        switch error {
        case let error as DomainError:
            return (status(for: error.kind), error)
        case let error as any BilingualError:
            let kind: DomainError.Kind = error.isWellFormed ? .unprocessable : .invalid
            return (status(for: kind), DomainError(kind, error.code, fa: error.messageFa, en: error.messageEn))
        case let error as ServerError:
            // Input that could not be decoded never reached a handler: the client's fault.
            if error.operationInput == nil, !(error.underlyingError is DomainError) {
                return (.badRequest, .malformedRequest)
            }
            return describe(error.underlyingError)
        case is DecodingError:
            return (.badRequest, .malformedRequest)
        case let error as HTTPError:
            return (error.status, httpError(error.status))
        case is NIOTooManyBytesError:
            return (.contentTooLarge, httpError(.contentTooLarge))
        default:
            return (
                .internalServerError,
                DomainError(
                    .invalid, "internal_error", fa: "خطایی در سامانه رخ داد؛ لطفاً دوباره تلاش کنید.",
                    en: "Something went wrong on our side; please try again.")
            )
        }
    }

    static func status(for kind: DomainError.Kind) -> HTTPResponse.Status {
        switch kind {
        case .invalid: .badRequest
        case .unprocessable: .unprocessableContent
        case .notFound: .notFound
        case .conflict: .conflict
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .tooMany: .tooManyRequests
        case .unavailable: .serviceUnavailable
        }
    }

    static func httpError(_ status: HTTPResponse.Status) -> DomainError {
        switch status {
        case .notFound:
            DomainError(.notFound, "not_found", fa: "نشانی درخواست‌شده پیدا نشد.", en: "No such resource.")
        case .methodNotAllowed:
            DomainError(.invalid, "method_not_allowed", fa: "این روش درخواست پذیرفته نیست.", en: "Method not allowed.")
        case .contentTooLarge:
            DomainError(
                .invalid, "payload_too_large", fa: "حجم درخواست بیش از اندازهٔ مجاز (یک مگابایت) است.",
                en: "The request body is larger than the 1 MB allowed.")
        default:
            DomainError(.invalid, "http_\(status.code)", fa: "درخواست پذیرفته نشد.", en: status.reasonPhrase)
        }
    }

    static func response(status: HTTPResponse.Status, _ error: DomainError) -> Response {
        var fields: [String: String] = ["code": error.code, "message": error.messageFa, "messageEn": error.messageEn]
        if let field = error.field { fields["field"] = field }
        let data = (try? JSONSerialization.data(withJSONObject: ["error": fields], options: [.sortedKeys])) ?? Data()
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        if let retryAfter = error.retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
