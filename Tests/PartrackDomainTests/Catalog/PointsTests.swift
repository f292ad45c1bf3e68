import Testing

@testable import PartrackDomain

@Suite struct PointsTests {
    @Test(arguments: [("2.5", 250), ("2,5", 250), ("10", 1000), ("0.25", 25), ("0", 0), ("-1.5", -150), ("3.05", 305)])
    func readsPointsExactly(text: String, hundredths: Int) {
        #expect(Points(parsing: text)?.hundredths == hundredths)
    }

    @Test(arguments: ["", "abc", "1.234", "1..2", ".5", "1e3", "+2", "2.5.1"])
    func rejectsWhatIsNotAPointValue(text: String) {
        #expect(Points(parsing: text) == nil)
    }

    @Test func printsVietnameseWithDecimalComma() {
        #expect(Points(hundredths: 750).vietnamese == "7,5")
        #expect(Points(hundredths: 1000).vietnamese == "10")
        #expect(Points(hundredths: 305).vietnamese == "3,05")
        #expect(Points(hundredths: 305).description == "3.05")
        #expect(Points(hundredths: -25).description == "-0.25")
    }

    @Test func tenths() {
        // 1/3 of a point cannot be written exactly; sums of hundredths stay exact anyway.
        let parts = [Points(hundredths: 33), Points(hundredths: 33), Points(hundredths: 34)]
        #expect(parts.reduce(.zero, +) == Points(1))
    }

    @Test func percentRoundsHalfUp() {
        #expect(Points(90).percentHundredths(of: Points(100)) == 9000)
        #expect(Points(hundredths: 1).percentHundredths(of: Points(3)) == 33)
        #expect(Points(2).percentHundredths(of: Points(3)) == 6667)
        #expect(Points(1).percentHundredths(of: .zero) == 0)
    }
}
