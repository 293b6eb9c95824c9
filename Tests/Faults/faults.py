#!/usr/bin/env python3
"""Scripted fault tests: the real `samad` binary under bounded load while something breaks.

    python3 Tests/Faults/faults.py [all | pg-restart | sigkill | disk-full | sms-down ...]

Each scenario prints a summary line ("FAULT <name>: ok ..." or "FAULT <name>: FAILED ...") and the
script exits 1 if any failed. Nothing here is a dependency of Samad: standard library only.

- pg-restart  PostgreSQL stopped (pg_ctl stop -m fast) for 20 s under 4 registering workers: only 201
              or 503 with Retry-After, the same server recovers on its own, every 201 is in the
              database with its event and SMS, no case without an acknowledged key, `samad check` clean.
- sigkill     SQLite and PostgreSQL: kill -9 mid-load, restart, every 201 is there, `samad check` clean.
- disk-full   SQLite on a small tmpfs filled to the last byte: registrations 503 (never 500), reads
              200, `PRAGMA integrity_check` ok; space freed, registrations 201 again without restart.
- sms-down    the HTTP SMS gateway pointed at a fake provider that is first not listening, then answers
              503, then accepts: every SMS is delivered exactly once (counted per message at the fake).

Needs the debug build (`swift build --product samad`; SAMAD_BIN overrides the path), PostgreSQL's
server binaries for pg-restart and sigkill (scripts/pg-throwaway.sh), and root (or CAP_SYS_ADMIN)
for the tmpfs mount of disk-full. Every load loop stops by itself; every process started is stopped.
"""
import argparse
import http.client
import http.server
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("SAMAD_BIN", os.path.join(ROOT, ".build", "debug", "samad"))
PG_SCRIPT = os.path.join(ROOT, "scripts", "pg-throwaway.sh")


class Failure(Exception):
    pass


