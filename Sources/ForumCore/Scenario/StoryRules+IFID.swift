extension StoryRules {
    /// The Treaty of Babel's rule for an IFID: 8 to 63 digits, capital letters and `-`.
    static func isIFID(_ text: String) -> Bool {
        (8...63).contains(text.unicodeScalars.count)
            && text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A story's `ifid`, kept from Twine, follows the Treaty of Babel's rule.
    static func checkIFID(_ draft: StoryDraft, log: inout DiagnosticLog) {
        guard let ifid = draft.ifid, !isIFID(ifid.value) else { return }
        log.error(
            "`\(ifid.value)` is not an IFID", at: ifid.position,
            hint: "an IFID is 8 to 63 capital letters, digits and `-`, such as "
                + "`D674C58C-DEFA-4F70-B7A2-27742230C0FC`; remove the line to have a new one made on export")
    }
}
