"""The accessibility audit itself: axe really runs the WCAG 2.2 AA rules and would catch a
serious violation, so "no violation" in every state means something."""

from .pages import AXE_REPORT, PHONE


def test_the_audit_catches_a_serious_violation_planted_in_the_page(show, browsers):
    phone = browsers(PHONE).open(show.http + "/")
    phone.wait_text("The show will start soon")
    phone.js("var b = document.createElement('button'); b.id = 'planted'; document.body.appendChild(b);"
             "var i = document.createElement('img'); i.src = 'favicon.svg'; document.body.appendChild(i);")
    serious = phone.audit("planted-violation")
    assert {"button-name", "image-alt"} <= {v["id"] for v in serious}, serious
    assert AXE_REPORT["planted-violation"]["rules_passed"] > 10
    del AXE_REPORT["planted-violation"]
