/// Which scores a criterion accepts, self or appraised: from 0 to its maximum, in the round's steps.
/// A score is allowed when it is a multiple of the step, or exactly the maximum (so a criterion of
/// 1.1 points can still get full marks with steps of 0.25).
public enum ScoreRule {
    /// Why `score` is not allowed for the criterion `code`, or nil when it is.
    public static func problem(_ score: Points, code: String, maximum: Points, step: Points) -> Message? {
        if score < .zero { return Message(.scoreNegative, ["code": code, "score": score.vietnamese]) }
        if score > maximum {
            return Message(
                .scoreAboveMaximum, ["code": code, "score": score.vietnamese, "maximum": maximum.vietnamese])
        }
        if isAllowed(score, maximum: maximum, step: step) { return nil }
        let below = roundedDown(score, maximum: maximum, step: step)
        let above = min(below + step, maximum)
        return Message(
            .scoreOffStep,
            [
                "code": code, "score": score.vietnamese, "step": step.vietnamese, "below": below.vietnamese,
                "above": above.vietnamese,
            ])
    }

    /// Whether `score` (already within 0…maximum) is a multiple of `step` or the maximum itself.
    static func isAllowed(_ score: Points, maximum: Points, step: Points) -> Bool {
        score == maximum || step.hundredths <= 0 || score.hundredths % step.hundredths == 0
    }

    /// The highest allowed score not above `points`: the maximum when `points` reaches it, else the
    /// largest multiple of `step` below. Suggested scores round down, so a draft never claims more than
    /// the tasks earned.
    public static func roundedDown(_ points: Points, maximum: Points, step: Points) -> Points {
        if points >= maximum { return maximum }
        if points <= .zero { return .zero }
        guard step.hundredths > 0 else { return points }
        return Points(hundredths: points.hundredths / step.hundredths * step.hundredths)
    }
}
