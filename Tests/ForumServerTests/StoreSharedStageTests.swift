import ForumCore
import Testing

@testable import ForumStore

/// A shared show's database keeps the revision of the shared entry it is at, with the
/// records that entry brought, so a restart follows on from it.
@Suite struct StoreSharedStageTests {
    @Test func theRevisionIsKeptAndReplacedAndSurvivesAReopen() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("show.sqlite")
        do {
            let database = try ForumDatabase(path: path)
            #expect(try database.sharedRevision() == nil, "a single-machine show keeps none")
            try database.write(StoreFixtures.opening + [StoreFixtures.round("D1"), .sharedRevision(5)])
            #expect(try database.sharedRevision() == 5)
            try database.write([.sharedRevision(7)])
            #expect(try database.roundIDs() == ["D1"])
            database.close()
        }
        let reopened = try ForumDatabase(path: path)
        #expect(try reopened.sharedRevision() == 7)
    }
}
