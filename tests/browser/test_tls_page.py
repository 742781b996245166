"""The phone page from `forum serve --tls-cert --tls-key` itself (no proxy): Chromium loads it
over HTTPS, the page speaks the live protocol over WSS to the same address, and a vote is
recorded. The certificate is the test's own self-signed one, so this test's browser accepts
it through WebDriver's `acceptInsecureCerts` capability (Chromium's equivalent of
--ignore-certificate-errors), for this browser only; a phone would be given a real
certificate, or trust the venue's (docs/remote.md)."""

import pytest

from conftest import ForumProcess, self_signed_certificate

from .pages import PHONE
from .test_phone import past_content_notes, pressed


@pytest.fixture
def secure(tmp_path):
    server = ForumProcess(tmp_path, tls=self_signed_certificate(tmp_path)).start()
    yield server
    server.stop()


def test_the_phone_page_over_https_from_forum_itself_votes_over_wss(secure, browsers):
    phone = browsers(PHONE, accept_insecure_certs=True).open(secure.http + "/")
    phone.wait_text("The show will start soon")
    assert phone.js("return location.protocol") == "https:"
    secure.host("start", "sams-night")
    past_content_notes(phone)
    secure.host("next")
    phone.wait_text("Who should Maya call?")
    secure.host("open")
    phone.wait(lambda b: len(b.finds("button.option")) == 3, message="three big option buttons")
    phone.click_option("NHS 111")
    phone.wait(lambda b: pressed(b, "crisis-line") and "Vote recorded" in b.text(".vote-status"))
    assert not phone.console_errors()
    phone.check_state("phone-over-https", screenshot=False)
