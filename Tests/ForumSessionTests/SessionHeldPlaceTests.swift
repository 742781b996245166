import ForumCore
import ForumSession
import Testing

/// A place said in a hello (the remote link preselects "remote") by a phone that has done
/// nothing yet is held in memory, not stored: phones that only look grow no table. It is
/// stored with the device at the phone's first act.
@Suite struct SessionHeldPlaceTests {
    /// A phone that joins by the remote link and has not voted.
    func remoteLooker() -> (SessionDriver, phone: ConnectionID, token: String) {
        let driver = SessionDriver()
        let host = driver.join(.host).id
        driver.command(host, .start(story: "night"))
        driver.command(host, .next)
        driver.command(host, .open(seconds: nil))
        driver.commit()
        let phone = driver.connect()
        driver.say(phone, .hello(role: .audience, device: nil, key: nil, place: .remote))
        let welcome = driver.take(phone).compactMap(\.welcome).first
        return (driver, phone, welcome?.device ?? "")
    }

    @Test func aHelloPlaceIsHeldUntilThePhonesFirstVote() {
        let (driver, phone, token) = remoteLooker()
        #expect(!token.isEmpty)
        #expect(driver.storing.isEmpty)
        #expect(driver.session.show.place(of: token) == .remote)
        driver.vote(phone, "police")
        driver.commit()
        let mine = driver.committed.filter { record in
            switch record {
            case .deviceJoined(let join): join.device == token
            case .devicePlace(let said): said.device == token
            case .vote(let vote): vote.device == token
            default: false
            }
        }
        #expect(mine.count == 3)
        if case .deviceJoined = mine.first {} else { Issue.record("the device is not stored first: \(mine)") }
        if case .devicePlace(let said) = mine.dropFirst().first {
            #expect(said.place == .remote)
        } else {
            Issue.record("the held place is not stored with the device: \(mine)")
        }
        if case .vote(let vote) = mine.last { #expect(vote.place == .remote) } else { Issue.record("no vote") }
    }

    @Test func aPhoneBackWithItsTokenKeepsItsHeldPlace() {
        let (driver, phone, token) = remoteLooker()
        driver.apply(.closed(phone))
        let again = driver.join(.audience, device: token)
        #expect(again.welcome?.device == token)
        #expect(again.welcome?.place == .remote)
        #expect(driver.storing.isEmpty)
    }
}
