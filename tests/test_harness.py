"""The harness itself against the real server: a phone joins, the host starts a story and opens
a vote, the phone's vote is acknowledged and counted."""

from conftest import Phone


def test_a_phone_votes_and_the_host_sees_it_counted(forum, phones):
    forum.host("start", "sams-night")
    # Step to the first scene with a decision, whatever the story's shape.
    phone = phones()
    for _ in range(20):
        if phone.state.get("decision"):
            break
        forum.host("next")
        phone.expect("state")
    forum.host("open")
    decision = phone.current_round()
    first_option = phone.state["decision"]["options"][0]["id"]
    ack = phone.vote(first_option)
    assert ack["decision"] == decision and ack["option"] == first_option
    state = phone.expect("state")
    assert state["decision"]["my_vote"] == first_option
    # A reconnect with the same device token keeps the vote.
    phone.close()
    again = Phone(forum, device=phone.device)
    assert again.state["decision"]["my_vote"] == first_option
    again.close()
