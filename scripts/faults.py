#!/usr/bin/env python3
"""Fault suite: hostile input and faults against the real daemon, one table row per case.

Each case starts a fresh `missiond run` with its own temporary state, inbox and loopback
endpoints (free ports), feeds it hostile input, checks the outcome and stops by itself.
Only wire.md (pyzmq, raw ZMTP for clients that never read) and the command line are used,
so the suite checks the contract, not the code.

Columns: inputs sent; crashes (the daemon exited unexpectedly; it is restarted, at most 3
times, so the case can go on); lost (acknowledged articles with no article.done/rejected
and no events in replay); duplicates (repeated event ids in replay); peak RSS (the
daemon's VmHWM, MiB, highest over its runs); verdict and a short reason.

    python3 scripts/faults.py                     # full mode
    python3 scripts/faults.py --short             # CI: the whole suite in about 3 minutes
    python3 scripts/faults.py --short --only poison,html-flood
    python3 scripts/faults.py --short --expect-fail replay-flood,disk-full

Exit status 0 only when every case passes, or fails while listed in --expect-fail (an
expected failure that passes is reported as XPASS: remove it from the list). Needs root
for disk-full (a tmpfs mounted in a private mount namespace) and prlimit for emfile.
"""
import argparse
import fcntl
import json
import os
import random
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
import traceback

import zmq

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MiB = 1 << 20
# A daemon whose memory passes this is killed, to protect the shared machine.
RSS_ABORT_BYTES = 3 << 30

POISON = "Zhejiang enterprises signed orders worth 9000 trillion yuan at the fair in Paris."


# ---------------------------------------------------------------------------------------
# Plumbing: ports, config, the daemon process

def free_ports(count):
    """Loopback ports free right now (bound to port 0, then released)."""
    socks, ports = [], []
    for _ in range(count):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        socks.append(s)
        ports.append(s.getsockname()[1])
    for s in socks:
        s.close()
    return ports


def parse_size(text):
    """`268435456`, `256MiB`, `256m`, `1g` → bytes; None when it is not a size."""
    m = re.fullmatch(r"\s*(\d+)\s*([kmgt]?)(i?b)?\s*", text.strip().strip("\"'"), re.I)
    if not m:
        return None
    scale = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}[m.group(2).lower()]
    return int(m.group(1)) * scale


def memory_limit(config_path):
    """(limit in bytes, where the budget came from): `memory_budget` of the shipped config
    when it has one, else the default 256 MiB; plus 64 MiB of slack."""
    budget, source = 256 * MiB, "default 256 MiB"
    try:
        for line in open(config_path, encoding="utf-8"):
            m = re.match(r"^memory_budget:\s*([^#]+)", line)
            if m and parse_size(m.group(1)) is not None:
                budget, source = parse_size(m.group(1)), f"memory_budget {m.group(1).strip()}"
    except OSError:
        pass
    return budget + 64 * MiB, source


def vm_status(pid):
    """(VmHWM, VmRSS) in bytes, or None when the process is gone."""
    try:
        text = open(f"/proc/{pid}/status").read()
    except OSError:
        return None
    values = {}
    for key in ("VmHWM", "VmRSS"):
        m = re.search(rf"^{key}:\s+(\d+) kB", text, re.M)
        values[key] = int(m.group(1)) * 1024 if m else 0
    return values["VmHWM"], values["VmRSS"]


ACTIVE = None   # the daemon of the running case: waits end early once it is gone for good


def active_gone():
    return ACTIVE is not None and ACTIVE.gone()


class Daemon:
    """A real `missiond run` on its own state, inbox and ports. A watcher thread samples
    VmHWM, notices an unexpected exit (a crash) and restarts the daemon, at most 3 times."""

    def __init__(self, suite, case_dir, state=None, inbox=None, wrap=(), extra_config=None,
                 restart=True):
        self.suite = suite
        self.case_dir = case_dir
        self.state = state or os.path.join(case_dir, "state")
        self.inbox = inbox or os.path.join(case_dir, "inbox")
        os.makedirs(self.inbox, exist_ok=True)
        self.wrap = list(wrap)
        self.restart = restart
        ports = free_ports(3)
        self.intake = f"tcp://127.0.0.1:{ports[0]}"
        self.publish = f"tcp://127.0.0.1:{ports[1]}"
        self.replay = f"tcp://127.0.0.1:{ports[2]}"
        self.config = os.path.join(case_dir, f"missiond-{ports[0]}.yml")
        lines = [f"state: {self.state}", f"inbox: {self.inbox}", f"rules: {suite.rules}",
                 f"intake: {self.intake}", f"publish: {self.publish}", f"replay: {self.replay}",
                 "metrics: off", "log_level: info"]
        lines += [f"{k}: {v}" for k, v in (extra_config or {}).items()]
        with open(self.config, "w") as fh:
            fh.write("\n".join(lines) + "\n")
        self.proc = None
        self.logs = []
        self.crashes = []          # exit statuses of unexpected exits
        self.peak_hwm = 0
        self.aborted = None
        self.stopping = False
        self.lock = threading.Lock()
        self.watcher = None

    def start(self):
        global ACTIVE
        ACTIVE = self
        self.stopping = False
        log_path = os.path.join(self.case_dir, f"daemon-{len(self.logs)}.log")
        self.logs.append(log_path)
        log = open(log_path, "wb")
        cmd = self.wrap + [self.suite.missiond, "run", "--config", self.config]
        self.proc = subprocess.Popen(cmd, stdout=log, stderr=log, stdin=subprocess.DEVNULL)
        log.close()
        if self.watcher is None:
            self.watcher = threading.Thread(target=self._watch, daemon=True)
            self.watcher.start()
        return self

    def _watch(self):
        while True:
            with self.lock:
                proc, stopping = self.proc, self.stopping
            if proc is None:
                return
            status = vm_status(proc.pid)
            if status:
                self.peak_hwm = max(self.peak_hwm, status[0])
                if status[1] > RSS_ABORT_BYTES and not self.aborted:
                    self.aborted = f"RSS {status[1] // MiB} MiB: killed to protect the machine"
                    proc.kill()
            code = proc.poll()
            if code is not None and not stopping:
                with self.lock:
                    if self.stopping:
                        continue
                    self.crashes.append(code)
                    if self.restart and len(self.crashes) <= 3 and not self.aborted:
                        time.sleep(0.5)
                        self.start()
                    else:
                        return
            elif code is not None:
                return
            time.sleep(0.1)

    @property
    def pid(self):
        return self.proc.pid if self.proc else None

    def gone(self):
        """Exited and not coming back: waiting for it is pointless."""
        return self.proc is not None and self.proc.poll() is not None and not self.stopping and (
            not self.restart or len(self.crashes) > 3 or bool(self.aborted))

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def wait_ready(self, timeout=90):
        """True once the replay socket answers; False if the daemon exits first."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc is None or (self.proc.poll() is not None and
                                     (not self.restart or len(self.crashes) > 3 or self.aborted)):
                return False
            reply = replay_once(self.suite.ctx, self.replay, 0, 1, timeout=2)
            if reply is not None:
                return True
        return False

    def stop(self, timeout=60):
        """SIGTERM, then SIGKILL after `timeout`; the exit status (None if never started)."""
        with self.lock:
            self.stopping = True
            proc = self.proc
        if proc is None:
            return None
        if proc.poll() is None:
            status = vm_status(proc.pid)
            if status:
                self.peak_hwm = max(self.peak_hwm, status[0])
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                return "killed after SIGTERM timeout"
        return proc.returncode

    def log_bytes(self):
        out = b""
        for path in self.logs:
            try:
                out += open(path, "rb").read()
            except OSError:
                pass
        return out

    def last_log_lines(self, count=3):
        lines = self.log_bytes().decode("utf-8", "replace").strip().splitlines()
        return " | ".join(l[:240] for l in lines[-count:])

    def crash_cause(self):
        """The runtime's own words for a crash (`Fatal error: …`), else the last log lines."""
        for line in self.log_bytes().decode("utf-8", "replace").splitlines():
            if "Fatal error" in line or "Program crashed" in line:
                return line.strip()[-200:]
        return self.last_log_lines(2)

    def crash_summary(self):
        return ", ".join(f"signal {-c}" if isinstance(c, int) and c < 0 else f"exit {c}"
                         for c in self.crashes)


