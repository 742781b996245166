"""The studio's own words: every key of the English table (web/studio/words.js) is in the Welsh
and the Arabic tables and no other, each keeps its {n}, and the page's scripts ask only for keys
the table has."""

import json
import re

from conftest import REPO

STUDIO = REPO / "web" / "studio"


def english() -> dict[str, str]:
    table = (STUDIO / "words.js").read_text()
    return dict(re.findall(r"^  (\w+): '((?:[^'\\]|\\.)*)',?$", table, re.M))


def test_every_language_has_every_word_and_keeps_the_placeholders():
    words = english()
    assert len(words) > 150
    for code in ("cy", "ar"):
        other = json.loads((STUDIO / "i18n" / f"{code}.json").read_text())
        assert set(other) == set(words), (code, set(other) ^ set(words))
        for key, text in words.items():
            assert ("{n}" in text) == ("{n}" in other[key]), (code, key)
            assert other[key].strip() and other[key] != text or key in {"download"}, (code, key)


def test_the_scripts_ask_only_for_words_the_table_has():
    words = english()
    used: set[str] = set()
    for script in STUDIO.glob("*.js"):
        if script.name != "words.js":
            used |= set(re.findall(r"\bt\('(\w+)'", script.read_text()))
    steps = (STUDIO / "review.js").read_text()
    used |= set(re.findall(r"\['\w+', '(\w+)'\]", steps[steps.index("var steps"):steps.index("};", steps.index("var steps"))]))
    html = (STUDIO / "index.html").read_text()
    used |= set(re.findall(r'data-t="(\w+)"', html))
    assert used - set(words) == set()
    assert len(used) > 150
