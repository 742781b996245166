"""Browser helpers: headless Debian chromium driven by Selenium through chromedriver, a phone
(360×640) or the projector (1920×1080), pointed at a real `forum serve`; axe-core audits;
screenshots into docs/screenshots/."""

import base64
import json
import shutil
import time
from importlib import resources
from pathlib import Path

import websocket  # websocket-client
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import HOST_KEY, REPO, ForumProcess, Phone

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SCREENSHOTS = REPO / "docs" / "screenshots"
HERE = Path(__file__).resolve().parent
PHONE = (360, 640)
PROJECTOR = (1920, 1080)
# WCAG 2.2 AA as axe tags it.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_REPORT: dict[str, dict] = {}

# Test-only WebSocket stand-ins, installed before the page's own scripts run. They stand for
# networks where the page loads but the live connection never comes (a captive portal, a venue
# wifi dropping WebSockets): one never opens, one fails at once and makes the clock run fast
# so "unreachable" (30 s of failing) comes in about two seconds.
NEVER_OPENS = """
window.WebSocket = function () { this.readyState = 0; };
window.WebSocket.prototype.send = function () {};
window.WebSocket.prototype.close = function () {};
"""
ALWAYS_FAILS = """
(function () {
  var real = Date.now.bind(Date), start = real();
  Date.now = function () { return start + (real() - start) * 20; };
  window.WebSocket = function () {
    var self = this; this.readyState = 0;
    setTimeout(function () { self.readyState = 3; if (self.onclose) self.onclose({}); }, 5);
  };
  window.WebSocket.prototype.send = function () {};
  window.WebSocket.prototype.close = function () {};
}());
"""