# ---------------------------------------------------------------------------------------
# Clients: intake, subscriber, replay (wire.md)

class Collector:
    """A SUB on `article.` in its own thread: article.done / article.rejected by name."""

    def __init__(self, ctx, endpoint):
        self.ctx, self.endpoint = ctx, endpoint
        self.lock = threading.Lock()
        self.done, self.rejected = {}, {}       # name → [json, …]
        self.arrived = {}                       # name → time of first outcome
        self.ids = set()                        # article ids with an outcome
        self.stop_flag = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        sock = self.ctx.socket(zmq.SUB)
        sock.setsockopt(zmq.LINGER, 0)
        sock.setsockopt(zmq.RCVHWM, 0)
        sock.setsockopt(zmq.SUBSCRIBE, b"article.")
        sock.connect(self.endpoint)
        while not self.stop_flag:
            if not sock.poll(200):
                continue
            while True:
                try:
                    frames = sock.recv_multipart(zmq.NOBLOCK)
                except zmq.Again:
                    break
                try:
                    body = json.loads(frames[1])
                    name = body.get("article", {}).get("name", "")
                except (ValueError, IndexError, AttributeError):
                    continue
                target = self.done if frames[0] == b"article.done" else self.rejected
                with self.lock:
                    self.ids.add(body.get("article", {}).get("id"))
                    target.setdefault(name, []).append(body)
                    self.arrived.setdefault(name, time.time())
        sock.close()

    def outcome(self, name):
        with self.lock:
            return self.done.get(name) or self.rejected.get(name)

    def counts(self, name):
        with self.lock:
            return len(self.done.get(name, [])), len(self.rejected.get(name, []))

    def close(self):
        self.stop_flag = True
        self.thread.join(timeout=5)


class Intake:
    """A DEALER on the intake: pipelines articles, matches replies by name, resends what is
    outstanding when nothing comes for a while (a restarted daemon lost it)."""

    def __init__(self, ctx, endpoint, sndhwm=None):
        self.ctx, self.endpoint, self.sndhwm = ctx, endpoint, sndhwm
        self.sock = None
        self.replies = {}        # name bytes → (status, detail)
        self.unmatched = []      # replies whose name frame is no name in flight
        self._connect()

    def _connect(self):
        if self.sock is not None:
            self.sock.close()
        self.sock = self.ctx.socket(zmq.DEALER)
        self.sock.setsockopt(zmq.LINGER, 0)
        if self.sndhwm:
            self.sock.setsockopt(zmq.SNDHWM, self.sndhwm)
        self.sock.connect(self.endpoint)

    def send_all(self, items, window=64, timeout=300, stall=30, resend=True):
        """items: [(name bytes, body bytes)]. Returns {name: (status, detail)}; names without
        a reply within `timeout` are missing from it."""
        bodies = dict(items)
        pending = [n for n, _ in items]
        in_flight = set()
        deadline, last_reply = time.time() + timeout, time.time()
        while (pending or in_flight) and time.time() < deadline and not active_gone():
            while pending and len(in_flight) < window:
                name = pending.pop(0)
                self.sock.send_multipart([b"", name, bodies[name]], copy=len(bodies[name]) < 65536)
                in_flight.add(name)
            if self.sock.poll(500):
                frames = self.sock.recv_multipart()
                # wire.md: an error reply echoes the name cut to its first 1024 bytes.
                if len(frames) >= 4 and frames[3] not in in_flight and len(frames[3]) == 1024:
                    full = [n for n in in_flight if len(n) > 1024 and n[:1024] == frames[3]]
                    if len(full) == 1:
                        frames[3] = full[0]
                if len(frames) >= 4 and frames[3] in in_flight:
                    in_flight.discard(frames[3])
                    self.replies[frames[3]] = (frames[1].decode("utf-8", "replace"),
                                               frames[2].decode("utf-8", "replace"))
                    last_reply = time.time()
                else:
                    self.unmatched.append(frames[1:])
                    if len(in_flight) == 1:   # one in flight: the reply can only be its
                        self.replies[in_flight.pop()] = (frames[1].decode("utf-8", "replace"),
                                                         frames[2].decode("utf-8", "replace"))
                        last_reply = time.time()
            elif time.time() - last_reply > stall and in_flight:
                if not resend:
                    break
                pending = sorted(in_flight) + pending
                in_flight.clear()
                self._connect()
                last_reply = time.time()
        return self.replies

    def send_one(self, name, body, timeout=60):
        return self.send_all([(name, body)], timeout=timeout).get(name)

    def close(self):
        self.sock.close()


def replay_once(ctx, endpoint, since, max_events, timeout=10):
    """One replay request; the reply frames, or None without an answer in time."""
    sock = ctx.socket(zmq.REQ)
    sock.setsockopt(zmq.LINGER, 0)
    sock.connect(endpoint)
    try:
        sock.send_multipart([b"since", str(since).encode(), str(max_events).encode()])
        if not sock.poll(int(timeout * 1000)):
            return None
        return sock.recv_multipart()
    finally:
        sock.close()


def replay_all(ctx, endpoint, timeout=60):
    """(every mission event from seq 0, error text or None)."""
    events, last, deadline = [], 0, time.time() + timeout
    while time.time() < deadline:
        if active_gone():
            return events, "daemon gone"

        frames = replay_once(ctx, endpoint, last, 1000, timeout=20)
        if frames is None:
            return events, "replay socket did not answer"
        if frames[0] != b"events":
            text = b" ".join(frames).decode("utf-8", "replace")
            # A range lost to damage is reported, then skipped as the reply says: the articles
            # of those seqs ran again under later seqs, so nothing acknowledged is missing.
            skip = re.search(r"lost to event log damage.*ask since (\d+) to go on", text)
            if skip and int(skip.group(1)) > last:
                last = int(skip.group(1))
                continue
            return events, "replay error: " + text[:200]
        batch = [json.loads(f) for f in frames[3:]]
        events.extend(batch)
        if batch:
            last = int(frames[1])
        if frames[2] != b"1" or not batch:
            return events, None
    return events, "replay did not finish in time"


def pending_bytes(sock):
    """Bytes received by the kernel and not read yet."""
    return struct.unpack("i", fcntl.ioctl(sock.fileno(), termios.FIONREAD, b"\0\0\0\0"))[0]


