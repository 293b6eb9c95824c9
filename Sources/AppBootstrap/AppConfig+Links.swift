import Foundation
import PersianKit
import WebUI

extension AppConfig {
    /// The address SMS 3 gives a citizen: that case's tracking page, from the page table.
    public var trackingLink: @Sendable (TrackingCode) -> String {
        let base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        return { code in base + SiteURL.trackCase(code.value).path }
    }
}