def log(msg):
    print(f"  [{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------- the server

class Server:
    """One `samad serve` child process on a loopback port."""

    def __init__(self, env, workdir, name="serve"):
        self.env, self.port = env, free_port()
        self.log_path = os.path.join(workdir, f"{name}-{self.port}.log")
        self.proc = subprocess.Popen(
            [BIN, "serve", "--port", str(self.port)], env=env, cwd=workdir,
            stdout=open(self.log_path, "w"), stderr=subprocess.STDOUT)
        self.wait_ready()

    def wait_ready(self, seconds=60):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise Failure(f"server exited with {self.proc.returncode}; log: {self.tail()}")
            try:
                if request(self.port, "GET", "/health", timeout=1)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise Failure("server not ready in time")

    def tail(self, n=15):
        with open(self.log_path, errors="replace") as f:
            return "".join(f.readlines()[-n:])

    def alive(self):
        return self.proc.poll() is None

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.alive():
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill9()


def request(port, method, path, body=None, headers=None, timeout=15):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        data = json.dumps(body).encode() if body is not None else None
        h = {"Content-Type": "application/json"} if data else {}
        h.update(headers or {})
        conn.request(method, path, body=data, headers=h)
        resp = conn.getresponse()
        raw = resp.read()
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = raw.decode(errors="replace")
        return resp.status, dict(resp.getheaders()), parsed
    finally:
        conn.close()


def base_env(data_dir, **extra):
    # On PostgreSQL nothing creates the data directory, and the file SMS gateway needs it for sms.log.
    os.makedirs(data_dir, exist_ok=True)
    env = dict(os.environ)
    env.update({
        "SAMAD_DATA_DIR": data_dir, "LOG_LEVEL": "warning", "SAMAD_SMS_GATEWAY": "file",
        "SAMAD_BCRYPT_COST": "4", "SAMAD_TRUST_PROXY": "off",
    })
    env.pop("DATABASE_URL", None)
    env.pop("SAMAD_DATABASE_SCHEMA", None)
    env.update(extra)
    return env


def samad(env, *args, check=True):
    out = subprocess.run([BIN, *args], env=env, capture_output=True, text=True, timeout=120)
    if check and out.returncode != 0:
        raise Failure(f"samad {' '.join(args)} exited {out.returncode}: {out.stdout[-500:]} {out.stderr[-500:]}")
    return out


def operator_token(env, with_login=False):
    username = f"op{random.randint(0, 10**9)}"
    out = samad(env, "staff", "add", "--username", username, "--role", "operator").stdout
    lines = out.strip().splitlines()
    if with_login:
        password = next(l.split(":", 1)[1].strip() for l in lines if l.startswith("First password"))
        return lines[-1], username, password
    return lines[-1]


def invariant_check(env):
    out = samad(env, "check", check=False)
    if out.returncode != 0:
        raise Failure(f"samad check exited {out.returncode}: {out.stdout[-800:]}")
    return out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""


def national_id(n):
    base = f"{300_000_000 + n * 37 % 600_000_000:09d}"
    r = sum(int(d) * (10 - i) for i, d in enumerate(base)) % 11
    return base + str(r if r < 2 else 11 - r)


_serial = iter(range(1, 10**9))
_serial_lock = threading.Lock()


def case_body(province):
    with _serial_lock:
        n = next(_serial) + random.randint(0, 10**6) * 1000
    return {
        "channel": "phone111", "kind": "request", "category": "livingAssistance",
        "subject": f"درخواست کمک معیشتی {n}", "body": "خانواده پنج نفره هستیم و درآمدی نداریم.",
        "citizen": {
            "nationalId": national_id(n), "mobile": f"0912{n % 10**7:07d}",
            "firstName": "مریم", "lastName": "احمدی", "province": province,
        },
    }


class Load:
    """Bounded registrations from `workers` threads for `seconds`. Each letter carries an
    Idempotency-Key; a 503 is retried with the same key after its Retry-After (capped at 1 s), and a
    key still unacknowledged when the time is up is retried until `drain` seconds more have passed."""

    def __init__(self, port, token, province, workers=4, seconds=40, drain=40):
        self.port, self.token, self.province = port, token, province
        self.workers, self.seconds, self.drain = workers, seconds, drain
        self.lock = threading.Lock()
        self.statuses = {}
        self.acknowledged = {}          # key -> tracking code
        self.unacknowledged = set()     # keys never answered 201
        self.bad = []                   # answers that break the rules
        self.missing_retry_after = 0
        self.transport_errors = 0
        self.transport_detail = []
        self.first_503 = self.last_503 = None
        self.stopped = threading.Event()   # set by the scenario (after a kill): workers stop at once

    def run(self):
        self.start = time.time()
        threads = [threading.Thread(target=self.worker, daemon=True) for _ in range(self.workers)]
        for t in threads:
            t.start()
        return threads

    def worker(self):
        end, hard_end = self.start + self.seconds, self.start + self.seconds + self.drain
        while time.time() < end and not self.stopped.is_set():
            key, body = str(uuid.uuid4()), case_body(self.province)
            done = False
            while not done and time.time() < hard_end and not self.stopped.is_set():
                try:
                    status, headers, payload = request(
                        self.port, "POST", "/api/v1/cases", body,
                        {"Authorization": f"Bearer {self.token}", "Idempotency-Key": key}, timeout=20)
                except OSError as e:
                    with self.lock:
                        self.transport_errors += 1
                        self.transport_detail.append(f"{time.time() - self.start:.1f} s: {type(e).__name__} {e}")
                    if self.stopped.is_set():
                        break
                    time.sleep(0.5)
                    continue
                now = time.time() - self.start
                with self.lock:
                    self.statuses[status] = self.statuses.get(status, 0) + 1
                    if status == 201:
                        self.acknowledged[key] = payload["trackingCode"]
                    elif status == 503:
                        self.first_503 = self.first_503 if self.first_503 is not None else now
                        self.last_503 = now
                        if "Retry-After" not in headers and "retry-after" not in headers:
                            self.missing_retry_after += 1
                        code = (payload or {}).get("error", {}).get("code") if isinstance(payload, dict) else None
                        if code != "database_unavailable":
                            self.bad.append((status, code))
                    else:
                        self.bad.append((status, str(payload)[:200]))
                if status == 201:
                    done = True
                elif status == 503:
                    time.sleep(min(float(headers.get("Retry-After", headers.get("retry-after", "1"))), 1.0))
                else:
                    done = True
            if not done:
                with self.lock:
                    self.unacknowledged.add(key)

    def summary(self):
        return (f"{sum(self.statuses.values())} requests {dict(sorted(self.statuses.items()))}, "
                f"{len(self.acknowledged)} acknowledged letters")


def verify_cases(port, token, codes):
    """Every acknowledged tracking code answers 200 through the API."""
    lost = [c for c in codes if request(port, "GET", f"/api/v1/cases/{c}", headers={"Authorization": f"Bearer {token}"})[0] != 200]
    if lost:
        raise Failure(f"{len(lost)} acknowledged cases missing, e.g. {lost[:3]}")


COMPLETENESS = """
SELECT (SELECT count(*) FROM cases),
       (SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id)),
       (SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.case_id = c.id))
"""


def sqlite_one(path, sql):
    """One row from a SQLite file; the connection is closed at once (a tmpfs must unmount)."""
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchone()
    finally:
        db.close()


def completeness_sqlite(path):
    return sqlite_one(path, COMPLETENESS)


def completeness_pg(url):
    out = subprocess.run(["psql", url, "-tAc", " ".join(COMPLETENESS.split())], capture_output=True, text=True, check=True)
    return tuple(int(x) for x in out.stdout.strip().split("|"))


def check_complete(counts, acknowledged, exact):
    total, without_event, without_sms = counts
    if without_event or without_sms:
        raise Failure(f"half-written cases: {without_event} without an event, {without_sms} without SMS 1")
    if total < acknowledged or (exact and total != acknowledged):
        raise Failure(f"{total} cases in the database for {acknowledged} acknowledged")


def first_province(port):
    status, _, payload = request(port, "GET", "/api/v1/provinces")
    if status != 200:
        raise Failure(f"provinces answered {status}")
    items = payload["items"] if isinstance(payload, dict) else payload
    return items[0]["code"]


# ---------------------------------------------------------------- PostgreSQL

class Postgres:
    """A cluster of its own (scripts/pg-throwaway.sh) that this script may stop and start."""

    def __init__(self, port):
        self.port = port
        self.url = subprocess.run([PG_SCRIPT, "start", str(port)], capture_output=True, text=True, check=True).stdout.strip()
        bindir = sorted(d for d in os.listdir("/usr/lib/postgresql"))[-1]
        self.pg_ctl = f"/usr/lib/postgresql/{bindir}/bin/pg_ctl"
        self.dir = f"/tmp/samad-pg-{port}"

    def fresh_database(self, name):
        admin = self.url.replace("/samad_test", "/postgres")
        subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True, capture_output=True)
        subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True, capture_output=True)
        return self.url.replace("/samad_test", f"/{name}")

    def _pg(self, *args):
        cmd = [self.pg_ctl, "-D", self.dir, *args]
        if os.getuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True)

    def stop_fast(self):
        self._pg("-m", "fast", "stop")

    def start(self):
        # The same options as pg-throwaway.sh (it reuses the stopped cluster's directory).
        subprocess.run([PG_SCRIPT, "start", str(self.port)], capture_output=True, check=True)

    def remove(self):
        subprocess.run([PG_SCRIPT, "stop", str(self.port)], capture_output=True)


