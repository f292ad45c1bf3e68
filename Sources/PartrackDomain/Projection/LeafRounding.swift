extension Points {
    /// These points times `numerator / denominator`, rounded half away from zero to the hundredth.
    ///
    /// The projection's one rounding rule: a leaf's points M·a are rounded here, once, to exact
    /// hundredths; every criterion, area and the total is then the exact sum of its children's rounded
    /// points. So the leaves always add up to the areas and the total, with no floating point anywhere,
    /// at the price that a parent may differ by a few hundredths from M·a computed on the parent itself
    /// (three leaves of 1 point at one third each make 0.99, not 1). A zero denominator gives zero.
    public func scaled(by numerator: Int, over denominator: Int) -> Points {
        guard denominator != 0 else { return .zero }
        let product = hundredths * numerator
        let negative = (product < 0) != (denominator < 0)
        let magnitude = (2 * abs(product) + abs(denominator)) / (2 * abs(denominator))
        return Points(hundredths: negative ? -magnitude : magnitude)
    }
}