def zmtp_request(endpoint, frames, rcvbuf=4096, repeat=1):
    """A raw TCP ZMTP 3.1 DEALER that sends one request and never reads: what the daemon
    sends it stays queued in the daemon."""
    host, port = endpoint[len("tcp://"):].rsplit(":", 1)
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.connect((host, int(port)))
    greeting = b"\xff" + b"\x00" * 7 + b"\x01\x7f" + b"\x03\x01" + b"NULL".ljust(20, b"\x00") + b"\x00" * 32
    prop = b"\x0bSocket-Type" + struct.pack(">I", 6) + b"DEALER" + b"\x08Identity" + struct.pack(">I", 0)
    ready = b"\x05READY" + prop
    s.settimeout(30)
    s.sendall(greeting + b"\x04" + bytes([len(ready)]) + ready)
    # Messages sent before the peer's READY would be taken as handshake commands.
    got = b""
    while len(got) < 66 or len(got) < 66 + got[65]:
        chunk = s.recv(4096)
        if not chunk:
            raise CaseError("ZMTP handshake: the daemon closed the connection")
        got += chunk
    out = b""
    parts = [b""] + list(frames)
    for i, part in enumerate(parts):
        more = 1 if i < len(parts) - 1 else 0
        out += bytes([more, len(part)]) + part
    s.sendall(out * repeat)
    return s


# ---------------------------------------------------------------------------------------
# Articles

class Articles:
    def __init__(self, seed_dir):
        self.seeds = [open(os.path.join(seed_dir, f), encoding="utf-8").read()
                      for f in sorted(os.listdir(seed_dir)) if f.endswith(".txt")]
        self.counter = 0

    def normal(self, tag="article"):
        """A sample article with a unique closing line, so it has its own id and events."""
        self.counter += 1
        text = self.seeds[self.counter % len(self.seeds)]
        # After the first long paragraph: a trailing line can fall in the page furniture
        # the cleaner drops (a seed ends with a list of links), and the id would repeat.
        paragraphs = text.split("\n\n")
        at = next((i + 1 for i, p in enumerate(paragraphs) if len(p) > 200), len(paragraphs))
        line = f"Reference {tag} {self.counter} {random.randrange(10 ** 12)}."
        return "\n\n".join(paragraphs[:at] + [line] + paragraphs[at:]) + "\n"

    def short(self, tag="short"):
        """A small article (one sentence with an event), unique."""
        self.counter += 1
        return (f"Zhejiang Provincial Department of Commerce organised {10 + self.counter % 50} "
                f"enterprises to attend the trade fair in Paris, France. Reference {tag} {self.counter}.\n")


def extreme_number(rng):
    kind = rng.randrange(14)
    if kind == 0:
        return "9" * rng.randrange(20, 400)
    if kind == 1:
        return f"1e{rng.randrange(300, 100000)}"
    if kind == 2:
        return f"-{rng.randrange(10 ** 30)}"
    if kind == 3:
        return f"{rng.randrange(10 ** 40):,}"
    if kind == 4:
        return "0." + "0" * rng.randrange(300, 2000) + "1"
    if kind == 5:
        return "9" * rng.randrange(20, 60) + "." + "9" * rng.randrange(20, 60)
    if kind == 6:
        return rng.choice(["NaN", "∞", "-0", "inf", "1e-400", "0x7fffffffffffffff", "+-9", "9.9.9.9"])
    if kind == 7:
        return "９" * rng.randrange(10, 80)
    if kind == 8:
        return rng.choice(["九千万亿", "一万亿亿", "九九九九九九九九九九九九九九万亿", "十万八千亿兆"])
    if kind == 9:
        return str(2 ** rng.choice([31, 32, 53, 63, 64, 127, 128, 1024]) + rng.choice([-1, 0, 1]))
    if kind == 10:
        return f"{rng.randrange(10 ** 18)} trillion trillion"
    if kind == 11:
        return "1" + ",000" * rng.randrange(10, 200)
    if kind == 12:
        return f"{rng.random() * 10 ** rng.randrange(1, 308):.3f}"
    return str(rng.randrange(10 ** rng.randrange(1, 25)))


FUZZ_TEMPLATES = [
    "{p} enterprises signed orders worth {n} {u} yuan at the fair in {c}.",
    "The {p} Department of Commerce organised {n} enterprises to attend the {c} trade fair from December {n}th to {n}th, {n}.",
    "A delegation of {n} exporters from {p} stayed for a period of {n} days in {c} and signed {n} contracts worth US$ {n} {u}.",
    "In {n}, {p} signed deals worth {n} {u} euros with buyers from {c}, an increase of {n}% year on year.",
    "{p} will charter {n} flights carrying {n} enterprises to {c} for {n} exhibitions, with a subsidy of {n} {u} yuan.",
    "Published: {n}-{n}-{n}\nOrders worth {n}{u} yuan were signed on {n}/{n}/{n} at the fair in {c}.",
    "浙江省商务厅组织{n}家企业赴{c}参加展会，签订订单{n}{u}元。",
]


def fuzz_article(rng, index):
    provinces = ["Zhejiang", "Jiangsu", "Guangdong", "Shandong", "Fujian", "Sichuan"]
    cities = ["Paris", "Frankfurt", "Dubai", "Jakarta", "São Paulo", "Lagos", "巴黎"]
    units = ["trillion", "billion", "million", "亿", "万", "万亿", "", "thousand trillion"]
    sentences = []
    for _ in range(rng.randrange(1, 5)):
        template = rng.choice(FUZZ_TEMPLATES)
        sentences.append(re.sub(r"\{(\w)\}", lambda m: {
            "p": rng.choice(provinces), "c": rng.choice(cities), "u": rng.choice(units),
            "n": extreme_number(rng)}[m.group(1)], template))
    return " ".join(sentences) + f"\nFuzz reference {index}.\n"


def drop_file(inbox, name, data):
    """Writes under a temporary name, then renames into the inbox (as README asks)."""
    name = name if isinstance(name, bytes) else name.encode()
    tmp = os.path.join(os.fsencode(inbox), b"." + str(random.randrange(10 ** 9)).encode() + b".tmp")
    with open(tmp, "wb") as fh:
        fh.write(data if isinstance(data, bytes) else data.encode())
    os.rename(tmp, os.path.join(os.fsencode(inbox), name))


def inbox_entries(inbox):
    return [n for n in os.listdir(os.fsencode(inbox)) if not n.startswith(b".")]


# ---------------------------------------------------------------------------------------
# Rows and checks

class Row:
    def __init__(self, name):
        self.name = name
        self.inputs = 0
        self.crashes = 0
        self.lost = 0
        self.duplicates = 0
        self.rss_mib = None
        self.problems = []
        self.notes = []
        self.verdict = None
        self.seconds = 0.0

    def fail(self, text):
        self.problems.append(text)

    def note(self, text):
        self.notes.append(text)

    def reason(self):
        return "; ".join(self.problems or self.notes) or "ok"


def wait_until(predicate, timeout, interval=0.2, stall=None, progress=None):
    """Waits for `predicate()`; gives up after `timeout`, or after `stall` seconds without
    `progress()` changing. Returns whether it became true."""
    deadline, last, last_change = time.time() + timeout, None, time.time()
    while time.time() < deadline and not active_gone():
        if predicate():
            return True
        if stall and progress:
            now = progress()
            if now != last:
                last, last_change = now, time.time()
            elif time.time() - last_change > stall:
                return False
        time.sleep(interval)
    return predicate()


def resolved(collector, names, events_by_name):
    return [n for n in names if collector.outcome(n) or n in events_by_name]