# ---------------------------------------------------------------- scenarios

def scenario_pg_restart(args, work):
    pg = Postgres(args.pg_port)
    server = None
    try:
        url = pg.fresh_database("faults_restart")
        env = base_env(os.path.join(work, "pg-restart"), DATABASE_URL=url, SAMAD_DISPATCHER="on")
        samad(env, "migrate")
        token = operator_token(env)
        server = Server(env, work, "pg-restart")
        pid = server.proc.pid
        province = first_province(server.port)
        load = Load(server.port, token, province, workers=4, seconds=args.pg_seconds, drain=40)
        threads = load.run()
        time.sleep(8)
        before = len(load.acknowledged)
        pg.stop_fast()
        stopped_at = time.time() - load.start
        log(f"PostgreSQL stopped at {stopped_at:.1f} s ({before} letters acknowledged before)")
        time.sleep(args.pg_down)
        pg.start()
        started_at = time.time() - load.start
        log(f"PostgreSQL started at {started_at:.1f} s")
        # Recovery: the first 201 after the restart.
        during = len(load.acknowledged)
        recovered = None
        while time.time() - load.start < started_at + 60:
            if len(load.acknowledged) > during:
                recovered = time.time() - load.start - started_at
                break
            time.sleep(0.1)
        for t in threads:
            t.join()
        if recovered is None:
            raise Failure(f"no registration succeeded within 60 s of PostgreSQL's return; {load.summary()}")
        if not server.alive() or server.proc.pid != pid:
            raise Failure("the server did not survive the outage")
        if server.proc.poll() is not None:
            raise Failure("server exited")
        if load.bad:
            raise Failure(f"answers other than 201/503 database_unavailable: {load.bad[:5]}; {load.summary()}")
        if 500 in load.statuses:
            raise Failure(f"500s: {load.summary()}")
        if not load.statuses.get(503):
            raise Failure(f"the outage was never seen (no 503): {load.summary()}")
        if load.missing_retry_after:
            raise Failure(f"{load.missing_retry_after} 503s without Retry-After")
        if load.transport_errors:
            raise Failure(f"{load.transport_errors} requests got no answer at all: {load.transport_detail[:5]}")
        if load.unacknowledged:
            raise Failure(f"{len(load.unacknowledged)} letters never acknowledged after the outage")
        if request(server.port, "GET", "/health")[0] != 200:
            raise Failure("/health not 200 after recovery")
        verify_cases(server.port, token, load.acknowledged.values())
        check_complete(completeness_pg(url), len(set(load.acknowledged.values())), exact=True)
        check = invariant_check(env)
        return (f"{load.summary()}; PostgreSQL down {started_at - stopped_at:.0f} s, 503s from "
                f"{load.first_503:.1f} s to {load.last_503:.1f} s, first 201 {recovered:.1f} s after its return, "
                f"same server process, 0 lost, 0 half-written; samad check: {check}")
    finally:
        if server:
            server.stop()
        pg.remove()