def axe_source() -> str:
    """axe-core 4.x as shipped inside the axe-playwright-python wheel (only the file is used)."""
    return (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


class Browser:
    """One headless chromium window: a phone or the projector."""

    def __init__(self, size: tuple[int, int], *, dark: bool = False, media: list[dict] | None = None,
                 before_load: str | None = None, languages: str = "en-GB", accept_insecure_certs: bool = False):
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--hide-scrollbars", "--force-device-scale-factor=1", "--no-first-run",
                    f"--window-size={size[0]},{size[1]}", f"--lang={languages}",
                    "--disable-features=Translate,MediaRouter,OptimizationHints",
                    "--disable-background-networking", "--disable-component-update"):
            options.add_argument(arg)
        options.add_experimental_option("prefs", {"intl.accept_languages": languages})
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        if accept_insecure_certs:  # a test's own self-signed certificate
            options.set_capability("acceptInsecureCerts", True)
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        self.size = size
        self.cdp("Emulation.setDeviceMetricsOverride",
                 {"width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": size[0] < 800})
        features = list(media or [])
        if dark:
            features.append({"name": "prefers-color-scheme", "value": "dark"})
        if features:
            self.cdp("Emulation.setEmulatedMedia", {"features": features})
        if size[0] < 800:
            self.cdp("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
        self.script_id = None
        if before_load:
            self.before_load(before_load)

    def cdp(self, command: str, args: dict) -> dict:
        return self.driver.execute_cdp_cmd(command, args)

    def before_load(self, source: str | None) -> None:
        if self.script_id:
            self.cdp("Page.removeScriptToEvaluateOnNewDocument", {"identifier": self.script_id})
            self.script_id = None
        if source:
            self.script_id = self.cdp("Page.addScriptToEvaluateOnNewDocument", {"source": source})["identifier"]

    def open(self, url: str) -> "Browser":
        self.driver.get(url)
        return self

    # ---- reading the page ----

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def text(self, css: str = "body") -> str:
        return self.js("var n = document.querySelector(arguments[0]); return n ? n.innerText : '';", css)

    def find(self, css: str):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def finds(self, css: str):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def wait(self, condition, timeout: float = 15, message: str = ""):
        """Waits until condition(browser) is truthy; returns it."""
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.05,
                                 ignored_exceptions=[StaleElementReferenceException]).until(lambda _: condition(self))
        except Exception as error:
            raise AssertionError(f"{message or condition}: page says {self.text()!r}") from error

    def wait_text(self, needle: str, css: str = "body", timeout: float = 15) -> None:
        self.wait(lambda b: needle in b.text(css), timeout, f"waiting for {needle!r} in {css}")

    def wait_gone(self, needle: str, css: str = "body", timeout: float = 15) -> None:
        self.wait(lambda b: needle not in b.text(css), timeout, f"waiting for {needle!r} to go from {css}")

    def click(self, css: str) -> None:
        element = self.find(css)
        self.js("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()

    def click_option(self, label_part: str) -> None:
        for button in self.finds("button.option"):
            if label_part in button.text:
                self.js("arguments[0].scrollIntoView({block: 'center'})", button)
                button.click()
                return
        raise AssertionError(f"no option button containing {label_part!r}: {self.text()!r}")

    def assert_no_alert(self) -> None:
        try:
            alert = self.driver.switch_to.alert
        except NoAlertPresentException:
            return
        text = alert.text
        alert.dismiss()
        raise AssertionError(f"the page ran injected script: alert({text!r})")

    def small_targets(self) -> list[str]:
        """Visible controls smaller than 44×44 CSS px (WCAG 2.5.5-style, stricter than 2.5.8)."""
        return self.js("""
            var bad = [];
            document.querySelectorAll('button, a[href], select, input, summary, [role=button]').forEach(function (n) {
              var r = n.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) return;
              if (getComputedStyle(n).visibility === 'hidden') return;
              if (r.width < 44 || r.height < 44) bad.push(n.tagName + ' ' + (n.textContent || n.getAttribute('aria-label') || '').trim().slice(0, 40) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
            });
            return bad;""")

    # ---- evidence ----

    def screenshot(self, name: str, full_page: bool = True) -> Path:
        """A PNG in docs/screenshots/: the whole page at the window's width."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.js("document.activeElement && document.activeElement.blur && "
                "document.activeElement.matches('button, select, summary') && document.activeElement.blur()")
        args = {"format": "png"}
        if full_page:
            height = self.js("return Math.max(document.documentElement.scrollHeight, window.innerHeight)")
            args.update(captureBeyondViewport=True,
                        clip={"x": 0, "y": 0, "width": self.size[0], "height": height, "scale": 1})
        data = self.cdp("Page.captureScreenshot", args)["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def audit(self, name: str) -> list[dict]:
        """Runs axe-core with the WCAG 2.2 AA tags; records the result under `name` and returns
        the serious and critical violations."""
        if not self.js("return !!window.axe"):
            self.js(axe_source())
        result = self.driver.execute_async_script(
            """var done = arguments[arguments.length - 1];
               axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                 .then(function (r) { done({version: r.testEngine.version, violations: r.violations.map(function (v) {
                     return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) {
                       return n.target.join(' ') + ' :: ' + (n.failureSummary || ''); })}; }),
                   passes: r.passes.length, incomplete: r.incomplete.map(function (v) { return v.id; })}); },
                       function (e) { done({error: String(e)}); });""",
            AXE_TAGS)
        assert "error" not in result, result
        impacts: dict[str, int] = {}
        for violation in result["violations"]:
            impacts[violation["impact"]] = impacts.get(violation["impact"], 0) + 1
        AXE_REPORT[name] = {"axe": result["version"], "rules_passed": result["passes"], "violations": impacts,
                            "rules": sorted(v["id"] for v in result["violations"]),
                            "needs_review": sorted(result["incomplete"])}
        return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]

    def check_state(self, name: str, *, screenshot: bool = True) -> None:
        """One state of a page: screenshot, axe audit (no serious or critical violation), tap
        targets of 44×44 px or more on the phone, and no script run from story text."""
        self.assert_no_alert()
        if screenshot:
            self.screenshot(name)
        bad = self.audit(name)
        assert not bad, f"axe in {name}: " + json.dumps(bad, indent=1, ensure_ascii=False)
        if self.size[0] < 800:
            assert not self.small_targets(), f"small tap targets in {name}: {self.small_targets()}"

    def console_errors(self) -> list[str]:
        """Errors in the page's console, less the browser's own note of each failed WebSocket
        attempt while the server was down (expected in the reconnection tests)."""
        return [entry["message"] for entry in self.driver.get_log("browser")
                if entry["level"] == "SEVERE" and "WebSocket connection to" not in entry["message"]]

    def quit(self) -> None:
        try:
            self.driver.quit()
        except Exception:
            pass


def host_supports(server: ForumProcess, command: str, *args: str) -> bool:
    """Whether this server knows a host command (the protocol grows by additions)."""
    result = server.host(command, *args, check=False)
    return result.returncode == 0 or "unknown_command" not in (result.stdout + result.stderr)


def step_to_decision(server: ForumProcess, phone: Phone, limit: int = 20) -> dict:
    """Moves the host along until the scene has a decision; returns the state."""
    for _ in range(limit):
        if phone.state.get("decision"):
            return phone.state
        server.host("next")
        phone.expect("state")
    raise AssertionError("no decision reached")


def screen_state(server: ForumProcess, role: str = "screen") -> dict:
    """The show as the projector's protocol sees it (tally, audience counts), read once; with
    role="host", as the host sees it (exact counts)."""
    socket = websocket.create_connection(server.ws, timeout=10)
    try:
        hello = {"type": "hello", "role": role}
        if role == "host":
            hello["key"] = HOST_KEY
        socket.send(json.dumps(hello))
        while True:
            message = json.loads(socket.recv())
            if message.get("type") == "state":
                return message
    finally:
        socket.close()


def wait_until(condition, timeout: float = 15.0, message: str = ""):
    """Polls condition() until it is truthy (for server-side facts, not the page)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(message or f"timed out waiting for {condition}")
        time.sleep(0.05)


def start_again(server: ForumProcess) -> None:
    """Starts the server again on its port and database, and checks it is still running (not
    beaten to its port by another program while it was down)."""
    server.start()
    time.sleep(0.2)  # a server that could not take its port exits at once
    assert server.process.poll() is None, f"forum serve exited: {server.log.read_text()[-1500:]}"