def audit(suite, daemon, collector, acked_names, row, wait=120, check_seq=True, acked_ids=None):
    """Waits for every acknowledged name to end as article.done/rejected, then replays
    everything: fills lost and duplicates; seqs must strictly increase."""
    wait_until(lambda: all(collector.outcome(n) for n in acked_names), timeout=wait,
               stall=30, progress=lambda: sum(1 for n in acked_names if collector.outcome(n)))
    events, error = replay_all(suite.ctx, daemon.replay)
    if error:
        row.fail(error)
    names_in_events = {e.get("article", {}).get("name") for e in events}
    row.lost = sum(1 for n in acked_names if not collector.outcome(n) and n not in names_in_events)
    if acked_ids is not None:   # names that do not survive as sent: count by article id
        ids_in_events = {e.get("article", {}).get("id") for e in events}
        row.lost = sum(1 for i in acked_ids if i not in collector.ids and i not in ids_in_events)
    ids = [e.get("id") for e in events]
    row.duplicates = len(ids) - len(set(ids))
    seqs = [e.get("seq") for e in events]
    if check_seq and any(b <= a for a, b in zip(seqs, seqs[1:])):
        row.fail("replay seqs not strictly increasing")
    return events


def sync_subscriber(suite, daemon, collector, timeout=60):
    """Positive evidence that the SUB is subscribed: a probe article's article.done arrives."""
    intake = Intake(suite.ctx, daemon.intake)
    try:
        deadline = time.time() + timeout
        while time.time() < deadline and not active_gone():
            name = f"probe-{random.randrange(10 ** 9)}"
            intake.send_one(name.encode(), suite.articles.short("probe").encode(), timeout=20)
            if wait_until(lambda: collector.outcome(name), timeout=3):
                return True
        return False
    finally:
        intake.close()


class Case:
    """One case's daemon, subscriber and row; always stopped at the end."""

    def __init__(self, suite, name, **daemon_args):
        self.suite, self.row = suite, Row(name)
        self.dir = tempfile.mkdtemp(prefix=f"{name}-", dir=suite.work)
        self.daemon_args = daemon_args
        self.daemon = self.collector = None
        self.stop_timeout = 60

    def start(self, sync=True):
        self.daemon = Daemon(self.suite, self.dir, **self.daemon_args).start()
        if not self.daemon.wait_ready():
            raise CaseError(f"daemon did not start: {self.daemon.last_log_lines()}")
        self.collector = Collector(self.suite.ctx, self.daemon.publish)
        if sync and not sync_subscriber(self.suite, self.daemon, self.collector):
            raise CaseError("no article.done for a probe article")
        return self

    def finish(self):
        if self.daemon is not None:
            code = self.daemon.stop(timeout=self.stop_timeout)
            if code not in (0, None) and not self.daemon.crashes and not self.daemon.aborted:
                self.row.note(f"stop: exit {code}")
            self.row.crashes = len(self.daemon.crashes)
            if self.daemon.crashes:
                self.row.fail(f"daemon crashed ({self.daemon.crash_summary()}): {self.daemon.crash_cause()}")
            if self.daemon.aborted:
                self.row.fail(self.daemon.aborted)
            self.row.rss_mib = self.daemon.peak_hwm / MiB
        if self.collector is not None:
            self.collector.close()


class CaseError(Exception):
    pass


# ---------------------------------------------------------------------------------------
# The cases

def poison_texts():
    base = "Zhejiang enterprises signed orders worth {} yuan at the fair in Paris."
    return [POISON] + [base.format(n) for n in (
        "9000000000000000000000000000000000 trillion", "1e308", "1.8e308 trillion", "-9000 trillion",
        "9,223,372,036,854,775,808", "18446744073709551616 billion", "0.000000000000000000000001",
        "9000 trillion trillion trillion", "NaN trillion", "∞", "9000万亿", "9" * 5000 + " trillion",
    )] + [
        "Jiangsu sent 99999999999999999999999 enterprises to 9999999999 exhibitions in Germany.",
        "The delegation stayed for a period of 99999999999999999999 days from December 9th to 18th, 2022.",
        "The fair will be held from December 9999999999th to 99999999999999th in the year 99999999999 in Paris, France.",
        "Published: 99999-99-99\n" + POISON,
    ]


def case_poison(suite, case):
    case.start()
    texts = poison_texts()
    intake = Intake(suite.ctx, case.daemon.intake)
    items = [(f"poison-sock-{i:02d}".encode(), t.encode()) for i, t in enumerate(texts)]
    replies = intake.send_all(items, timeout=120)
    intake.close()
    files = [f"poison-file-{i:02d}.txt" for i in range(len(texts))]
    for name, text in zip(files, texts):
        drop_file(case.daemon.inbox, name, text)
    case.row.inputs = len(items) + len(files)
    unanswered = [n for n, _ in items if n not in replies]
    if unanswered:
        case.row.fail(f"{len(unanswered)} socket articles without a reply")
    acked = [n.decode() for n, r in replies.items() if r[0] in ("ok", "duplicate")]
    wait_until(lambda: not inbox_entries(case.daemon.inbox), timeout=60, stall=30,
               progress=lambda: len(inbox_entries(case.daemon.inbox)))
    left = inbox_entries(case.daemon.inbox)
    if left:
        case.row.fail(f"{len(left)} inbox files never taken")
    acked += [f for f in files if f.encode() not in left]
    audit(suite, case.daemon, case.collector, acked, case.row)
    no_reason = [n for n in acked if case.collector.counts(n)[1]
                 and not all(r.get("reason") for r in case.collector.rejected[n])]
    if no_reason:
        case.row.fail(f"rejected without a reason: {no_reason[:3]}")
    rejected = sum(1 for n in acked if case.collector.counts(n)[1])
    case.row.note(f"{len(acked) - rejected} done, {rejected} rejected with a reason")


def case_fuzz(suite, case):
    case.start()
    count = 300 if suite.short else 10000
    rng = random.Random(suite.seed)
    items = [(f"fuzz-{i:05d}".encode(), fuzz_article(rng, i).encode()) for i in range(count)]
    case.row.inputs = count
    intake = Intake(suite.ctx, case.daemon.intake)
    replies = intake.send_all(items, window=64, timeout=600 if not suite.short else 120)
    intake.close()
    if len(replies) < count:
        case.row.fail(f"{count - len(replies)} without a reply")
    refused = [n for n, r in replies.items() if r[0] not in ("ok", "duplicate")]
    acked = [n.decode() for n, r in replies.items() if r[0] in ("ok", "duplicate")]
    audit(suite, case.daemon, case.collector, acked, case.row, wait=300)
    rejected = sum(1 for n in acked if case.collector.counts(n)[1])
    case.row.note(f"{len(acked) - rejected} done, {rejected} rejected, {len(refused)} refused")


