extension ReportHTML {
    /// *(addition)* The venues of a shared show and the people who voted at each: "Bangor
    /// (not shown), Cardiff (12 people), …; the venues not shown: 8 people together".
    static func venues(_ venues: [VenuePresent]) -> String {
        let named = venues.filter { $0.id != "everyone_else" }.map { venue in
            HTMLText.escape(venue.label) + " (" + (venue.phones.map { people($0) } ?? "not shown") + ")"
        }
        var text = named.joined(separator: ", ")
        if let together = venues.first(where: { $0.id == "everyone_else" })?.phones {
            text += "; the venues not shown: \(people(together)) together"
        }
        if venues.contains(where: { $0.phones == nil }) {
            text +=
                ". Where fewer than 5 people voted at a venue, its count is not shown, nor a count that "
                + "would let it be worked out."
        }
        return text
    }

    private static func people(_ count: Int) -> String {
        "\(count) \(count == 1 ? "person" : "people")"
    }
}
