import PartrackDomain
import Vapor

// The domain's compliance report is Codable and is the wire form as it stands: a second, mirrored
// type in PartrackAPI would be a copy to keep in step. The CLI decodes it with the domain library.
extension ComplianceReport: Content {}
