"""A real Samad (the built `samad` binary) on a loopback port, and a headless Chromium driving it."""
import json
import os
import pathlib
import random
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"


def samad_binary():
    for candidate in (ROOT / ".build" / "debug" / "samad", ROOT / ".build" / "release" / "samad"):
        if candidate.exists():
            return str(candidate)
    raise RuntimeError("build Samad first: swift build --product samad")


class Server:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="samad-browser-")
        # Below Linux's ephemeral range (32768–60999), where outgoing connections take their ports.
        self.port = random.randint(20000, 32000)
        self.env = dict(os.environ, SAMAD_DATA_DIR=self.dir, LOG_LEVEL="warning", SAMAD_BCRYPT_COST="4",
                        SAMAD_SMS_GATEWAY="file")
        self.env.pop("DATABASE_URL", None)
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.tokens = {}

    def cli(self, *args):
        return subprocess.run([samad_binary(), *args], env=self.env, check=True, capture_output=True, text=True).stdout

    def add_staff(self, username, role, province=None, agency=None):
        """Creates an account with `samad staff add`; returns its first password (the API token,
        the command's last line, is kept in `self.tokens`)."""
        args = ["staff", "add", "--username", username, "--role", role]
        if province:
            args += ["--province", province]
        if agency:
            args += ["--agency", str(agency)]
        out = self.cli(*args)
        self.tokens[username] = out.strip().splitlines()[-1].split()[-1]
        return re.search(r"First password[^:]*: (\S+)", out).group(1)

    def post_json(self, path, body, token):
        request = urllib.request.Request(
            self.base + path, data=json.dumps(body).encode(), method="POST",
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.load(response)

    def start(self):
        self.process = subprocess.Popen([samad_binary(), "serve", "--port", str(self.port)], env=self.env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(300):
            try:
                urllib.request.urlopen(self.base + "/health", timeout=1)
                return
            except Exception:
                time.sleep(0.1)
        raise RuntimeError("samad did not start")

    def last_sms(self, mobile, kind):
        """The newest SMS of this kind the file gateway 'sent' to this mobile (sms.log). The server's
        dispatcher sends from the outbox, so this waits for it a little."""
        for _ in range(100):
            try:
                lines = pathlib.Path(self.dir, "sms.log").read_text(encoding="utf-8").splitlines()
            except FileNotFoundError:
                lines = []
            for line in reversed(lines):
                sms = json.loads(line)
                if sms.get("kind") == kind and sms.get("to") == mobile:
                    return sms
            time.sleep(0.1)
        raise AssertionError(f"no {kind} SMS was sent to {mobile}")

    def last_sign_in_code(self, mobile):
        """The newest sign-in code sent to this mobile (Persian digits in the SMS)."""
        sms = self.last_sms(mobile, "signInCode")
        return re.search(r"[۰-۹]{6}", sms["text"]).group(0).translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))

    def get_json(self, path):
        with urllib.request.urlopen(self.base + path, timeout=5) as response:
            return json.load(response)

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=20)
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def server():
    s = Server()
    s.cli("migrate")
    s.start()
    yield s
    s.stop()


@pytest.fixture(scope="session")
def browser():
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=fa"):
        options.add_argument(arg)
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()
