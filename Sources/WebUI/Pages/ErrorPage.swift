import Domain
import Foundation
import Hummingbird
import PersianKit

/// Persian error pages: 400, 403, 404, 409, 429, 500, 503.
extension WebUI {
    struct ErrorModel {
        let layout: Layout
        let statusText: String
        let heading: String
        let message: String
    }

    func errorPage(_ error: DomainError) -> Response {
        let status: HTTPResponse.Status =
            switch error.kind {
            case .invalid, .unprocessable: .badRequest
            case .notFound: .notFound
            case .conflict: .conflict
            case .unauthenticated: .unauthorized
            case .forbidden: .forbidden
            case .tooMany: .tooManyRequests
            case .unavailable: .serviceUnavailable
            }
        return errorPage(status: status, message: error.messageFa)
    }

    func errorPage(status: HTTPResponse.Status, message: String? = nil) -> Response {
        let heading: String
        let fallback: String
        switch status {
        case .notFound:
            heading = "صفحه یا نامه پیدا نشد"
            fallback = "نشانی را بررسی کنید یا از صفحه اصلی دوباره بگردید."
        case .forbidden:
            heading = "دسترسی ندارید"
            fallback = "این بخش در حدود دسترسی شما نیست."
        case .tooManyRequests:
            heading = "درخواست‌ها بیش از اندازه است"
            fallback = "کمی صبر کنید و دوباره تلاش کنید."
        case .serviceUnavailable:
            heading = "سامانه موقتاً در دسترس نیست"
            fallback = "چیزی ثبت نشد؛ لطفاً چند ثانیه دیگر دوباره تلاش کنید."
        case .internalServerError:
            heading = "خطایی در سامانه رخ داد"
            fallback = "مشکل ثبت شد؛ لطفاً چند لحظه بعد دوباره تلاش کنید."
        default:
            heading = "درخواست پذیرفته نشد"
            fallback = "اطلاعات را بررسی کنید و دوباره تلاش کنید."
        }
        let model = ErrorModel(
            layout: Layout(title: heading), statusText: PersianDigits.toPersian(String(status.code)), heading: heading,
            message: message ?? fallback)
        return render("error", model, status: status)
    }
}
