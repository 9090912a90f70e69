#!/usr/bin/env python3
"""Crash test: nothing acknowledged is lost, nothing is published twice, seq has no gap.

Starts the real daemon on a fresh state directory, sends ARTICLES distinct articles
through the intake with a client that retries until each is acknowledged, kills the
daemon with SIGKILL at random moments KILLS times (restarting it on the same state),
then replays every mission event from seq 0 and checks:

  - every acknowledged article has all its events (the ids `missiond extract` gives
    for the same text, since ids are derived from content);
  - no event id appears twice;
  - seq runs 1, 2, 3, … with no gap.

Prints `articles kills lost duplicates gaps` and exits non-zero unless the last three
are 0. Uses only wire.md (pyzmq), so it also checks the contract.

    python3 scripts/crash_test.py --missiond .build/debug/missiond --articles 300 --kills 5

With --state DIR the run uses that state directory in place (one that already holds a long
history, such as the one `missiond bench --history N --state DIR` leaves): the checks
then cover the events after the seq the state held when the test began.
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import zmq

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def make_articles(seed_dir, out_dir, count, rng):
    """Distinct articles: sample texts with a unique closing line, so each has its own id."""
    seeds = [open(os.path.join(seed_dir, f), encoding="utf-8").read()
             for f in sorted(os.listdir(seed_dir)) if f.endswith(".txt")]
    names = []
    for i in range(count):
        name = f"crash-{i:05d}.txt"
        # After the headline, not at the end: a page's closing furniture (a list of other
        # headlines) is cut by the cleaner, and a line there would not make the article unique.
        head, _, rest = seeds[i % len(seeds)].partition("\n")
        text = head + f"\n\nReference number {i} {rng.randrange(10**9)}.\n" + rest
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as fh:
            fh.write(text)
        names.append(name)
    return names


def expected_events(missiond, rules, article_dir):
    """Article name → set of event ids, from the offline extractor."""
    out = subprocess.run([missiond, "extract", "--rules", rules, article_dir],
                         check=True, capture_output=True, text=True).stdout
    expected = {}
    for line in out.splitlines():
        event = json.loads(line)
        expected.setdefault(event["article"]["name"], set()).add(event["id"])
    return expected


class Daemon:
    def __init__(self, missiond, state, inbox, rules, ports, log_dir):
        self.cmd = [missiond, "run", "--state", state, "--inbox", inbox, "--rules", rules,
                    "--intake", f"tcp://127.0.0.1:{ports[0]}",
                    "--publish", f"tcp://127.0.0.1:{ports[1]}",
                    "--replay", f"tcp://127.0.0.1:{ports[2]}", "--metrics", "off"]
        self.log = open(os.path.join(log_dir, "daemon.log"), "ab")
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen(self.cmd, stdout=self.log, stderr=self.log)

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=60)


def send_all(ctx, endpoint, article_dir, names, daemon, kills, rng, replay, window=32):
    """Sends every article until acknowledged, killing and restarting the daemon on the way.
    Returns the acknowledged names, the kills, and how long each restart took to answer replay."""
    bodies = {n: open(os.path.join(article_dir, n), "rb").read() for n in names}
    acked, pending = set(), list(names)
    kill_at = sorted(rng.sample(range(1, len(names)), kills)) if kills else []
    killed = 0
    restarts = []

    def connect():
        sock = ctx.socket(zmq.DEALER)
        sock.setsockopt(zmq.LINGER, 0)
        sock.connect(endpoint)
        return sock

    sock = connect()
    in_flight = {}
    deadline = time.time() + 600
    while pending or in_flight:
        if time.time() > deadline:
            raise SystemExit("crash test: gave up after 600 s")
        while pending and len(in_flight) < window:
            name = pending.pop(0)
            sock.send_multipart([b"", name.encode(), bodies[name]])
            in_flight[name] = time.time()
        if killed < len(kill_at) and len(acked) >= kill_at[killed]:
            time.sleep(rng.random() * 0.05)      # a random moment, mid-stream
            daemon.kill()
            killed += 1
            restarted = time.time()
            daemon.start()
            head_seq(ctx, replay)
            restarts.append(time.time() - restarted)
            # Replies to requests sent before the kill never come: resend them all.
            sock.close()
            sock = connect()
            pending = list(in_flight) + pending
            in_flight.clear()
            continue
        if sock.poll(2000):
            frames = sock.recv_multipart()
            status, _, name = frames[1].decode(), frames[2].decode(), frames[3].decode()
            if name not in in_flight:
                continue
            del in_flight[name]
            if status in ("ok", "duplicate"):
                acked.add(name)
            else:
                raise SystemExit(f"crash test: {name} refused: {frames[2].decode()}")
        else:
            # Nothing for 2 s (daemon restarting): resend what is outstanding.
            pending = list(in_flight) + pending
            in_flight.clear()
            sock.close()
            sock = connect()
    sock.close()
    return acked, killed, restarts


def head_seq(ctx, endpoint, timeout=120):
    """The newest seq the daemon's replay socket reports (retrying while it starts)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        sock = ctx.socket(zmq.REQ)
        sock.setsockopt(zmq.LINGER, 0)
        sock.connect(endpoint)
        sock.send_multipart([b"since", str(10**18).encode(), b"1"])
        if sock.poll(2000):
            frames = sock.recv_multipart()
            sock.close()
            if frames[0] == b"events":
                return int(frames[1])
            raise SystemExit(f"crash test: replay error: {frames}")
        sock.close()
    raise SystemExit("crash test: replay socket did not answer")


