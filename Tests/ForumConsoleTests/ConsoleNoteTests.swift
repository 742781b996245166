import ForumConsole
import Testing

@Suite("Console: :note keeps the host's words as they were typed")
struct ConsoleNoteTests {
    @Test func aNoteKeepsItsWholeTextAndSpacing() {
        #expect(
            ConsoleInput.parse(":note Police said a 2am call  would wait 4 hours ")
                == .success(
                    .command(.note(text: "Police said a 2am call  would wait 4 hours"))))
        #expect(ConsoleInput.parse("NOTE ok") == .success(.command(.note(text: "ok"))))
    }

    @Test func anEmptyNoteIsRefusedWithHowToWriteOne() {
        #expect(ConsoleInput.parse(":note   ") == .failure(ConsoleInputError("note needs some text: note TEXT")))
    }
}
