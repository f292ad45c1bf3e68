import Foundation

/// The official results of a round, read-only once published: visible to every unit with its rank,
/// exported as a table, and the source of next year's baselines.
public struct PublishedResults: Sendable, Equatable, Codable {
    public var results: CompiledResults
    public var publishedAt: Date
    /// The reviewer who published.
    public var publishedBy: Int

    public init(results: CompiledResults, publishedAt: Date, publishedBy: Int) {
        self.results = results
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
    }

    public func unit(_ unitID: Int) -> UnitResult? { results.unit(unitID) }

    /// "4/19" for the unit, nil when it is not in the results.
    public func rankLabel(of unitID: Int) -> String? { unit(unitID)?.rank.description }

    /// The unit's appraised points by leaf code, for `ProjectionInput.baselines` of the next year's plan
    /// (survey leaves excluded; see `UnitResult.baselines`). Empty for a unit not in the results.
    public func baselines(of unitID: Int) -> [String: Points] { unit(unitID)?.baselines ?? [:] }
}

/// The reviewer publishes the round: results are compiled once more from the stored scores (so what is
/// published is exactly what the data says at that moment, never an older preview) and the round is
/// stamped published, after which every change of the round is refused.
public enum ResultsPublication {
    public struct Publication: Sendable, Equatable {
        /// The round, now published.
        public var round: AssessmentRound
        public var results: PublishedResults
        /// The line for the audit log.
        public var event: Message
    }

    public static func publish(
        round: AssessmentRound, catalog: CatalogDefinition, units: [UnitAssessment], by user: ActingUser,
        at instant: Date, clock: CivilClock = .vietnam
    ) -> Result<Publication, AssessmentRefusal> {
        if let refusal = AssessmentPolicy.mayManage(user, .publish, unitIDs: round.unitIDs).refusal {
            return .failure(refusal)
        }
        let compiled: CompiledResults
        switch ResultsCompiler.compile(
            round: round, catalog: catalog, units: units, by: user, at: instant, clock: clock)
        {
        case .success(let results): compiled = results
        case .failure(let refusal): return .failure(refusal)
        }
        var published = round
        published.publishedAt = instant
        let event = Message(
            .eventPublished, ["units": "\(compiled.units.count)", "at": clock.formatDateTime(instant)])
        return .success(
            Publication(
                round: published,
                results: PublishedResults(results: compiled, publishedAt: instant, publishedBy: user.userID),
                event: event))
    }
}
