import Domain

/// Every operation of openapi.yaml and who may call it: the table the handlers authorise against
/// and the access-matrix test enumerates. An operation missing here does not compile its handler's
/// check, and the test fails for any operationId in the spec without a row.
public enum APIOperation: String, CaseIterable, Sendable {
    case getHealth, listProvinces, listAgencies, listCategories
    case trackCase, rateCase, requestCitizenCode, createCitizenSession, listMyCases
    case createSession, getSession, deleteSession, changePassword
    case registerCase, listCases, getCase, revealCitizen
    case answerCase, referCase, mergeCase, closeCase, withdrawReferral
    case listReferrals, acceptReferral, answerReferral, returnReferral, recordCallBack
    case createAgency, updateAgency, createCategory, updateCategory
    case listReplyTemplates, createReplyTemplate, updateReplyTemplate
    case listTokens, createToken, revokeToken
    case getReport, getLeague, getOpenData
    case retryNotification
    case listOverdue
    case issueDirective, listDirectives, listDirectiveOfficials
    case objectToAnswer, decideAppeal, recordInspection, listBreaches
    case getUnanswered, getAgencyOversight

    /// Who may call an operation.
    public enum Access: Sendable, Equatable {
        /// Anyone; public data or its own check (tracking code + mobile, username + password).
        case open
        /// A citizen signed in by SMS code.
        case citizen
        /// Any signed-in staff member (their own session or password).
        case anyStaff
        /// Staff whose role (and token) allows the action; data is then limited to their scope.
        case staff(StaffAction)
    }

    public var access: Access {
        switch self {
        case .getHealth, .getOpenData, .listProvinces, .listAgencies, .listCategories, .trackCase, .rateCase, .objectToAnswer, .requestCitizenCode,
            .createCitizenSession, .createSession, .getSession, .deleteSession:
            .open
        case .listMyCases: .citizen
        case .changePassword: .anyStaff
        case .registerCase: .staff(.registerCase)
        case .listCases, .getCase: .staff(.readCases)
        case .revealCitizen: .staff(.viewPersonalData)
        case .answerCase, .referCase, .mergeCase, .closeCase, .withdrawReferral: .staff(.screenCase)
        case .listReferrals, .acceptReferral, .answerReferral, .returnReferral, .recordCallBack: .staff(.handleReferral)
        case .createAgency, .updateAgency, .createCategory, .updateCategory: .staff(.manageReference)
        case .listReplyTemplates: .staff(.readCases)
        case .createReplyTemplate, .updateReplyTemplate: .staff(.manageReplyTemplates)
        case .listTokens, .createToken, .revokeToken: .staff(.manageTokens)
        case .getReport, .getLeague: .staff(.readReports)
        case .retryNotification: .staff(.manageOutbox)
        case .listOverdue, .listDirectives, .listDirectiveOfficials: .staff(.followDeadlines)
        case .issueDirective: .staff(.issueDirective)
        case .decideAppeal: .staff(.decideAppeal)
        case .recordInspection: .staff(.recordInspection)
        case .listBreaches, .getUnanswered, .getAgencyOversight: .staff(.followDeadlines)
        }
    }
}
