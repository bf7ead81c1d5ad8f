#!/usr/bin/env python3
"""The load generator of scripts/load-test: N virtual users, each a customer of its own, for a
fixed time against a running server. Each user repeats one visit, with a pause between requests:

  catalogue, filtered catalogue, a plan page, sign-in, My eSIMs, the renewal checkout page of its
  eSIM, place the order, the TEST MODE pay page, pay, the order page (must say fulfilled), sign-out.

Reports per route requests, errors and p50/p95/p99 latency, and the server's memory (VmRSS idle
before the run, peak during it from VmHWM and sampling). Exits 1 on any error or a peak above the
limit. Usage: load_test.py --base URL --pid PID --db-port PORT --db NAME --out FILE
"""
import argparse
import asyncio
import collections
import os
import random
import sys
import time

from loadkit import (
    Browser, Db, HttpError, ORDER_PATH, PAY_PATH, TEST_CARD_OK, create_load_customers, env_float,
    env_int, percentile, plan_slugs, read_status, request_key_of,
)

ROUTES = [
    "GET /",
    "GET /?dest=FR&sort=price",
    "GET /plans/:slug",
    "POST /api/account/sign-in",
    "GET /esims",
    "GET /checkout?esim&plan",
    "POST /api/checkout/place",
    "GET /pay/test/:payment",
    "POST /api/pay/test",
    "GET /orders/:id",
    "POST /api/account/sign-out",
]


class Stats:
    def __init__(self):
        self.latencies = collections.defaultdict(list)
        self.errors = collections.Counter()
        self.messages = collections.Counter()
        self.renewals = 0
        self.visits = 0

    def record(self, route, seconds, error):
        self.latencies[route].append(seconds)
        if error:
            self.errors[route] += 1
            self.messages[error[:240]] += 1


async def visit(b: Browser, user: dict, plans, topups, pause, stats: Stats, deadline: float, every_visit: bool):
    def over():
        return time.monotonic() >= deadline

    async def step():
        await asyncio.sleep(pause())
        return not over()

    await b.page("GET /", "/")
    if not await step():
        return
    await b.page("GET /?dest=FR&sort=price", "/?dest=FR&sort=price")
    if not await step():
        return
    slug = random.choice(plans)
    await b.page("GET /plans/:slug", f"/plans/{slug}", expect=slug)
    if not await step():
        return
    if every_visit or not user.get("signed_in"):
        await b.sign_in(user["email"])
        user["signed_in"] = True
        if not await step():
            return
    esim = user["esim"]
    await b.page("GET /esims", "/esims", expect=f'data-esim-id="{esim}"')
    if not await step():
        return
    plan = random.choice(topups)
    html = await b.page("GET /checkout?esim&plan", f"/checkout?esim={esim}&plan={plan}")
    key = request_key_of(html)
    if not await step():
        return
    target = await b.form("POST /api/checkout/place", "/api/checkout/place",
                          {"plan": plan, "esim": esim, "request_key": key})
    m = PAY_PATH.match(target if isinstance(target, str) else "")
    if not m:
        stats.record("POST /api/checkout/place", 0.0, f"place: unexpected answer {target!r}")
        return
    payment = m.group(1)
    if not await step():
        return
    await b.page("GET /pay/test/:payment", f"/pay/test/{payment}", expect='data-testid="test-pay-form"')
    if not await step():
        return
    target = await b.form("POST /api/pay/test", "/api/pay/test", {"payment": payment, "card": TEST_CARD_OK})
    m = ORDER_PATH.match(target if isinstance(target, str) else "")
    if not m:
        stats.record("POST /api/pay/test", 0.0, f"pay: unexpected answer {target!r}")
        return
    if not await step():
        return
    await b.page("GET /orders/:id", f"/orders/{m.group(1)}", expect='data-status="fulfilled"')
    stats.renewals += 1
    if every_visit:
        if not await step():
            return
        await b.form("POST /api/account/sign-out", "/api/account/sign-out", {})
        user["signed_in"] = False
    stats.visits += 1


async def virtual_user(i, n, args, user, plans, topups, stats, deadline, start_delay):
    await asyncio.sleep(start_delay)
    think = args.think_ms / 1000.0

    def pause():
        return random.uniform(0.5, 1.5) * think

    b = Browser(args.base, record=stats.record)
    try:
        every_visit = args.sign_in == "every"
        while time.monotonic() < deadline:
            if every_visit:
                b.forget_cookies()
            try:
                await visit(b, user, plans, topups, pause, stats, deadline, every_visit)
            except HttpError as e:
                # Recorded by the browser; the visitor starts over, signing in again if refused.
                if e.status in (401, 302, 303):
                    user["signed_in"] = False
            await asyncio.sleep(pause())
    finally:
        await b.close()


async def sample_memory(pid, samples, stop):
    while not stop.is_set():
        s = read_status(pid)
        if "VmRSS" in s:
            samples.append(s["VmRSS"])
        try:
            await asyncio.wait_for(stop.wait(), 0.5)
        except asyncio.TimeoutError:
            pass


def mb(kb):
    return f"{kb / 1024:.0f} MB"


