"""Languages (the page's own words and the story's), text size, page weight, no outside
requests, and first paint on a slow 3G profile."""

import gzip
import json
import re
import urllib.request

from selenium.webdriver.support.ui import Select

from .pages import PHONE, REPO

WEB = REPO / "web"
BUDGET = 48_000  # bytes: the phone page's HTML + CSS + JS together, uncompressed (see docs/pages.md)


def english_keys() -> set[str]:
    app = (WEB / "app.js").read_text()
    table = app[app.index("F.words({"):app.index("});", app.index("F.words({"))]
    html = (WEB / "index.html").read_text()
    return (set(re.findall(r"^\s+(\w+): '", table, re.M)) | set(re.findall(r'data-tl?="(\w+)"', html)))


def test_every_translation_has_every_word_and_keeps_the_placeholders():
    english = english_keys()
    app = (WEB / "app.js").read_text()
    for code in ("cy", "ar"):
        words = json.loads((WEB / "i18n" / f"{code}.json").read_text())
        assert set(words) == english, (code, english ^ set(words))
        for key, text in words.items():
            if f"{key}: '" in app and "{n}" in app.split(f"{key}: '", 1)[1].split("'", 1)[0]:
                assert "{n}" in text, (code, key)


def test_page_words_follow_the_browser_language_with_a_manual_switch(show, browsers):
    phone = browsers(PHONE, languages="cy-GB,en").open(show.http + "/")
    phone.wait_text("Bydd y sioe yn dechrau cyn bo hir.")
    assert phone.js("return document.documentElement.lang") == "cy"
    assert phone.text(".size") .startswith("Maint testun")
    assert phone.find("#larger").get_attribute("aria-label") == "Testun mwy"
    assert phone.find("#lang").get_attribute("value") == "cy"
    # The event's own words come from event.yaml's translations.
    assert phone.text("#event-title") == "Gofal iechyd meddwl brys — Profi Fy Stori yn fyw"
    assert "Heddlu" in phone.js("return Array.from(document.querySelectorAll('#psel option')).map(o => o.text)")
    assert "Argyfwng yn y nos" in phone.text()
    phone.check_state("phone-language-welsh")

    # The manual switch, to a right-to-left language: the page's words turn right-to-left.
    Select(phone.find("#lang")).select_by_value("ar")
    phone.wait_text("سيبدأ العرض قريبًا.")
    assert phone.js("return [document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    assert phone.js("return [document.querySelector('header').dir, document.querySelector('footer').lang]") == ["rtl", "ar"]
    assert phone.js("return getComputedStyle(document.querySelector('#view h1')).direction") == "rtl"
    # A screen reader hears the switch, in the new language and marked as such.
    phone.wait(lambda p: p.js("return document.getElementById('announce').textContent")
               == "الصفحة الآن باللغة العربية.")
    assert phone.js("return document.getElementById('announce').lang") == "ar"
    phone.check_state("phone-language-arabic")

    # The choice is kept.
    phone.driver.refresh()
    phone.wait_text("سيبدأ العرض قريبًا.")
    assert phone.text("#event-title") == "رعاية الصحة النفسية العاجلة — اختبر قصتي مباشرة"
    Select(phone.find("#lang")).select_by_value("en")
    phone.wait_text("The show will start soon.")
    assert phone.text("#event-title") == "Urgent mental health care — Test My Story live"
    assert "Police" in phone.js("return Array.from(document.querySelectorAll('#psel option')).map(o => o.text)")
    assert phone.js("return [document.documentElement.lang, document.documentElement.dir]") == ["en", "ltr"]


def test_the_story_language_sets_lang_and_dir_and_right_to_left_stories_work(show, browsers):
    phone = browsers(PHONE).open(show.http + "/")
    phone.wait_text("The show will start soon.")
    show.host("start", "stori-arabeg")
    phone.wait_text("بمن يجب أن تتصل مايا؟")
    assert phone.js("return [document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    # The story reads right to left; the page's own English words keep their language.
    assert phone.js("return getComputedStyle(document.querySelector('article.scene')).direction") == "rtl"
    assert phone.js("return [document.querySelector('header').lang, document.querySelector('header').dir]") == ["en", "ltr"]
    assert phone.js("return document.querySelector('.status-line').lang") == "en"
    show.host("open")
    phone.wait(lambda b: len(b.finds("button.option")) == 2)
    phone.click_option("خط الأزمات")
    phone.wait_text("Vote recorded", ".vote-status")
    # The buttons' option numbers sit at the right-hand edge, where the text starts.
    letter = phone.find("button.option .letter").rect
    assert letter["x"] > 280, letter
    phone.check_state("phone-story-right-to-left")


def test_text_size_control_scales_the_page_and_is_remembered(show, browsers):
    phone = browsers(PHONE).open(show.http + "/")
    phone.wait_text("The show will start soon.")
    body = "return parseFloat(getComputedStyle(document.querySelector('.lead')).fontSize)"
    base = phone.js(body)
    assert phone.find("#smaller").get_attribute("disabled")
    phone.click("#larger")
    phone.click("#larger")
    phone.wait(lambda b: b.js("return document.documentElement.style.fontSize") == "130%")
    assert abs(phone.js(body) - base * 1.3) < 0.6
    phone.wait_text("Text size 130%", "#announce")
    phone.driver.refresh()
    phone.wait_text("The show will start soon.")
    assert phone.js("return document.documentElement.style.fontSize") == "130%"
    assert phone.js("return document.documentElement.scrollWidth") <= 360, "no sideways scrolling"
    phone.check_state("phone-text-size-130")
    phone.click("#smaller")
    phone.click("#smaller")
    phone.wait(lambda b: b.js("return document.documentElement.style.fontSize") == "100%")


def phone_page_files() -> list[str]:
    html = (WEB / "index.html").read_text()
    return ["index.html"] + re.findall(r'(?:src|href)="([\w./-]+\.(?:css|js))"', html)


def test_the_phone_page_is_under_48_kb_and_makes_no_outside_request(show, browsers):
    files = phone_page_files()
    sizes = {name: (WEB / name).stat().st_size for name in files}
    gz = {name: len(gzip.compress((WEB / name).read_bytes(), 9)) for name in files}
    total = sum(sizes.values())
    print(f"\nphone page: {sizes} total {total} bytes; gzip -9 {sum(gz.values())} bytes {gz}")
    assert total < BUDGET, f"phone page is {total} bytes, over {BUDGET}"

    phone = browsers(PHONE).open(show.http + "/")
    phone.wait_text("The show will start soon.")
    show.host("start", "sams-night")
    phone.wait_text("Before the story starts")
    entries = phone.js("""return performance.getEntriesByType('navigation').concat(
        performance.getEntriesByType('resource')).map(function (e) {
          return {name: e.name, type: e.initiatorType, size: e.decodedBodySize, wire: e.transferSize};
        });""")
    origin = show.http
    assert all(e["name"].startswith(origin + "/") or e["name"] == origin + "/" for e in entries), entries
    code = [e for e in entries if re.search(r"/(|index\.html|[\w-]+\.(js|css))$", e["name"])]
    loaded = sum(e["size"] for e in code)
    print(f"loaded by the browser (English): {[(e['name'].rsplit('/', 1)[1] or '/', e['size']) for e in code]} "
          f"= {loaded} bytes")
    assert loaded < BUDGET
    # The phone's only connection besides those files is the WebSocket to the same server.
    assert phone.js("return location.host") == origin.split("//")[1]
    # Served compressed to browsers that ask for it (the server gzips web/ at startup).
    wire = {}
    for name in files:
        request = urllib.request.Request(f"{origin}/{'' if name == 'index.html' else name}",
                                         headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers.get("Content-Encoding") == "gzip", (name, dict(response.headers))
            body = response.read()
            assert gzip.decompress(body) == (WEB / name).read_bytes()
            wire[name] = len(body)
    print(f"served gzip: {wire} total {sum(wire.values())} bytes")


def test_first_contentful_paint_under_two_seconds_on_slow_3g(show, browsers):
    phone = browsers(PHONE)
    phone.cdp("Network.enable", {})
    phone.cdp("Network.setCacheDisabled", {"cacheDisabled": True})
    # Slow 3G: about 400 kbit/s each way and 400 ms round trips.
    phone.cdp("Network.emulateNetworkConditions", {
        "offline": False, "latency": 400, "downloadThroughput": 400 * 1000 / 8, "uploadThroughput": 400 * 1000 / 8})
    phone.open(show.http + "/")
    phone.wait_text("The show will start soon.", timeout=30)
    shown = phone.js("return performance.now()")
    fcp = phone.wait(lambda b: b.js(
        "var e = performance.getEntriesByName('first-contentful-paint')[0]; return e && e.startTime"))
    print(f"\nslow 3G: first contentful paint {fcp:.0f} ms; the show's state on screen by {shown:.0f} ms")
    (REPO / "docs" / "screenshots").mkdir(parents=True, exist_ok=True)
    assert fcp < 2000, f"first contentful paint {fcp:.0f} ms on slow 3G"