def replay_all(ctx, endpoint, want_events, timeout=120, after=0):
    """Every mission event after seq `after`, waiting until the daemon has published `want_events`."""
    sock = ctx.socket(zmq.REQ)
    sock.setsockopt(zmq.LINGER, 0)
    sock.connect(endpoint)
    events, last, deadline = [], after, time.time() + timeout
    while True:
        sock.send_multipart([b"since", str(last).encode(), b"1000"])
        if not sock.poll(10000):
            raise SystemExit("crash test: replay socket did not answer")
        frames = sock.recv_multipart()
        if frames[0] != b"events":
            raise SystemExit(f"crash test: replay error: {frames}")
        batch = [json.loads(f) for f in frames[3:]]
        events.extend(batch)
        last = int(frames[1]) if batch else last
        if frames[2] == b"1":
            continue
        if len({e["id"] for e in events}) >= want_events or time.time() > deadline:
            break
        time.sleep(0.2)
    sock.close()
    return events


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--missiond", default=os.path.join(ROOT, ".build", "debug", "missiond"))
    ap.add_argument("--seeds", default=os.path.join(ROOT, "seeds"))
    ap.add_argument("--rules", default=os.path.join(ROOT, "Config", "rules"))
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--kills", type=int, default=5)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--port-base", type=int, default=25560)
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    ap.add_argument("--state", help="use this state directory in place (a big history), not a fresh one")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    work = tempfile.mkdtemp(prefix="missiond-crash-")
    try:
        article_dir, state, inbox = (os.path.join(work, d) for d in ("articles", "state", "inbox"))
        for d in (article_dir, inbox) + (() if a.state else (state,)):
            os.makedirs(d)
        if a.state:
            state = os.path.abspath(a.state)
        names = make_articles(a.seeds, article_dir, a.articles, rng)
        expected = expected_events(a.missiond, a.rules, article_dir)
        ports = (a.port_base, a.port_base + 1, a.port_base + 2)
        daemon = Daemon(a.missiond, state, inbox, a.rules, ports, log_dir=work)
        started = time.time()
        daemon.start()
        ctx = zmq.Context()
        base = head_seq(ctx, f"tcp://127.0.0.1:{ports[2]}")
        if a.state:
            print(f"state {state}: newest seq {base}, replay answered {time.time() - started:.2f} s after the start")
        acked, kills, restarts = send_all(ctx, f"tcp://127.0.0.1:{ports[0]}", article_dir, names, daemon, a.kills, rng,
                                          f"tcp://127.0.0.1:{ports[2]}")
        want = {eid for n in acked for eid in expected.get(n, ())}
        events = replay_all(ctx, f"tcp://127.0.0.1:{ports[2]}", len(want), after=base)
        code = daemon.stop()
        ctx.term()

        ids = [e["id"] for e in events]
        seqs = [e["seq"] for e in events]
        lost = len(want - set(ids))
        duplicates = len(ids) - len(set(ids))
        gaps = sum(1 for i, s in enumerate(seqs) if s != base + i + 1)
        print(f"articles {len(acked)}/{len(names)} kills {kills} events {len(events)} "
              f"lost {lost} duplicates {duplicates} gaps {gaps} exit {code} seed {a.seed}")
        if restarts:
            print(f"after SIGKILL: replay answered {min(restarts):.2f}-{max(restarts):.2f} s after the restart")
        ok = lost == 0 and duplicates == 0 and gaps == 0 and len(acked) == len(names) and code == 0
        if not ok:
            print(f"crash test FAILED; daemon log: {os.path.join(work, 'daemon.log')}", file=sys.stderr)
            a.keep = True
        return 0 if ok else 1
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
