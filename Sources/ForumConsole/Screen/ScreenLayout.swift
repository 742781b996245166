import Foundation

/// Lays out the whole console screen: a pure function of the state, the terminal's size
/// and the time, so the tests can check it without a terminal.
///
/// Up to 119 columns the panels stack: header, trouble, scene, vote, programme, the message
/// line and the keys. From 120 columns and 30 lines the scene takes the left half and the
/// vote and the programme the right.
public enum ScreenLayout {
    /// The smallest terminal the console draws in.
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    /// A laid-out screen: exactly `height` lines of exactly `width` columns, and how far the
    /// scene text can scroll at this size.
    public struct Frame: Sendable, Equatable {
        public var lines: [StyledLine]
        public var scrollLimit: Int
    }

    /// Exactly `height` lines, each exactly `width` columns.
    public static func render(
        _ state: ConsoleState, width: Int, height: Int, now: Date, glyphs: Glyphs = .unicode
    ) -> [StyledLine] {
        frame(state, width: width, height: height, now: now, glyphs: glyphs).lines
    }

    /// The screen and its scroll limit.
    public static func frame(
        _ state: ConsoleState, width: Int, height: Int, now: Date, glyphs: Glyphs = .unicode
    ) -> Frame {
        guard width >= minimumWidth, height >= minimumHeight else {
            return Frame(lines: tooSmall(width: width, height: height), scrollLimit: state.scroll)
        }
        var scrollLimit = 0
        let wide = width >= 120 && height >= 30
        var top = HeaderPanel.lines(state, width: width, now: now, glyphs: glyphs)
        top += TroubleBanner.lines(state, width: width, now: now)
        top += VoicePanel.lines(state, width: width)
        top += VenuesLine.lines(state, width: width, now: now)
        let keyLines = FooterPanel.keyLines(state, width: width, maxLines: 2, now: now)
        let bottom = [FooterPanel.messageLine(state, width: width, now: now, glyphs: glyphs)] + keyLines
        let middleHeight = max(0, height - top.count - bottom.count)
        let middle: [StyledLine]
        if state.mode == .help {
            middle = HelpScreen.lines(
                state.view, width: width, height: middleHeight, glyphs: glyphs, moderator: state.isModerator,
                shared: state.venues != nil)
        } else if state.mode == .info {
            middle = InfoScreen.lines(state, width: width, height: middleHeight, glyphs: glyphs)
        } else if state.mode == .venues {
            middle = VenuesScreen.lines(state, width: width, height: middleHeight, now: now, glyphs: glyphs)
        } else if case .proposals(let cursor) = state.mode {
            middle = ProposalsScreen.lines(state, cursor: cursor, width: width, height: middleHeight, glyphs: glyphs)
        } else if wide {
            middle = columns(
                state, width: width, height: middleHeight, now: now, glyphs: glyphs, scrollLimit: &scrollLimit)
        } else {
            middle = stacked(
                state, width: width, height: middleHeight, now: now, glyphs: glyphs, scrollLimit: &scrollLimit)
        }
        var lines = top + pad(middle, to: middleHeight) + bottom
        lines = Array(lines.prefix(height))
        return Frame(lines: pad(lines, to: height).map { $0.fitted(to: width) }, scrollLimit: scrollLimit)
    }

    /// One column: the scene above, the vote and the programme below.
    private static func stacked(
        _ state: ConsoleState, width: Int, height: Int, now: Date, glyphs: Glyphs, scrollLimit: inout Int
    ) -> [StyledLine] {
        let sceneMinimum = 4
        var programme = ProgrammePanel.lines(state.view, width: width, maxHeight: 3, glyphs: glyphs)
        if height - programme.count < sceneMinimum + 4 { programme = [] }
        let round = RoundPanel.lines(
            state, width: width, maxHeight: max(0, height - programme.count - sceneMinimum), now: now, glyphs: glyphs)
        let sceneHeight = max(0, height - round.count - programme.count)
        let scene = ScenePanel.lines(
            state, width: width, height: sceneHeight, glyphs: glyphs, showsPath: false, scrollLimit: &scrollLimit)
        return scene + round + programme
    }

    /// Two columns: the scene on the left, the vote and the programme on the right.
    private static func columns(
        _ state: ConsoleState, width: Int, height: Int, now: Date, glyphs: Glyphs, scrollLimit: inout Int
    ) -> [StyledLine] {
        let leftWidth = (width - 1) / 2
        let rightWidth = width - leftWidth - 1
        let left = ScenePanel.lines(
            state, width: leftWidth, height: height, glyphs: glyphs, showsPath: true, scrollLimit: &scrollLimit)
        let programme = ProgrammePanel.lines(
            state.view, width: rightWidth, maxHeight: min(12, height / 3), glyphs: glyphs, showsJoin: true)
        let room = RoomPanel.lines(state.view, width: rightWidth, maxHeight: 4, glyphs: glyphs)
        var right = RoundPanel.lines(
            state, width: rightWidth, maxHeight: height - programme.count - room.count - 2, now: now, glyphs: glyphs,
            showsBarsWhenSplit: true)
        if !right.isEmpty { right.append("") }
        if !room.isEmpty { right += room + [""] }
        right += programme
        right = pad(right, to: height)
        return (0..<height).map { index in
            var line = left[index].fitted(to: leftWidth)
            line.append(glyphs.column, .dim)
            line.append(right[index].fitted(to: rightWidth))
            return line
        }
    }

    private static func pad(_ lines: [StyledLine], to height: Int) -> [StyledLine] {
        lines.count >= height ? Array(lines.prefix(height)) : lines + Array(repeating: "", count: height - lines.count)
    }

    private static func tooSmall(width: Int, height: Int) -> [StyledLine] {
        let message = [
            "The terminal is \(width)×\(height).", "The console needs at least \(minimumWidth)×\(minimumHeight).",
            "Make the window larger; the show goes on.",
        ]
        var lines = message.flatMap { TextWrap.lines($0, width: max(1, width)) }.map { StyledLine($0, .bold) }
        lines = Array(lines.prefix(height))
        return pad(lines, to: height).map { $0.fitted(to: max(0, width)) }
    }
}