def scenario_sigkill(args, work):
    results = []
    pg = Postgres(args.pg_port) if not args.no_pg else None
    try:
        engines = [("sqlite", None)] + ([("postgres", pg.fresh_database("faults_sigkill"))] if pg else [])
        for engine, url in engines:
            data = os.path.join(work, f"sigkill-{engine}")
            extra = {"DATABASE_URL": url} if url else {}
            env = base_env(data, **extra)
            samad(env, "migrate")
            token = operator_token(env)
            server = Server(env, work, f"sigkill-{engine}")
            province = first_province(server.port)
            kill_after = 150
            # The workers go on registering; the kill comes while requests are in flight.
            load = Load(server.port, token, province, workers=8, seconds=30, drain=0)
            threads = load.run()
            while len(load.acknowledged) < kill_after and time.time() - load.start < 30:
                time.sleep(0.01)
            server.kill9()
            load.stopped.set()
            for t in threads:
                t.join()
            acknowledged = dict(load.acknowledged)
            if len(acknowledged) < kill_after:
                raise Failure(f"{engine}: only {len(acknowledged)} letters acknowledged before the kill")
            bad = [b for b in load.bad if b[0] != 503]
            if bad or 500 in load.statuses:
                raise Failure(f"{engine}: bad answers before the kill: {bad[:5]}")
            restarted = Server(env, work, f"sigkill-{engine}-restart")
            try:
                verify_cases(restarted.port, token, acknowledged.values())
            finally:
                restarted.stop()
            counts = completeness_pg(url) if url else completeness_sqlite(os.path.join(data, "samad.sqlite"))
            # Letters in flight at the kill may have committed unacknowledged: more cases is fine, fewer is loss.
            check_complete(counts, len(set(acknowledged.values())), exact=False)
            check = invariant_check(env)
            results.append(f"{engine}: killed after {len(acknowledged)} acknowledged ({counts[0]} in the database), 0 lost, check: {check}")
        return "; ".join(results)
    finally:
        if pg:
            pg.remove()


