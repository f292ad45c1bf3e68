import PartrackAPI
import Vapor

// The wire types live in PartrackAPI (Foundation only) so the CLI shares them without Vapor;
// the server lets Vapor encode them as content here.
extension PageDTO: Content {}
extension ErrorDTO: Content {}
extension HealthDTO: Content {}
extension UnitDTO: Content {}
extension PositionDTO: Content {}
extension PersonDTO: Content {}
extension CatalogSummaryDTO: Content {}
extension CatalogDTO: Content {}
extension PlanDTO: Content {}
extension TaskDTO: Content {}