def html_bodies():
    size = 700 * 1024
    return {
        "html-lt": b"<div>" + b"<" * size,
        "html-script": b"<script>" * (size // 8),
        "html-title": b"<title>" * (size // 7),
        "html-comment": b"<!--" * (size // 4),
    }


def case_html_flood(suite, case):
    case.stop_timeout = 15     # a lane stuck in one of these would hold up SIGTERM
    case.start()
    bound = 30.0
    bodies = html_bodies()
    intake = Intake(suite.ctx, case.daemon.intake)
    sent = time.time()
    replies = intake.send_all([(n.encode(), b) for n, b in bodies.items()], window=8,
                              timeout=bound, stall=bound, resend=False)
    case.row.inputs = len(bodies) + 1
    acked = [n.decode() for n, r in replies.items() if r[0] in ("ok", "duplicate")]
    wait_until(lambda: all(case.collector.outcome(n) for n in acked), timeout=max(1, sent + bound - time.time()))
    slow = []
    for name in bodies:
        if name.encode() not in replies:
            slow.append(f"{name}: no reply")
        elif name in acked:
            arrived = case.collector.arrived.get(name)
            if arrived is None or arrived - sent > bound:
                slow.append(f"{name}: not finished in {bound:.0f} s")
    normal = "html-after-normal"
    started = time.time()
    reply = intake.send_one(normal.encode(), suite.articles.normal().encode(), timeout=bound)
    intake.close()
    if reply is None or reply[0] != "ok" or not wait_until(lambda: case.collector.outcome(normal),
                                                           timeout=bound - (time.time() - started)):
        slow.append(f"a normal article sent afterwards did not finish in {bound:.0f} s")
    for problem in slow:
        case.row.fail(problem)
    if not slow:
        took = max(case.collector.arrived[n] - sent for n in acked) if acked else 0
        case.row.note(f"all finished or refused; slowest {took:.1f} s")
    if not case.daemon.alive():
        return
    audit(suite, case.daemon, case.collector, acked + [normal], case.row, wait=5)


def fill_events(suite, case, articles):
    """Sends `articles` sample articles and waits for them: a state with a few events each."""
    intake = Intake(suite.ctx, case.daemon.intake)
    items = [(f"fill-{i:05d}".encode(), suite.articles.normal("fill").encode()) for i in range(articles)]
    replies = intake.send_all(items, window=64, timeout=300)
    intake.close()
    acked = [n.decode() for n, r in replies.items() if r[0] in ("ok", "duplicate")]
    wait_until(lambda: all(case.collector.outcome(n) for n in acked), timeout=300, stall=60,
               progress=lambda: sum(1 for n in acked if case.collector.outcome(n)))
    return acked


def case_replay_flood(suite, case):
    case.start()
    sockets_count = 200     # in short mode too: 150 readers left main just 5 % over the limit
    # What the daemon holds grows with the size of each reply: a few thousand events even
    # in short mode; one request each (more per socket added time, not memory, on main).
    requests = 1
    acked = fill_events(suite, case, 600 if suite.short else 1200)
    events, error = replay_all(suite.ctx, case.daemon.replay)
    if error:
        raise CaseError(f"replay before the flood: {error}")
    case.row.inputs = len(acked) + sockets_count * requests + 1
    floods = []
    try:
        for _ in range(sockets_count):
            floods.append(zmtp_request(case.daemon.replay, [b"since", b"0", b"10000"], repeat=requests))
        # Sent after every flood request: its answer shows they were all taken.
        frames = replay_once(suite.ctx, case.daemon.replay, 0, 10, timeout=60)
        if frames is None or frames[0] != b"events":
            case.row.fail("a normal replay during the flood got no answer")
        # Evidence each flood request was answered: reply bytes wait in its receive buffer.
        answered = lambda: sum(1 for s in floods if pending_bytes(s) > 1024)
        wait_until(lambda: answered() == len(floods), timeout=60, stall=20, progress=answered)
        time.sleep(1)
        if answered() < len(floods):
            case.row.fail(f"only {answered()} of {len(floods)} flood requests were answered")
        after = replay_once(suite.ctx, case.daemon.replay, len(events) - 5, 10, timeout=60)
        if after is None or after[0] != b"events":
            case.row.fail("a normal replay after the flood got no answer")
    finally:
        for s in floods:
            s.close()
    limit, source = suite.memory_limit
    peak = case.daemon.peak_hwm
    if vm_status(case.daemon.pid):
        peak = max(peak, vm_status(case.daemon.pid)[0])
    if peak > limit:
        case.row.fail(f"peak RSS {peak / MiB:.0f} MiB > {limit / MiB:.0f} MiB ({source} + 64)")
    audit(suite, case.daemon, case.collector, acked, case.row, wait=10)
    case.row.note(f"{len(events)} events in state; {sockets_count} readers × {requests} requests, never reading")


def case_intake_flood(suite, case):
    case.start()
    per_dealer = 6 if suite.short else 40
    size = 8_000_000
    base = (suite.articles.normal("flood").encode() * (size // 4000 + 1))[:size - 16]
    results, threads = {}, []

    def dealer(tag):
        intake = Intake(suite.ctx, case.daemon.intake, sndhwm=2)
        items = [(f"flood-{tag}-{i:03d}".encode(), f"{tag}{i:06d}".encode().ljust(16, b" ") + base)
                 for i in range(per_dealer)]
        results[tag] = intake.send_all(items, window=per_dealer, timeout=120 + 5 * per_dealer,
                                       stall=120, resend=False)
        intake.close()

    for tag in ("A", "B"):
        threads.append(threading.Thread(target=dealer, args=(tag,)))
        threads[-1].start()
    for t in threads:
        t.join()
    case.row.inputs = 2 * per_dealer
    replies = sum(len(r) for r in results.values())
    if replies < 2 * per_dealer:
        case.row.fail(f"{2 * per_dealer - replies} of {2 * per_dealer} without a reply")
    limit, source = suite.memory_limit
    if case.daemon.peak_hwm > limit:
        case.row.fail(f"peak RSS {case.daemon.peak_hwm / MiB:.0f} MiB > {limit / MiB:.0f} MiB ({source} + 64)")
    statuses = sorted({r[0] for res in results.values() for r in res.values()})
    case.row.note(f"{replies} replies ({', '.join(statuses)}) to 8 MB bodies")
    acked = [n.decode() for res in results.values() for n, r in res.items() if r[0] in ("ok", "duplicate")]
    if case.daemon.alive():
        audit(suite, case.daemon, case.collector, acked, case.row, wait=60)


def fsck_command(suite):
    """`missiond fsck …` arguments when the binary has such a command, else None."""
    out = subprocess.run([suite.missiond, "--help"], capture_output=True, text=True).stdout
    return "fsck" if re.search(r"^\s+fsck\b", out, re.M) else None


DAMAGE_WORDS = re.compile(r"corrupt|checksum|crc|damag|truncat|torn|missing|gap|invalid|mismatch|bad record|repair",
                          re.I)


def damage_lines(log):
    return [l for l in log.decode("utf-8", "replace").splitlines()
            if re.match(r"^\S+ (warning|error|critical) ", l) and DAMAGE_WORDS.search(l)]


def flip_byte(path, offset=None):
    size = os.path.getsize(path)
    with open(path, "r+b") as fh:
        at = size // 2 if offset is None else offset
        fh.seek(at)
        byte = fh.read(1)
        fh.seek(at)
        fh.write(bytes([byte[0] ^ 0xFF]))


def damages():
    def segments(state):
        return sorted(os.path.join(state, "events", n) for n in os.listdir(os.path.join(state, "events"))
                      if n.startswith("events-") and n.endswith(".log"))

    def flip(state):
        flip_byte(segments(state)[-1])
        return "flipped a byte mid-segment"

    def truncate(state):
        seg = segments(state)[-1]
        os.truncate(seg, os.path.getsize(seg) // 2)
        return "cut the newest segment to half"

    def delete(state):
        segs = segments(state)
        victim = segs[len(segs) // 2] if len(segs) > 2 else segs[-1]
        os.remove(victim)
        return f"deleted {os.path.basename(victim)} ({len(segs)} segment(s))"

    def journal(state):
        path = os.path.join(state, "journal", "journal.log")
        size = os.path.getsize(path)
        for at in (size // 3, size // 2, 2 * size // 3):
            flip_byte(path, at)
        return f"flipped 3 bytes mid-journal ({size} bytes)"

    return {"corrupt-flip": flip, "corrupt-truncate": truncate, "corrupt-delete": delete,
            "corrupt-journal": journal}


class CorruptionBase:
    """One clean state with events, stopped cleanly, shared by the corruption cases."""

    def __init__(self, suite):
        self.suite = suite
        self.ready = None

    def get(self):
        if self.ready is None:
            case = Case(self.suite, "corrupt-base")
            try:
                case.start()
                acked = fill_events(self.suite, case, 30 if self.suite.short else 120)
                events, error = replay_all(self.suite.ctx, case.daemon.replay)
                if error or not events:
                    raise CaseError(f"base state: {error or 'no events'}")
                # A few articles after a SIGKILL leave unfinished journal records too.
                code = case.daemon.stop()
                if code != 0:
                    raise CaseError(f"base state: clean stop gave {code}")
                self.ready = (case.daemon.state, events, len(acked))
            finally:
                case.finish()
        return self.ready


def case_corruption(suite, case, damage):
    base_state, base_events, base_articles = suite.corruption_base.get()
    state = os.path.join(case.dir, "state")
    shutil.copytree(base_state, state)
    what = damage(state)
    case.daemon_args.update(state=state, restart=False)
    last_seq = max(e["seq"] for e in base_events)
    case.row.inputs = base_articles + 5
    case.daemon = Daemon(suite, case.dir, **case.daemon_args).start()
    started = case.daemon.wait_ready(timeout=60)
    repaired = ""
    if started:
        # A start reads no record a segment index vouches for: damage there is reported by
        # the check after READY and by replay ("damaged ... run missiond fsck"), then repaired.
        _, error = replay_all(suite.ctx, case.daemon.replay)
        if error and "damaged" in error and "fsck" in error:
            if not wait_until(lambda: damage_lines(case.daemon.log_bytes()), timeout=30):
                raise CaseError(f"{what}; replay reports damage but the log does not: {error}")
            started = False
    if not started:
        code = case.daemon.proc.poll()
        if code is not None and code < 0:
            raise CaseError(f"{what}; daemon killed by signal {-code} at start: {case.daemon.last_log_lines(2)}")
        refusal = case.daemon.last_log_lines(1)
        case.daemon.crashes.clear()
        case.daemon.stop()
        fsck = fsck_command(suite)
        if not fsck:
            raise CaseError(f"{what}; daemon refuses to start (exit {code}: {refusal}) and there is no fsck")
        out = subprocess.run([suite.missiond, fsck, state, "--repair"],
                             capture_output=True, text=True, timeout=300)
        # fsck's exit status: 0 clean, 1 damage found (set aside with --repair), 2 could not run.
        if out.returncode not in (0, 1):
            raise CaseError(f"{what}; fsck --repair exit {out.returncode}: {out.stderr.strip()[-200:]}")
        repaired = "after fsck --repair; "
        case.daemon.logs.append(os.path.join(case.dir, "fsck.log"))
        open(case.daemon.logs[-1], "w").write(out.stdout + out.stderr)
        case.daemon.start()
        if not case.daemon.wait_ready(timeout=60):
            raise CaseError(f"{what}; still does not start after fsck --repair: {case.daemon.last_log_lines(1)}")
    case.collector = Collector(suite.ctx, case.daemon.publish)
    if not sync_subscriber(suite, case.daemon, case.collector):
        raise CaseError(f"{what}; no article.done for a probe after restart")
    intake = Intake(suite.ctx, case.daemon.intake)
    items = [(f"after-{i}".encode(), suite.articles.normal("after").encode()) for i in range(5)]
    replies = intake.send_all(items, timeout=120)
    intake.close()
    acked = [n.decode() for n, r in replies.items() if r[0] in ("ok", "duplicate")]
    if len(acked) < len(items):
        case.row.fail(f"new articles refused: {[r for r in replies.values() if r[0] != 'ok'][:1]}")
    events = audit(suite, case.daemon, case.collector, acked, case.row, wait=60)
    new_seqs = [e["seq"] for e in events if e.get("article", {}).get("name", "").startswith("after-")]
    reused = [s for s in new_seqs if s <= last_seq]
    if reused:
        case.row.fail(f"{what}: seq reused: new events got seq {min(reused)}… though {last_seq} was given before")
    if not new_seqs and acked:
        case.row.fail("new articles' events not in replay")
    if not damage_lines(case.daemon.log_bytes()):
        case.row.fail(f"{what}: no warning/error log line about the damage")
    kept = len({e["id"] for e in events} & {e["id"] for e in base_events})
    case.row.note(f"{repaired}{what}; {kept}/{len(base_events)} earlier events still replayed; "
                  f"new seqs {min(new_seqs, default=0)}…{max(new_seqs, default=0)} > {last_seq}")


def fd_count(pid):
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return 0


def case_emfile(suite, case):
    if not shutil.which("prlimit"):
        raise CaseError("prlimit not found")
    limit = 64
    case.daemon_args["wrap"] = ["prlimit", f"--nofile={limit}:{limit}", "--"]
    case.start()
    idle = []
    try:
        while fd_count(case.daemon.pid) < limit and len(idle) < 400:
            host, port = case.daemon.intake[len("tcp://"):].rsplit(":", 1)
            idle.append(socket.create_connection((host, int(port))))
            wait_until(lambda: fd_count(case.daemon.pid) >= limit, timeout=0.3, interval=0.02)
        # A few more wait in the listen backlog: every fd freed is taken again at once.
        for _ in range(8):
            idle.append(socket.create_connection((host, int(port))))
        peak_fds = fd_count(case.daemon.pid)
        files = [f"emfile-{i:02d}.txt" for i in range(10)]
        for name in files:
            drop_file(case.daemon.inbox, name, suite.articles.normal("emfile"))
        case.row.inputs = len(idle) + len(files)
        # Give the daemon its chance to fail on them while no fd is free.
        quarantine = os.path.join(case.daemon.state, "quarantine")
        wait_until(lambda: os.path.isdir(quarantine) and os.listdir(quarantine), timeout=5)
    finally:
        for s in idle:
            s.close()
    wait_until(lambda: all(case.collector.outcome(n) for n in files), timeout=90, stall=60,
               progress=lambda: sum(1 for n in files if case.collector.outcome(n)))
    quarantined = [n for n in files if os.path.exists(os.path.join(case.daemon.state, "quarantine", n))]
    if quarantined:
        reason_file = os.path.join(case.daemon.state, "quarantine", quarantined[0] + ".reason")
        why = open(reason_file).read().strip()[:120] if os.path.exists(reason_file) else "?"
        case.row.fail(f"{len(quarantined)} of {len(files)} files quarantined ({why})")
    not_done = [n for n in files if not case.collector.counts(n)[0]]
    if not_done:
        case.row.fail(f"{len(not_done)} files without article.done after the connections closed")
    if peak_fds < limit:
        case.row.fail(f"the daemon held only {peak_fds} fds: the limit was not reached")
    if case.daemon.alive():
        audit(suite, case.daemon, case.collector, [n for n in files if n not in not_done], case.row, wait=10)
    case.row.note(f"{len(idle)} idle connections, daemon at {peak_fds}/{limit} fds; files processed after")


def case_disk_full(suite, case):
    if os.geteuid() != 0 or not shutil.which("unshare"):
        raise CaseError("needs root and unshare (tmpfs in a private mount namespace)")
    state = os.path.join(case.dir, "state")
    os.makedirs(state)
    mount = f'mount -t tmpfs -o size=8m,mode=0700 missiond-faults "$0" && exec "$@"'
    case.daemon_args.update(state=state, wrap=["unshare", "-m", "--propagation", "private", "--",
                                               "sh", "-c", mount, state])
    case.start()
    # The daemon's view of its state: the tmpfs is only in its mount namespace.
    view = f"/proc/{case.daemon.pid}/root{state}"
    filler = os.path.join(view, "filler")
    st = os.statvfs(view)
    free = st.f_bavail * st.f_frsize
    if free > 16 * MiB:
        raise CaseError(f"state is not on the small tmpfs ({free // MiB} MiB free)")
    with open(filler, "wb") as fh:
        fh.write(b"\0" * max(0, free - 300 * 1024))
    intake = Intake(suite.ctx, case.daemon.intake)
    replies, acked, errors, sent = {}, [], [], 0
    # Feed until the disk is full (errors come back), then some more while it stays full.
    for round_ in range(60 if suite.short else 200):
        items = [(f"full-{sent + i:04d}".encode(), suite.articles.normal("full").encode()) for i in range(10)]
        sent += len(items)
        got = intake.send_all(items, window=10, timeout=60, stall=30, resend=False)
        replies.update(got)
        errors = [n for n, r in replies.items() if r[0] == "error"]
        if len(errors) >= 20:
            break
    case.row.inputs = sent
    acked = [n.decode() for n, r in replies.items() if r[0] in ("ok", "duplicate")]
    if not errors:
        case.row.fail(f"no error reply after {sent} articles on a full disk")
    unanswered = sent - len(replies)
    if unanswered:
        case.row.fail(f"{unanswered} articles without a reply while full")
    os.remove(filler)
    # Space is back: what was refused is sent again and must now be taken.
    retry = [(n, suite.articles.normal("retry").encode()) for n in errors]
    got = intake.send_all([(b"again-" + n, b) for n, b in retry], window=10, timeout=120)
    intake.close()
    again = [n.decode() for n, r in got.items() if r[0] in ("ok", "duplicate")]
    if len(again) < len(retry):
        case.row.fail(f"{len(retry) - len(again)} articles still refused after space returned")
    events = audit(suite, case.daemon, case.collector, acked + again, case.row, wait=120)
    per_name = {}
    for e in events:
        per_name[e.get("article", {}).get("name")] = per_name.get(e.get("article", {}).get("name"), 0) + 1
    short_of_events = [n for n in acked + again
                       if case.collector.counts(n)[0] and
                       case.collector.done[n][0].get("events", 0) > per_name.get(n, 0)]
    if short_of_events:
        case.row.fail(f"{len(short_of_events)} articles done but their events are not all in replay")
    if case.row.lost:
        case.row.fail(f"{case.row.lost} acknowledged articles lost (false ok)")
    case.row.note(f"{len(acked)} ok and {len(errors)} error while full; {len(again)} taken after space returned")


def case_inotify_flood(suite, case):
    case.start()
    count = 2000 if suite.short else 20000
    inbox = case.daemon.inbox
    names = [f"flood-{i:05d}.txt" for i in range(count)]
    slow = [f"slow-{i}.txt" for i in range(5)]
    slow_texts = {n: suite.articles.normal("slow") for n in slow}
    writers = [open(os.path.join(inbox, n), "w", encoding="utf-8") for n in slow]
    chunks = 10
    # The slow writers append a tenth of their text between batches of small files.
    for step, start in enumerate(range(0, count, max(1, count // chunks))):
        for name in names[start:start + max(1, count // chunks)]:
            with open(os.path.join(inbox, name), "w") as fh:
                fh.write(suite.articles.short("flood"))
        for n, fh in zip(slow, writers):
            text = slow_texts[n]
            part = len(text) // chunks
            fh.write(text[step * part:(step + 1) * part] if step < chunks - 1 else text[step * part:])
            fh.flush()
        time.sleep(0.3)
    for fh in writers:
        fh.close()
    case.row.inputs = count + len(slow)
    everything = names + slow
    timeout = 300 if suite.short else 1200
    wait_until(lambda: all(case.collector.outcome(n) for n in everything), timeout=timeout, stall=90,
               progress=lambda: sum(1 for n in everything if case.collector.outcome(n)), interval=1)
    missing = [n for n in everything if not case.collector.outcome(n)]
    twice = [n for n in everything if sum(case.collector.counts(n)) > 1]
    if missing:
        case.row.fail(f"{len(missing)} of {len(everything)} files never processed (e.g. {missing[0]})")
    if twice:
        case.row.fail(f"{len(twice)} files processed more than once (e.g. {twice[0]})")
    # Whole, not fragments: the journaled article is the whole text (same id as offline).
    whole_dir = os.path.join(case.dir, "whole")
    os.makedirs(whole_dir)
    for n, text in slow_texts.items():
        open(os.path.join(whole_dir, n), "w", encoding="utf-8").write(text)
    offline = subprocess.run([suite.missiond, "extract", "--rules", suite.rules, whole_dir],
                             capture_output=True, text=True)
    whole_ids = {}
    for line in offline.stdout.splitlines():
        e = json.loads(line)
        whole_ids[e["article"]["name"]] = e["article"]["id"]
    fragments = []
    for n in slow:
        outcomes = (case.collector.done.get(n, []) + case.collector.rejected.get(n, []))
        if any(o.get("article", {}).get("id") != whole_ids.get(n) for o in outcomes):
            fragments.append(n)
    if fragments:
        case.row.fail(f"{len(fragments)} of {len(slow)} half-written files journaled as fragments")
    left = inbox_entries(inbox)
    if left:
        case.row.fail(f"{len(left)} files left in the inbox")
    audit(suite, case.daemon, case.collector, [n for n in everything if n not in missing], case.row, wait=30)
    case.row.note(f"{count} small files + {len(slow)} slow writers, each processed once, whole")


HOSTILE_NAMES = [
    b"bad-\xff\xfe-utf8.txt",
    b"latin1-caf\xe9.txt",
    b"n" * 251 + b".txt",
    b"line1\nFAKE-LOG-LINE error forged by a name.txt",
    b"esc-\x1b[31mred\x1b[0m-\x1b]0;title\x07.txt",
    b"cr-\rFAKE-LOG-LINE overwritten.txt",
    b"bell-\x07-del-\x7f-bs-\x08.txt",
    b"tab\there.txt",
    "c1-\u009b31m-csi.txt".encode(),
    "bidi-\u202eexe.txt".encode(),
]


def case_hostile_names(suite, case):
    case.start()
    inbox = case.daemon.inbox
    # Each name three times: an article, the same text again (a duplicate) and a body that
    # is refused, so the names reach the log lines of all three outcomes.
    binary = b"\x00\x01\x02\xff binary, not an article"
    files = 0
    for name in HOSTILE_NAMES:
        text = suite.articles.normal("name")
        for prefix, body in ((b"", text), (b"dup-", text), (b"bin-", binary)):
            drop_file(inbox, (prefix + name)[:255], body)     # 255 bytes: NAME_MAX
            files += 1
    intake = Intake(suite.ctx, case.daemon.intake)
    items = []
    for name in HOSTILE_NAMES + [b"s" * 10000, b"\x00nul-name"]:
        text = suite.articles.normal("sockname").encode()
        items += [(b"sock-" + name, text), (b"sock-dup-" + name, text), (b"sock-bin-" + name, binary)]
    socket_names = [n for n, _ in items]
    replies = intake.send_all(items, window=1, timeout=60, stall=15, resend=False)
    intake.close()
    case.row.inputs = files + len(socket_names)
    if len(replies) < len(socket_names):
        case.row.fail(f"{len(socket_names) - len(replies)} socket articles without a reply")
    if intake.unmatched:
        echoed = sorted({u[2][:20] for u in intake.unmatched if len(u) > 2})
        case.row.fail(f"{len(intake.unmatched)} socket replies without the name sent "
                      f"(wire.md: frame 3 is the client's name; got {echoed})")
    wait_until(lambda: not inbox_entries(inbox), timeout=60, stall=20,
               progress=lambda: len(inbox_entries(inbox)))
    stuck = inbox_entries(inbox)
    if stuck:
        case.row.fail(f"{len(stuck)} files stuck in the inbox (e.g. {stuck[0][:40]!r})")
    time.sleep(1)   # the log lines about the last files
    log = case.daemon.log_bytes()
    raw = sorted({c for c in log if (c < 0x20 and c not in (0x0A,)) or c == 0x7F})
    text = log.decode("utf-8", "replace")
    c1 = sorted({hex(ord(c)) for c in text if 0x80 <= ord(c) <= 0x9F})
    forged = [l for l in text.splitlines() if l.startswith("FAKE-LOG-LINE") or "\rFAKE" in l]
    if raw:
        case.row.fail(f"raw control bytes in stderr: {', '.join(hex(c) for c in raw)}")
    if c1:
        case.row.fail(f"C1 control characters in stderr: {', '.join(c1)}")
    if forged:
        case.row.fail("a name forged a log line")
    acked_ids = {r[1] for r in replies.values() if r[0] in ("ok", "duplicate")}
    audit(suite, case.daemon, case.collector, [], case.row, wait=60, acked_ids=acked_ids)
    wait_until(lambda: acked_ids <= case.collector.ids, timeout=30)
    audit(suite, case.daemon, case.collector, [], case.row, wait=1, acked_ids=acked_ids)
    statuses = {}
    for r in replies.values():
        statuses[r[0]] = statuses.get(r[0], 0) + 1
    case.row.note(f"inbox emptied; socket replies {statuses}; stderr clean")


CASES = [
    ("poison", case_poison),
    ("extreme-fuzz", case_fuzz),
    ("html-flood", case_html_flood),
    ("replay-flood", case_replay_flood),
    ("intake-flood", case_intake_flood),
] + [(name, (lambda damage: lambda suite, case: case_corruption(suite, case, damage))(fn))
     for name, fn in damages().items()] + [
    ("emfile", case_emfile),
    ("disk-full", case_disk_full),
    ("inotify-flood", case_inotify_flood),
    ("hostile-names", case_hostile_names),
]


# ---------------------------------------------------------------------------------------
# The suite

class Suite:
    def __init__(self, a):
        self.missiond = os.path.abspath(a.missiond)
        self.rules = os.path.abspath(a.rules)
        self.short = a.short
        self.seed = a.seed
        self.articles = Articles(a.seeds)
        self.memory_limit = memory_limit(a.config)
        self.ctx = zmq.Context()
        self.work = tempfile.mkdtemp(prefix="missiond-faults-")
        self.corruption_base = CorruptionBase(self)


def run_case(suite, name, fn):
    case = Case(suite, name)
    started = time.time()
    try:
        fn(suite, case)
    except CaseError as e:
        case.row.fail(str(e))
    except Exception as e:   # a harness error is this case's failure, never the suite's end
        case.row.fail(f"harness error: {type(e).__name__}: {e}")
        traceback.print_exc()
    finally:
        try:
            case.finish()
        except Exception as e:
            case.row.fail(f"harness error at stop: {e}")
    case.row.seconds = time.time() - started
    case.row.verdict = "FAIL" if case.row.problems else "PASS"
    case.row.dir = case.dir
    return case.row


def table(rows, markdown):
    head = ["case", "inputs", "crashes", "lost", "dup", "peak RSS MiB", "verdict", "s", "reason"]
    cells = [[r.name, str(r.inputs), str(r.crashes), str(r.lost), str(r.duplicates),
              "-" if r.rss_mib is None else f"{r.rss_mib:.1f}", r.verdict, f"{r.seconds:.0f}",
              r.reason().replace("|", "/")] for r in rows]
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(c) + " |" for c in cells]
        return "\n".join(lines)
    widths = [max(len(h), *(len(c[i]) for c in cells)) if i < len(head) - 1 else 0 for i, h in enumerate(head)]
    fmt = lambda row: "  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip()
    return "\n".join([fmt(head)] + [fmt(c) for c in cells])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--missiond", default=os.path.join(ROOT, ".build", "debug", "missiond"))
    ap.add_argument("--seeds", default=os.path.join(ROOT, "seeds"))
    ap.add_argument("--rules", default=os.path.join(ROOT, "Config", "rules"))
    ap.add_argument("--config", default=os.path.join(ROOT, "Config", "missiond.yml"),
                    help="the shipped config, read for memory_budget")
    ap.add_argument("--short", action="store_true", help="CI mode: smaller counts, about 3 minutes")
    ap.add_argument("--only", default="", help="comma-separated case names to run")
    ap.add_argument("--expect-fail", default="", help="comma-separated cases allowed to fail (fix not merged yet)")
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--keep", action="store_true", help="keep the temporary directories")
    a = ap.parse_args()
    known = [n for n, _ in CASES]
    only = [n for n in a.only.split(",") if n]
    expect_fail = {n for n in a.expect_fail.split(",") if n}
    for n in only + sorted(expect_fail):
        if n not in known:
            ap.error(f"unknown case {n!r}; cases: {', '.join(known)}")
    random.seed(a.seed)
    suite = Suite(a)
    mode = "short" if a.short else "full"
    print(f"fault suite ({mode}, seed {a.seed}, memory limit {suite.memory_limit[0] // MiB} MiB "
          f"from {suite.memory_limit[1]} + 64) on {suite.missiond}; work {suite.work}", flush=True)
    rows = []
    for name, fn in CASES:
        if only and name not in only:
            continue
        row = run_case(suite, name, fn)
        if row.verdict == "FAIL" and name in expect_fail:
            row.verdict = "XFAIL"
        elif row.verdict == "PASS" and name in expect_fail:
            row.verdict = "XPASS"
        rows.append(row)
        print(f"  {name}: {row.verdict} ({row.seconds:.0f} s) {row.reason()}", flush=True)
    suite.ctx.destroy(linger=0)
    print()
    print(table(rows, markdown=False))
    print()
    print(table(rows, markdown=True))
    failed = [r.name for r in rows if r.verdict == "FAIL"]
    xpass = [r.name for r in rows if r.verdict == "XPASS"]
    print()
    if xpass:
        print(f"XPASS (fixed: remove from --expect-fail): {','.join(xpass)}")
    print(f"{sum(r.verdict == 'PASS' for r in rows)} passed, {len(failed)} failed, "
          f"{sum(r.verdict == 'XFAIL' for r in rows)} expected failures, {len(xpass)} unexpectedly passed")
    if failed or a.keep:
        print(f"daemon logs kept in {suite.work}")
    else:
        shutil.rmtree(suite.work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
