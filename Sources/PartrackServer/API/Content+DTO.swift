import PartrackAPI
import PartrackDomain
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
extension TokenIssuedDTO: Content {}
extension TokenDTO: Content {}
extension MeDTO: Content {}
extension TaskConflictDTO: Content {}
extension TaskHistoryDTO: Content {}
extension EvidenceDTO: Content {}
extension ExplanationRequestDTO: Content {}
extension TokenCreateRequest: Content {}
extension TaskUpdateRequest: Content {}
extension ExplanationAskRequest: Content {}
extension ExplanationAnswerRequest: Content {}
extension PeriodStatusDTO: Content {}
extension PositionReportDTO: Content {}
extension UnitReportDTO: Content {}
extension ReportNarrativeRequest: Content {}
extension PeriodChangeRequest: Content {}
extension AuditEventDTO: Content {}
extension UnitProjectionDTO: Content {}
extension ProjectionRowDTO: Content {}
extension WhatIfRequest: Content {}
extension BaselineRequest: Content {}
extension BaselineDTO: Content {}
extension ImportPreviewDTO: Content {}
extension ImportConfirmRequest: Content {}
extension ImportResultDTO: Content {}
extension AssessmentRoundDTO: Content {}
extension UnitAssessmentDTO: Content {}
extension AssessmentDocumentDTO: Content {}
extension EvidenceRequestDTO: Content {}
extension OpenRoundRequest: Content {}
extension AreaOwnersRequest: Content {}
extension SelfScoreRequest: Content {}
extension SubmitSelfAssessmentRequest: Content {}
extension ReopenUnitRequest: Content {}
extension AppraiseRequest: Content {}
extension AskEvidenceRequest: Content {}
extension AnswerEvidenceRequest: Content {}
extension SurveyPointsRequest: Content {}
extension CouncilRequest: Content {}
extension CountDTO: Content {}
extension AssessmentResultsDTO: Content {}
extension SelfScore: Content {}
extension Appraisal: Content {}
extension AppraisalProgress: Content {}