def ms(seconds):
    if seconds != seconds:  # no requests on this route
        return "–"
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--db-port", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--users", type=int, default=env_int("LOAD_USERS", 200))
    ap.add_argument("--seconds", type=int, default=env_int("LOAD_SECONDS", 300))
    ap.add_argument("--think-ms", type=int, default=env_int("LOAD_THINK_MS", 1000))
    ap.add_argument("--ramp-seconds", type=float, default=env_float("LOAD_RAMP_SECONDS", 10))
    ap.add_argument("--max-rss-mb", type=int, default=env_int("LOAD_MAX_RSS_MB", 256))
    ap.add_argument("--sign-in", choices=["every", "once"], default=os.environ.get("LOAD_SIGN_IN") or "every",
                    help="every: each visit signs in and out; once: each user signs in on its first visit only")
    ap.add_argument("--label", default="")
    args = ap.parse_args()

    db = Db(args.db_port, args.db)
    print(f"    creating {args.users} load customers, each with an eSIM", flush=True)
    users = create_load_customers(db, args.users)
    plans, topups = plan_slugs(db)

    with open("/proc/loadavg") as f:
        loadavg = f.read().split()[0]
    idle = read_status(args.pid)
    if "VmRSS" not in idle:
        raise SystemExit(f"server process {args.pid} is not running")
    print(f"    server idle: VmRSS {mb(idle['VmRSS'])}, VmHWM {mb(idle['VmHWM'])}", flush=True)

    stats = Stats()
    samples = []
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample_memory(args.pid, samples, stop))
    started = time.monotonic()
    deadline = started + args.seconds
    vus = [
        asyncio.create_task(virtual_user(
            i, args.users, args, users[i], plans, topups, stats, deadline,
            args.ramp_seconds * i / max(1, args.users)))
        for i in range(args.users)
    ]

    async def progress():
        while True:
            await asyncio.sleep(30)
            done = sum(len(v) for v in stats.latencies.values())
            rss = samples[-1] if samples else 0
            print(f"    {time.monotonic() - started:5.0f} s: {done} requests, {sum(stats.errors.values())} errors,"
                  f" {stats.renewals} renewals, server VmRSS {mb(rss)}", flush=True)

    reporter = asyncio.create_task(progress())
    await asyncio.gather(*vus)
    elapsed = time.monotonic() - started
    reporter.cancel()
    stop.set()
    await sampler
    after = read_status(args.pid)
    if "VmRSS" not in after:
        raise SystemExit("the server process died during the run")

    peak_kb = max([after.get("VmHWM", 0)] + samples)
    total_requests = sum(len(v) for v in stats.latencies.values())
    total_errors = sum(stats.errors.values())
    everything = sorted(x for v in stats.latencies.values() for x in v)

    lines = []
    lines.append(f"{args.label}{args.users} virtual users for {args.seconds} s, pause {args.think_ms // 2}–"
                 f"{args.think_ms * 3 // 2} ms between requests, {args.ramp_seconds:.0f} s ramp-up, "
                 f"{'sign-in and sign-out on every visit' if args.sign_in == 'every' else 'signed in once per user'}; "
                 f"load generator, server and PostgreSQL on the same {os.cpu_count()} cores "
                 f"(load average {loadavg} before the run); server database pool "
                 f"{os.environ.get('ROAMDESK_DB_MAX_CONNECTIONS') or '10 (default)'} connections.")
    lines.append("")
    lines.append("| route | requests | errors | p50 | p95 | p99 |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for route in ROUTES + sorted(set(stats.latencies) - set(ROUTES)):
        lat = sorted(stats.latencies.get(route, []))
        lines.append(f"| `{route}` | {len(lat)} | {stats.errors.get(route, 0)} | {ms(percentile(lat, 50))} |"
                     f" {ms(percentile(lat, 95))} | {ms(percentile(lat, 99))} |")
    lines.append(f"| all | {total_requests} | {total_errors} | {ms(percentile(everything, 50))} |"
                 f" {ms(percentile(everything, 95))} | {ms(percentile(everything, 99))} |")
    lines.append("")
    lines.append(f"{total_requests / elapsed:.0f} requests/s over {elapsed:.0f} s; {stats.renewals} renewals placed, "
                 f"paid in TEST MODE and shown fulfilled ({stats.renewals / elapsed:.1f}/s); {stats.visits} whole visits.")
    lines.append("")
    lines.append(f"Server memory: VmRSS {mb(idle['VmRSS'])} idle before the run, peak {mb(peak_kb)} during it "
                 f"(VmHWM; sampled VmRSS max {mb(max(samples) if samples else 0)}), {mb(after['VmRSS'])} after it; "
                 f"limit {args.max_rss_mb} MB.")
    failures = []
    if total_errors:
        failures.append(f"{total_errors} errors")
    if peak_kb > args.max_rss_mb * 1024:
        failures.append(f"peak RSS {mb(peak_kb)} above {args.max_rss_mb} MB")
    if stats.messages:
        lines.append("")
        lines.append("Errors (first distinct messages):")
        lines.append("")
        for msg, count in stats.messages.most_common(15):
            lines.append(f"- {count} × {msg}")
    lines.append("")
    lines.append("Result: " + ("FAIL (" + "; ".join(failures) + ")" if failures else "pass"))
    report = "\n".join(lines) + "\n"
    with open(args.out, "w") as f:
        f.write(report)
    print()
    print(report)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
