import PartrackDomain
import Testing

@Suite("Scores go from 0 to the maximum in the round's steps")
struct ScoreRuleTests {
    let p = AssessmentFixture.p
    let quarter = Points(hundredths: 25)

    @Test func offStepScoreIsRefusedNamingTheStepAndTheNearestAllowedScores() {
        // 1.3 with steps of 0.25: the allowed neighbours are 1.25 and 1.5.
        #expect(
            ScoreRule.problem(p("1.3"), code: "1.2.3", maximum: Points(2), step: quarter)
                == Message(
                    "assessment.score.off_step",
                    ["code": "1.2.3", "score": "1,3", "step": "0,25", "below": "1,25", "above": "1,5"]))
    }

    @Test(arguments: ["0", "0.25", "0.5", "1.75", "2"])
    func multiplesOfTheStepUpToTheMaximumAreAllowed(score: String) {
        #expect(ScoreRule.problem(p(score), code: "1.1", maximum: Points(2), step: quarter) == nil)
    }

    @Test func theMaximumIsAllowedEvenWhenItIsNotAMultipleOfTheStep() {
        // A criterion of 1.1 points: 1 and 1.1 are allowed, 1.05 is not (between 1 and the maximum 1.1).
        #expect(ScoreRule.problem(p("1.1"), code: "4.2", maximum: p("1.1"), step: quarter) == nil)
        #expect(ScoreRule.problem(Points(1), code: "4.2", maximum: p("1.1"), step: quarter) == nil)
        #expect(
            ScoreRule.problem(p("1.05"), code: "4.2", maximum: p("1.1"), step: quarter)
                == Message(
                    "assessment.score.off_step",
                    ["code": "4.2", "score": "1,05", "step": "0,25", "below": "1", "above": "1,1"]))
    }

    @Test func negativeAndAboveMaximumScoresAreRefused() {
        #expect(
            ScoreRule.problem(p("-0.25"), code: "1.1", maximum: Points(2), step: quarter)
                == Message("assessment.score.negative", ["code": "1.1", "score": "-0,25"]))
        #expect(
            ScoreRule.problem(p("2.25"), code: "1.1", maximum: Points(2), step: quarter)
                == Message("assessment.score.above_maximum", ["code": "1.1", "score": "2,25", "maximum": "2"]))
    }

    @Test func otherStepsWork() {
        let half = Points(hundredths: 50)
        #expect(ScoreRule.problem(p("1.5"), code: "1.1", maximum: Points(3), step: half) == nil)
        #expect(
            ScoreRule.problem(p("1.25"), code: "1.1", maximum: Points(3), step: half)?.key
                == "assessment.score.off_step")
        let whole = Points(1)
        #expect(ScoreRule.problem(p("0.5"), code: "1.1", maximum: Points(3), step: whole)?.arguments["above"] == "1")
    }

    @Test func roundingDownStaysBelowWhatWasEarned() {
        #expect(ScoreRule.roundedDown(p("1.83"), maximum: Points(2), step: quarter) == p("1.75"))
        #expect(ScoreRule.roundedDown(p("1.75"), maximum: Points(2), step: quarter) == p("1.75"))
        #expect(ScoreRule.roundedDown(p("0.24"), maximum: Points(2), step: quarter) == .zero)
        #expect(ScoreRule.roundedDown(p("2"), maximum: Points(2), step: quarter) == Points(2))
        #expect(ScoreRule.roundedDown(p("1.1"), maximum: p("1.1"), step: quarter) == p("1.1"))
        #expect(ScoreRule.roundedDown(p("1.09"), maximum: p("1.1"), step: quarter) == Points(1))
        #expect(ScoreRule.roundedDown(p("-1"), maximum: Points(2), step: quarter) == .zero)
    }
}