def scenario_disk_full(args, work):
    mount = os.path.join(work, "small-disk")
    os.makedirs(mount)
    # A 48 MB tmpfs holds the fresh database, its WAL and the filler; mounting needs root (or CAP_SYS_ADMIN).
    try:
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", mount], check=True, capture_output=True)
    except (subprocess.CalledProcessError, FileNotFoundError) as e:
        raise Failure(f"cannot mount a small tmpfs here ({e}); run as root")
    server = None
    try:
        data = os.path.join(mount, "data")
        env = base_env(data, SAMAD_DISPATCHER="off")
        samad(env, "migrate")
        token, username, password = operator_token(env, with_login=True)
        server = Server(env, work, "disk-full")
        province = first_province(server.port)
        auth = {"Authorization": f"Bearer {token}"}

        def register():
            return request(server.port, "POST", "/api/v1/cases", case_body(province), auth)

        before = [register() for _ in range(20)]
        if any(s != 201 for s, _, _ in before):
            raise Failure(f"registrations before the disk filled: {[s for s, _, _ in before]}")
        codes = [p["trackingCode"] for _, _, p in before]
        # Fill the disk to the last byte.
        filler = os.path.join(mount, "filler")
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
        for chunk in (1 << 20, 4096, 1):
            try:
                while True:
                    os.write(fd, b"\0" * chunk)
            except OSError:
                pass
        os.close(fd)
        statuses = {}
        full_answers = []
        for _ in range(60):
            status, headers, payload = register()
            statuses[status] = statuses.get(status, 0) + 1
            if status == 201:
                codes.append(payload["trackingCode"])
            else:
                full_answers.append((status, headers, payload))
        if 500 in statuses or any(s not in (201, 503) for s in statuses):
            raise Failure(f"answers on a full disk: {statuses} {[p for _, _, p in full_answers][:2]}")
        if not statuses.get(503):
            raise Failure(f"the disk never filled (all {statuses})")
        for status, headers, payload in full_answers:
            if payload["error"]["code"] != "database_unavailable" or not (headers.get("Retry-After") or headers.get("retry-after")):
                raise Failure(f"503 without code or Retry-After: {headers} {payload}")
        # Reads go on.
        reads = [request(server.port, "GET", f"/api/v1/cases/{c}", headers=auth)[0] for c in codes[:10]]
        list_status = request(server.port, "GET", "/api/v1/cases?limit=5", headers=auth)[0]
        page_status = request(server.port, "GET", "/letter")[0]
        if any(r != 200 for r in reads) or list_status != 200 or page_status != 200:
            raise Failure(f"reads on a full disk: {reads} list {list_status} page {page_status}")
        # A page write (signing in writes a session) answers the Persian 503 page, not a 500.
        from urllib.parse import urlencode
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=15)
        conn.request("POST", "/login", body=urlencode({"username": username, "password": password}),
                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        resp = conn.getresponse()
        login_page = resp.read().decode(errors="replace")
        conn.close()
        if resp.status != 503 or not resp.getheader("Retry-After") or "سامانه موقتاً در دسترس نیست" not in login_page:
            raise Failure(f"sign-in page on a full disk: {resp.status} {login_page[:300]}")
        integrity_full = sqlite_one(os.path.join(data, "samad.sqlite"), "PRAGMA integrity_check")[0]
        if integrity_full != "ok":
            raise Failure(f"integrity_check on the full disk: {integrity_full}")
        os.remove(filler)
        after = [register() for _ in range(20)]
        if any(s != 201 for s, _, _ in after):
            raise Failure(f"registrations after space returned: {[s for s, _, _ in after]}")
        codes += [p["trackingCode"] for _, _, p in after]
        verify_cases(server.port, token, codes)
        if not server.alive():
            raise Failure("server exited")
        server.stop()
        server = None
        integrity = sqlite_one(os.path.join(data, "samad.sqlite"), "PRAGMA integrity_check")[0]
        if integrity != "ok":
            raise Failure(f"integrity_check after: {integrity}")
        counts = completeness_sqlite(os.path.join(data, "samad.sqlite"))
        check_complete(counts, len(codes), exact=True)
        check = invariant_check(env)
        return (f"20 registrations 201 before; disk full: {dict(sorted(statuses.items()))} of 60 "
                f"(503 database_unavailable with Retry-After), reads 200, sign-in page 503 in Persian, integrity_check ok; space freed: "
                f"20 of 20 registrations 201 without restart; {counts[0]} cases, all complete; check: {check}")
    finally:
        if server:
            server.stop()
        if subprocess.run(["umount", mount], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", mount], capture_output=True)


class FakeGateway:
    """An SMS provider on a loopback port: answers 503 until `accept_at`, then 200; counts accepted
    messages per reference (the notification's id)."""

    def __init__(self, port, accept_at):
        self.accepted, self.refused, self.lock = {}, 0, threading.Lock()
        gateway = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                ref = self.headers.get("Idempotency-Key") or body.get("reference")
                with gateway.lock:
                    if time.time() < accept_at:
                        gateway.refused += 1
                        code = 503
                    else:
                        gateway.accepted[ref] = gateway.accepted.get(ref, 0) + 1
                        code = 200
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(json.dumps({"id": ref}).encode())

            def log_message(self, *a):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def scenario_sms_down(args, work):
    gw_port = free_port()
    data = os.path.join(work, "sms-down")
    env = base_env(data, SAMAD_SMS_GATEWAY="http", SAMAD_SMS_URL=f"http://127.0.0.1:{gw_port}/sms",
                   SAMAD_SMS_TOKEN="fault-test")
    samad(env, "migrate")
    token = operator_token(env)
    # The web server registers with the dispatcher off; `samad worker` alone sends.
    server = Server(dict(env, SAMAD_DISPATCHER="off"), work, "sms-serve")
    worker = subprocess.Popen([BIN, "worker"], env=env, cwd=work,
                              stdout=open(os.path.join(work, "sms-worker.log"), "w"), stderr=subprocess.STDOUT)
    fake = None
    try:
        province = first_province(server.port)
        t0 = time.time()
        codes = []
        for _ in range(20):
            status, _, payload = request(server.port, "POST", "/api/v1/cases", case_body(province),
                                         {"Authorization": f"Bearer {token}"})
            if status != 201:
                raise Failure(f"registration answered {status}")
            codes.append(payload["trackingCode"])
        # Down (nothing listening) for 4 s, then refusing (503) for 4 s more, then accepting.
        time.sleep(max(0, 4 - (time.time() - t0)))
        fake = FakeGateway(gw_port, accept_at=time.time() + 4)
        log("fake gateway listening (refusing for 4 s)")
        deadline = time.time() + 90
        expected = 20
        while time.time() < deadline and len(fake.accepted) < expected:
            if worker.poll() is not None:
                raise Failure(f"samad worker exited with {worker.returncode}")
            time.sleep(0.5)
        delivered_at = time.time() - t0
        time.sleep(3)   # any duplicate would arrive now
        if len(fake.accepted) < expected:
            raise Failure(f"only {len(fake.accepted)} of {expected} SMS delivered in time")
        twice = {k: v for k, v in fake.accepted.items() if v != 1}
        if twice:
            raise Failure(f"SMS delivered more than once: {twice}")
        sent, attempts = sqlite_one(
            os.path.join(data, "samad.sqlite"),
            "SELECT count(*), (SELECT count(*) FROM notification_attempts) FROM notifications WHERE status = 'sent'")
        if sent != expected:
            raise Failure(f"{sent} notifications marked sent, expected {expected}")
        return (f"{expected} SMS, gateway unreachable 4 s then 503 for 4 s ({fake.refused} refusals at the fake); "
                f"all delivered by {delivered_at:.0f} s, each exactly once; {attempts} attempts recorded")
    finally:
        if fake:
            fake.close()
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
        server.stop()


SCENARIOS = {
    "pg-restart": scenario_pg_restart,
    "sigkill": scenario_sigkill,
    "disk-full": scenario_disk_full,
    "sms-down": scenario_sms_down,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenarios", nargs="*", default=["all"])
    parser.add_argument("--pg-port", type=int, default=54337, help="port of the cluster this script starts and stops")
    parser.add_argument("--pg-down", type=float, default=20, help="seconds PostgreSQL stays stopped")
    parser.add_argument("--pg-seconds", type=float, default=40, help="seconds of load in pg-restart")
    parser.add_argument("--no-pg", action="store_true", help="skip PostgreSQL (pg-restart, and sigkill's second engine)")
    args = parser.parse_args()
    names = list(SCENARIOS) if args.scenarios == ["all"] else args.scenarios
    if args.no_pg:
        names = [n for n in names if n != "pg-restart"]
    if not os.access(BIN, os.X_OK):
        sys.exit(f"no samad binary at {BIN} (swift build --product samad)")
    failed = 0
    with tempfile.TemporaryDirectory(prefix="samad-faults.") as work:
        for name in names:
            print(f"FAULT {name}: running", flush=True)
            started = time.time()
            try:
                summary = SCENARIOS[name](args, work)
                print(f"FAULT {name}: ok ({time.time() - started:.0f} s) {summary}", flush=True)
            except Exception as e:  # noqa: BLE001 - every failure is reported, then the next scenario runs
                failed += 1
                print(f"FAULT {name}: FAILED ({time.time() - started:.0f} s) {e}", flush=True)
                for path in sorted(os.listdir(work)):
                    if path.endswith(".log") and name.split("-")[0] in path:
                        with open(os.path.join(work, path), errors="replace") as f:
                            print(f"--- {path} (last lines)\n" + "".join(f.readlines()[-20:]), flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
