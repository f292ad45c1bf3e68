import PartrackDomain
import Testing

private typealias F = ProjectionFixture

@Suite("Rank among sibling units and the plan's goals")
struct RankingTests {
    @Test func equalScoresShareTheBetterRankAndTheNextIsSkipped() {
        let ranks = Ranking.rank([
            (unitID: 10, score: Points(70)), (unitID: 11, score: Points(80)), (unitID: 12, score: Points(75)),
            (unitID: 13, score: Points(75)),
        ])
        #expect(ranks[11] == RankPosition(position: 1, of: 4))
        #expect(ranks[12] == RankPosition(position: 2, of: 4))
        #expect(ranks[13] == RankPosition(position: 2, of: 4))
        #expect(ranks[10] == RankPosition(position: 4, of: 4))
    }

    @Test func allEqualAreAllFirst() {
        let ranks = Ranking.rank([(unitID: 1, score: Points(5)), (unitID: 2, score: Points(5))])
        #expect(ranks.values.map(\.description).sorted() == ["1/2", "1/2"])
    }

    @Test func hundredthsDecideAndAUnitListedTwiceCountsOnceByItsBest() {
        let ranks = Ranking.rank([
            (unitID: 1, score: F.points("80.01")), (unitID: 2, score: Points(80)), (unitID: 2, score: Points(60)),
        ])
        #expect(ranks[1]?.description == "1/2")
        #expect(ranks[2]?.description == "2/2")
        #expect(Ranking.rank([]).isEmpty)
    }

    @Test func rankGoalIsMetAtTheTargetPositionOrBetter() {
        let target = RankPosition(position: 4, of: 19)
        func check(_ position: Int) -> GoalCheck {
            GoalCheck.check(
                targetRank: target, targetClass: nil, rank: RankPosition(position: position, of: 19),
                className: nil, classes: F.classes)
        }
        #expect(check(4).meets)
        #expect(check(4).rankVerdict == .met)
        #expect(check(3).meets)
        #expect(!check(5).meets)
        #expect(check(5).explanation.headline.key == "projection.goal.missed")
        #expect(
            check(5).explanation.reasons == [
                Message("projection.goal.rank_missed", ["rank": "5/19", "target": "4/19"])
            ])
    }

    @Test func classGoalIsMetByThatClassOrABetterOne() {
        func check(_ actual: String?, target: String) -> GoalCheck {
            GoalCheck.check(targetRank: nil, targetClass: target, rank: nil, className: actual, classes: F.classes)
        }
        #expect(check("Tốt", target: "Khá").meets)
        #expect(check("Khá", target: "khá ").meets)
        #expect(!check("Khá", target: "Tốt").meets)
        #expect(check(nil, target: "Kém").classVerdict == .missed)
        #expect(
            check(nil, target: "Kém").explanation.reasons.map(\.key) == ["projection.goal.class_missed_unclassified"])
        let unknown = check("Tốt", target: "Xuất sắc")
        #expect(unknown.classVerdict == .unknown)
        #expect(!unknown.meets)
        #expect(unknown.explanation.headline.key == "projection.goal.undecided")
    }

    @Test func bothGoalsAgainstTheFixtureProjection() {
        // The fixture projects 73.75 % (Khá). Aim: keep 4/19 and reach Tốt; projected rank 3/19.
        let check = GoalCheck.check(
            targetRank: RankPosition(position: 4, of: 19), targetClass: "Tốt",
            projection: ProjectionEngine.project(F.input), rank: RankPosition(position: 3, of: 19),
            catalog: F.catalog)
        #expect(check.rankVerdict == .met)
        #expect(check.classVerdict == .missed)
        #expect(!check.meets)
        #expect(check.explanation.reasons.map(\.key) == ["projection.goal.rank_met", "projection.goal.class_missed"])
    }

    @Test func noGoalsAndNoRankYet() {
        let none = GoalCheck.check(targetRank: nil, targetClass: nil, rank: nil, className: "Khá", classes: F.classes)
        #expect(none.meets)
        #expect(none.explanation.headline.key == "projection.goal.none")
        let noRank = GoalCheck.check(
            targetRank: RankPosition(position: 4, of: 19), targetClass: nil, rank: nil, className: nil,
            classes: F.classes)
        #expect(noRank.rankVerdict == .unknown)
        #expect(!noRank.meets)
    }
}
