import ForumCore
import ForumSession
import Testing

/// The host's audience count by perspective and place is kept between ticks (counting walks
/// every phone): it must still follow every change, and a tick must send tallies only to the
/// connections that see them.
@Suite struct SessionAudienceCountTests {
    /// The audience count in the host's latest state once the store has committed and a tick
    /// has passed.
    func hostCount(_ driver: SessionDriver, host: ConnectionID) -> AudienceCount? {
        _ = driver.take(host)
        driver.commit()
        driver.tick()
        return driver.take(host).compactMap(\.state).last?.audience
    }

    @Test func theHostsCountFollowsPhonesJoiningChoosingAndLeaving() throws {
        let driver = SessionDriver()
        let host = driver.join(.host).id
        let phones = (0..<3).map { _ in driver.join(.audience).id }
        var count = try #require(hostCount(driver, host: host))
        #expect(count.connected == 3)
        #expect(count.noPerspective == 3)

        driver.say(phones[0], .perspective("carer"))
        driver.say(phones[1], .perspective("carer"))
        count = try #require(hostCount(driver, host: host))
        #expect(count.byPerspective?["carer"] == 2)
        #expect(count.noPerspective == 1)

        driver.say(phones[2], .place(.remote))
        count = try #require(hostCount(driver, host: host))
        #expect(count.byPlace?["remote"] == 1)
        #expect(count.noPlace == 2)

        driver.apply(.closed(phones[1]))
        count = try #require(hostCount(driver, host: host))
        #expect(count.connected == 2)
        #expect(count.byPerspective?["carer"] == 1)

        let late = driver.join(.audience).id
        driver.say(late, .perspective("police"))
        count = try #require(hostCount(driver, host: host))
        #expect(count.connected == 3)
        #expect(count.byPerspective?["police"] == 1)
        #expect(count.byPerspective?["carer"] == 1)
        #expect(count.noPerspective == 1)
    }

    @Test func aTickSendsTalliesOnlyToWhoSeesThem() throws {
        let driver = SessionDriver()
        let host = driver.join(.host).id
        let screen = driver.join(.screen).id
        let phones = (0..<10).map { _ in driver.join(.audience).id }
        let everyone = [host, screen] + phones
        for command in [HostCommand.start(story: "night"), .next, .results(.screen), .open(seconds: nil)] {
            driver.command(host, command)
        }
        func tallied(afterVotesFrom voters: ArraySlice<ConnectionID>) -> Set<ConnectionID> {
            for id in voters { driver.vote(id, "police") }
            driver.commit()
            for id in everyone { _ = driver.take(id) }
            driver.tick()
            return Set(
                everyone.filter { id in driver.take(id).contains { if case .tally = $0 { true } else { false } } })
        }
        #expect(tallied(afterVotesFrom: phones[0..<6]) == [host, screen])
        driver.command(host, .results(.everyone))
        #expect(tallied(afterVotesFrom: phones[6..<7]) == Set(everyone))
    }
}
