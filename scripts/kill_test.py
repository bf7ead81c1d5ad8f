#!/usr/bin/env python3
"""The driver of scripts/kill-test: crash safety of checkout, payment, fulfilment and mail.

Runs the release server itself and SIGKILLs it at random moments (every KILL_MIN_S–KILL_MAX_S
seconds, default 2–6), restarting it at once on the same database and SMTP sink. Meanwhile
KILL_CONCURRENCY customers (default 8) place KILL_RENEWALS renewals (default 1000) and
KILL_NEW_ESIMS new-eSIM orders (default 100), all paid in TEST MODE through HTTP. A request the
kill cut off is retried the way a customer's browser does it: the checkout form keeps its one-time
request key, so placing again finds the same order and its open payment, and paying again pays
that payment; the order page (`orders/get`) says when it is paid.

Then it waits for the background workers to drain (payment events, reconciliation, the outbox),
stops the server and checks the database and the Maildir: every order paid once and fulfilled
once, one bundle per line, no profile allocated twice, the ledger balanced per transaction and per
order, each outbox row sent and in the Maildir exactly once (by its Message-ID
<outbox-id@roamdesk.outbox>). Exits 1 on any violation.
"""
import argparse
import asyncio
import collections
import email.parser
import json
import os
import random
import signal
import sys
import time

import aiohttp

from loadkit import (
    Browser, Db, HttpError, ORDER_PATH, PAY_PATH, TEST_CARD_OK, add_stock, create_load_customers,
    env_float, env_int, plan_slugs, request_key_of,
)


class Server:
    """The release server as a child process, killed and restarted."""

    running = []

    def __init__(self, binary, log_path, base):
        Server.running.append(self)
        self.binary = binary
        self.log = open(log_path, "ab")
        self.base = base
        self.proc = None
        self.starts = 0
        self.kills = 0
        self.kill_times = []

    async def start(self):
        self.log.write(f"\n===== start {self.starts + 1} at {time.strftime('%H:%M:%S')} =====\n".encode())
        self.log.flush()
        self.proc = await asyncio.create_subprocess_exec(self.binary, stdout=self.log, stderr=self.log)
        self.starts += 1
        await self.wait_ready()

    async def wait_ready(self, timeout=60.0):
        deadline = time.monotonic() + timeout
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as s:
            while time.monotonic() < deadline:
                if self.proc.returncode is not None:
                    raise SystemExit(f"the server exited with {self.proc.returncode} while starting")
                try:
                    async with s.get(self.base + "/healthz") as r:
                        if r.status == 200:
                            return
                except (aiohttp.ClientError, asyncio.TimeoutError, OSError):
                    pass
                await asyncio.sleep(0.05)
        raise SystemExit("the server did not become ready in time")

    async def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        await self.proc.wait()
        self.kills += 1
        self.kill_times.append(time.monotonic())

    async def stop(self):
        if self.proc and self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.proc.wait(), 30)
            except asyncio.TimeoutError:
                self.proc.kill()
                await self.proc.wait()


class Counters:
    def __init__(self):
        self.requests = collections.Counter()
        self.failed = collections.Counter()  # by kind: transport, HTTP status
        self.samples = collections.Counter()

    def record(self, route, seconds, error):
        self.requests[route] += 1
        if error:
            kind = "transport" if "HTTP " not in error else "HTTP " + error.split("HTTP ", 1)[1][:3]
            self.failed[kind] += 1
            self.samples[error[:200]] += 1


async def killer(server: Server, done: asyncio.Event, low: float, high: float):
    while not done.is_set():
        try:
            await asyncio.wait_for(done.wait(), random.uniform(low, high))
            return
        except asyncio.TimeoutError:
            pass
        await server.kill()
        await server.start()


class Customer:
    def __init__(self, base, user, counters):
        self.user = user
        self.browser = Browser(base, timeout=20, record=counters.record)
        self.signed_in = False

    async def ensure_signed_in(self):
        while not self.signed_in:
            try:
                await self.browser.sign_in(self.user["email"], route="sign-in")
                self.signed_in = True
            except HttpError:
                await asyncio.sleep(0.25)


async def one_order(c: Customer, job: dict, stats: dict, max_tries: int) -> dict:
    """Places and pays one order, retrying as a customer would; returns what the client saw."""
    esim = c.user["esim"] if job["kind"] == "renewal" else None
    fields = {"plan": job["plan"]}
    if esim:
        fields["esim"] = esim
    checkout = f"/checkout?plan={job['plan']}" + (f"&esim={esim}" if esim else "")
    tries = 0

    async def handle(e: HttpError):
        nonlocal tries
        tries += 1
        stats["retries"] += 1
        if tries > max_tries:
            raise SystemExit(f"order {job['n']} still not paid after {max_tries} tries: {e}")
        if e.status in (401, 302, 303):
            c.signed_in = False
        await asyncio.sleep(0.2)
        await c.ensure_signed_in()

    await c.ensure_signed_in()
    # The checkout page holds the form with its one-time key; a reload before placing gives a
    # new key, and that is fine: no order exists yet.
    while True:
        try:
            key = request_key_of(await c.browser.page("checkout page", checkout))
            break
        except HttpError as e:
            await handle(e)
    order_id = None
    while True:
        try:
            target = await c.browser.form("place", "/api/checkout/place", {**fields, "request_key": key})
            if (m := ORDER_PATH.match(str(target))) is not None:
                order_id = m.group(1)  # already paid: the order's page
            elif (m := PAY_PATH.match(str(target))) is not None:
                paid = await c.browser.form("pay", "/api/pay/test", {"payment": m.group(1), "card": TEST_CARD_OK})
                m2 = ORDER_PATH.match(str(paid))
                if m2 is None:
                    raise HttpError(f"pay: unexpected answer {paid!r}", 200)
                order_id = m2.group(1)
            else:
                raise HttpError(f"place: unexpected answer {target!r}", 200)
            view = await c.browser.json_call("order", "/api/orders/get", {"id": order_id, "returning": "true"})
            # OrderView.status is the enum's variant name: "Paid", "Fulfilled", "AwaitingPayment"…
            status = str(view.get("status")).lower() if isinstance(view, dict) else None
            if status in ("paid", "fulfilled"):
                return {"order": order_id, "status": status, "key": key}
            stats["not_yet_paid"] += 1
            raise HttpError(f"order {order_id} is {status!r} after paying", 200)
        except HttpError as e:
            await handle(e)


async def customer_worker(base, users, jobs, counters, stats, results, max_tries):
    customers = [Customer(base, u, counters) for u in users]
    try:
        for i, job in enumerate(jobs):
            c = customers[i % len(customers)]
            job["customer"] = c.user["email"]
            results.append({**job, **await one_order(c, job, stats, max_tries)})
            stats["done"] += 1
    finally:
        for c in customers:
            await c.browser.close()


def read_maildir(path):
    """Message-IDs of every message in the Maildir, with how often each arrived."""
    seen = collections.Counter()
    parser = email.parser.BytesHeaderParser()
    for sub in ("new", "cur"):
        d = os.path.join(path, sub)
        if not os.path.isdir(d):
            continue
        for name in os.listdir(d):
            with open(os.path.join(d, name), "rb") as f:
                msg = parser.parse(f)
            seen[(msg.get("Message-ID") or "").strip()] += 1
    return seen


def maildir_count(path):
    return sum(len(os.listdir(os.path.join(path, s))) for s in ("new", "cur") if os.path.isdir(os.path.join(path, s)))


LOAD_ORDERS = "SELECT o.* FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.email LIKE 'load-%'"


def drain_state(db: Db, maildir: str) -> dict:
    row = db.rows(f"""
SELECT (SELECT count(*) FROM ({LOAD_ORDERS}) o WHERE o.status = 'paid'),
       (SELECT count(*) FROM ({LOAD_ORDERS}) o WHERE o.status = 'awaiting_payment'),
       (SELECT count(*) FROM payment_events WHERE processed_at IS NULL AND attempts < 20),
       (SELECT count(*) FROM outbox_emails WHERE status = 'pending'),
       (SELECT count(*) FROM outbox_emails WHERE status = 'sent')""")[0]
    return {"paid_undelivered": int(row[0]), "awaiting": int(row[1]), "events": int(row[2]),
            "outbox_pending": int(row[3]), "outbox_sent": int(row[4]), "maildir": maildir_count(maildir)}


def check(db: Db, maildir: str, results: list, expected_orders: int, kills: int) -> tuple[dict, list[str]]:
    """The invariants after the run. Returns (figures, violations)."""
    v = []
    figures = {}

    def count(sql):
        return int(db.value(sql) or 0)

    def listing(title, sql, limit=10):
        rows = db.rows(sql)
        if rows:
            v.append(f"{title}: {len(rows)} (e.g. {'; '.join(' '.join(r) for r in rows[:limit])})")
        return len(rows)

    orders = db.rows(f"SELECT o.id, o.status, o.total_minor FROM ({LOAD_ORDERS}) o")
    by_status = collections.Counter(r[1] for r in orders)
    figures["orders"] = len(orders)
    figures["by_status"] = dict(by_status)
    client_ids = {r["order"] for r in results}
    db_ids = {r[0] for r in orders}
    figures["confirmed_by_client"] = len(client_ids)
    if len(orders) != expected_orders:
        v.append(f"{len(orders)} orders in the database for {expected_orders} placed")
    if client_ids != db_ids:
        v.append(f"orders the client does not know: {len(db_ids - client_ids)}; "
                 f"orders the client saw but the database lacks: {len(client_ids - db_ids)}")
    if len(client_ids) != len(results):
        v.append(f"two placements ended on the same order: {len(results) - len(client_ids)}")
    not_fulfilled = [r for r in orders if r[1] != "fulfilled"]
    if not_fulfilled:
        v.append(f"{len(not_fulfilled)} orders not fulfilled: "
                 + ", ".join(f"{r[0]} {r[1]}" for r in not_fulfilled[:10]))

    # Payments: each order paid exactly once, for its total.
    figures["payments"] = count(f"SELECT count(*) FROM payments p JOIN ({LOAD_ORDERS}) o ON o.id = p.order_id")
    figures["payments_succeeded"] = count(
        f"SELECT count(*) FROM payments p JOIN ({LOAD_ORDERS}) o ON o.id = p.order_id WHERE p.status = 'succeeded'")
    figures["payments_left_pending"] = count(
        f"SELECT count(*) FROM payments p JOIN ({LOAD_ORDERS}) o ON o.id = p.order_id WHERE p.status = 'pending'")
    figures["paid_twice"] = listing("orders paid twice", f"""
        SELECT o.id, count(*) FROM payments p JOIN ({LOAD_ORDERS}) o ON o.id = p.order_id
        WHERE p.status = 'succeeded' GROUP BY o.id HAVING count(*) > 1""")
    listing("fulfilled orders without a succeeded payment", f"""
        SELECT o.id FROM ({LOAD_ORDERS}) o WHERE o.status = 'fulfilled' AND o.total_minor > 0
          AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.status = 'succeeded')""")
    listing("payments not equal to the order total", f"""
        SELECT o.id, p.amount_minor, o.total_minor FROM payments p JOIN ({LOAD_ORDERS}) o ON o.id = p.order_id
        WHERE p.status = 'succeeded' AND p.amount_minor <> o.total_minor""")

    # Ledger: every transaction balanced; one payment posting per succeeded payment and none for
    # others; per order, the clearing account holds payments minus refunds and sales the opposite.
    listing("unbalanced ledger transactions", """
        SELECT t.id, e.currency, sum(e.amount_minor) FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id
        GROUP BY t.id, e.currency HAVING sum(e.amount_minor) <> 0""")
    listing("ledger transactions without two entries", """
        SELECT t.id, count(e.id) FROM ledger_transactions t LEFT JOIN ledger_entries e ON e.transaction_id = t.id
        GROUP BY t.id HAVING count(e.id) <> 2""")
    figures["ledger_transactions"] = count(
        f"SELECT count(*) FROM ledger_transactions t JOIN ({LOAD_ORDERS}) o ON o.id = t.order_id")
    listing("payments posted to the ledger other than once", f"""
        SELECT p.id, p.status, count(t.id) FROM payments p JOIN ({LOAD_ORDERS}) o ON o.id = p.order_id
        LEFT JOIN ledger_transactions t ON t.payment_id = p.id AND t.kind = 'payment'
        GROUP BY p.id, p.status HAVING count(t.id) <> CASE WHEN p.status = 'succeeded' THEN 1 ELSE 0 END""")
    listing("orders whose ledger does not match payments minus refunds", f"""
        WITH o AS ({LOAD_ORDERS}),
        paid AS (SELECT order_id, sum(amount_minor) AS s FROM payments WHERE status = 'succeeded' GROUP BY order_id),
        refunded AS (SELECT order_id, sum(amount_minor) AS s FROM refunds WHERE status = 'succeeded' GROUP BY order_id),
        clearing AS (SELECT t.order_id, sum(e.amount_minor) AS s FROM ledger_transactions t
                     JOIN ledger_entries e ON e.transaction_id = t.id WHERE e.account LIKE 'clearing:%' GROUP BY t.order_id),
        sales AS (SELECT t.order_id, sum(e.amount_minor) AS s FROM ledger_transactions t
                  JOIN ledger_entries e ON e.transaction_id = t.id WHERE e.account LIKE 'sales:%' GROUP BY t.order_id)
        SELECT o.id, coalesce(paid.s, 0) - coalesce(refunded.s, 0), coalesce(clearing.s, 0), coalesce(sales.s, 0)
        FROM o LEFT JOIN paid ON paid.order_id = o.id LEFT JOIN refunded ON refunded.order_id = o.id
        LEFT JOIN clearing ON clearing.order_id = o.id LEFT JOIN sales ON sales.order_id = o.id
        WHERE coalesce(paid.s, 0) - coalesce(refunded.s, 0) <> coalesce(clearing.s, 0)
           OR coalesce(clearing.s, 0) <> -coalesce(sales.s, 0)""")

    # Fulfilment: one bundle per line, each new eSIM's profile allocated once, to its buyer.
    figures["lines"] = count(f"SELECT count(*) FROM order_lines l JOIN ({LOAD_ORDERS}) o ON o.id = l.order_id")
    figures["bundles"] = count(
        f"SELECT count(*) FROM esim_bundles b JOIN order_lines l ON l.id = b.order_line_id JOIN ({LOAD_ORDERS}) o ON o.id = l.order_id")
    listing("order lines without exactly one bundle", f"""
        SELECT l.id, count(b.id) FROM order_lines l JOIN ({LOAD_ORDERS}) o ON o.id = l.order_id
        LEFT JOIN esim_bundles b ON b.order_line_id = l.id WHERE o.status = 'fulfilled'
        GROUP BY l.id HAVING count(b.id) <> 1""")
    figures["profiles_allocated"] = count("SELECT count(*) FROM esim_profiles WHERE allocation_key LIKE 'line:%'")
    figures["new_esim_lines"] = count(
        f"SELECT count(*) FROM order_lines l JOIN ({LOAD_ORDERS}) o ON o.id = l.order_id WHERE l.kind = 'new_esim'")
    listing("new-eSIM lines whose profile is missing or not theirs", f"""
        SELECT l.id FROM order_lines l JOIN ({LOAD_ORDERS}) o ON o.id = l.order_id
        LEFT JOIN esim_profiles p ON p.id = l.esim_id
        WHERE l.kind = 'new_esim' AND o.status = 'fulfilled'
          AND (p.id IS NULL OR p.allocation_key IS DISTINCT FROM 'line:' || l.id || ':profile'
               OR p.customer_id IS DISTINCT FROM o.customer_id)""")
    listing("profiles on more than one order line", """
        SELECT esim_id, count(*) FROM order_lines WHERE kind = 'new_esim' AND esim_id IS NOT NULL
        GROUP BY esim_id HAVING count(*) > 1""")
    if figures["profiles_allocated"] != figures["new_esim_lines"]:
        v.append(f"{figures['profiles_allocated']} profiles allocated for {figures['new_esim_lines']} new-eSIM lines")

    # The state machine: one step to paid and one to fulfilled per order.
    listing("orders with other than one step to paid and one to fulfilled", f"""
        SELECT o.id, count(*) FILTER (WHERE t.to_status = 'paid'), count(*) FILTER (WHERE t.to_status = 'fulfilled')
        FROM ({LOAD_ORDERS}) o LEFT JOIN order_transitions t ON t.order_id = o.id
        GROUP BY o.id HAVING count(*) FILTER (WHERE t.to_status = 'paid') <> 1
                         OR count(*) FILTER (WHERE t.to_status = 'fulfilled') <> 1""")

    # Mail: one receipt per fulfilled order, every outbox row sent, each in the Maildir once.
    listing("fulfilled orders without exactly one receipt in the outbox", f"""
        SELECT o.id, count(m.id) FROM ({LOAD_ORDERS}) o
        LEFT JOIN outbox_emails m ON m.dedupe_key = 'order:' || o.id || ':receipt'
        WHERE o.status = 'fulfilled' GROUP BY o.id HAVING count(m.id) <> 1""")
    outbox = db.rows("SELECT id, status, attempts FROM outbox_emails")
    figures["outbox_rows"] = len(outbox)
    figures["outbox_sent"] = sum(1 for r in outbox if r[1] == "sent")
    figures["outbox_resent_attempts"] = sum(1 for r in outbox if int(r[2]) > 1)
    not_sent = [r for r in outbox if r[1] != "sent"]
    if not_sent:
        v.append(f"{len(not_sent)} outbox rows not sent: " + ", ".join(f"{r[0]} {r[1]}" for r in not_sent[:10]))
    seen = read_maildir(maildir)
    expected = {f"<{r[0]}@roamdesk.outbox>" for r in outbox}
    figures["mails_expected"] = len(expected)
    figures["mails_received"] = sum(seen.values())
    figures["mails_distinct"] = len(seen)
    lost = expected - set(seen)
    dups = {k: n for k, n in seen.items() if n > 1}
    unknown = set(seen) - expected
    figures["mails_lost"] = len(lost)
    figures["mails_duplicated"] = sum(n - 1 for n in dups.values())
    figures["mails_unknown"] = len(unknown)
    if lost:
        v.append(f"{len(lost)} mails never arrived, e.g. {sorted(lost)[:5]}")
    # SMTP cannot be exactly-once across a crash: a kill after the relay took a mail and before
    # the outbox recorded it sends that mail again after the restart, with the same Message-ID,
    # so the receiver can drop the copy. One mail worker per server sends one mail at a time,
    # so each kill can cause at most one such copy; any more, or a copy sent twice more, is a bug.
    if any(n > 2 for n in dups.values()) or figures["mails_duplicated"] > kills:
        v.append(f"{len(dups)} mails arrived more than once ({figures['mails_duplicated']} extra copies, "
                 f"more than the {kills} kills explain), e.g. {sorted(dups.items())[:5]}")
    if unknown:
        v.append(f"{len(unknown)} mails in the Maildir match no outbox row, e.g. {sorted(unknown)[:5]}")
    return figures, v


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--server", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--maildir", required=True)
    ap.add_argument("--db-port", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    renewals = env_int("KILL_RENEWALS", 1000)
    new_esims = env_int("KILL_NEW_ESIMS", 100)
    concurrency = env_int("KILL_CONCURRENCY", 8)
    users_n = env_int("KILL_USERS", 48)
    low, high = env_float("KILL_MIN_S", 2.0), env_float("KILL_MAX_S", 6.0)
    drain_timeout = env_int("KILL_DRAIN_SECONDS", 240)
    max_tries = env_int("KILL_MAX_TRIES", 300)

    server = Server(args.server, args.log, args.base)
    await server.start()
    db = Db(args.db_port, args.db)
    users = create_load_customers(db, users_n)
    add_stock(db, new_esims + 10)
    _, topups = plan_slugs(db)

    jobs = [{"n": i, "kind": "renewal", "plan": random.choice(topups)} for i in range(renewals)]
    jobs += [{"n": renewals + i, "kind": "new_esim", "plan": random.choice(topups)} for i in range(new_esims)]
    random.shuffle(jobs)
    per_worker = [[] for _ in range(concurrency)]
    for i, job in enumerate(jobs):
        per_worker[i % concurrency].append(job)
    user_groups = [users[w::concurrency] for w in range(concurrency)]

    counters = Counters()
    stats = collections.Counter()
    results = []
    done = asyncio.Event()
    started = time.monotonic()
    print(f"    {renewals} renewals and {new_esims} new-eSIM orders by {concurrency} customers at a time "
          f"({users_n} accounts); SIGKILL every {low:g}–{high:g} s", flush=True)
    kill_task = asyncio.create_task(killer(server, done, low, high))

    async def progress():
        while True:
            await asyncio.sleep(15)
            print(f"    {time.monotonic() - started:5.0f} s: {stats['done']} of {len(jobs)} orders paid, "
                  f"{server.kills} kills, {stats['retries']} retries", flush=True)

    reporter = asyncio.create_task(progress())
    workers = [asyncio.create_task(customer_worker(args.base, user_groups[w], per_worker[w], counters, stats,
                                                   results, max_tries))
               for w in range(concurrency)]
    try:
        await asyncio.gather(*workers)
    finally:
        done.set()
        await kill_task
        reporter.cancel()
    driven = time.monotonic() - started
    print(f"    all {len(results)} orders confirmed paid by the client in {driven:.0f} s; {server.kills} kills", flush=True)

    # The last server stays up: its workers deliver what the kills left behind.
    drain_started = time.monotonic()
    while True:
        state = drain_state(db, args.maildir)
        drained = (state["paid_undelivered"] == 0 and state["events"] == 0 and state["outbox_pending"] == 0
                   and state["maildir"] >= state["outbox_sent"])
        if drained or time.monotonic() - drain_started > drain_timeout:
            break
        await asyncio.sleep(1)
    drain_s = time.monotonic() - drain_started
    await asyncio.sleep(1)  # a message being written by the SMTP sink
    await server.stop()
    print(f"    workers drained in {drain_s:.0f} s: {json.dumps(state)}", flush=True)

    figures, violations = check(db, args.maildir, results, len(jobs), server.kills)
    if not drained:
        violations.insert(0, f"not drained after {drain_timeout} s: {json.dumps(state)}")
    interrupted = counters.failed.get("transport", 0)
    by_status = ", ".join(f"{k}: {n}" for k, n in sorted(counters.failed.items()) if k != "transport") or "none"
    lines = [
        f"{renewals} renewals and {new_esims} new-eSIM orders, each placed and paid in TEST MODE over HTTP by "
        f"{concurrency} customers at a time, while the release server was SIGKILLed every {low:g}–{high:g} s "
        f"and restarted on the same database and SMTP sink.",
        "",
        "| figure | value |",
        "|---|---:|",
        f"| server kills (SIGKILL) | {server.kills} |",
        f"| server starts | {server.starts} |",
        f"| time to place and pay all orders | {driven:.0f} s |",
        f"| HTTP requests | {sum(counters.requests.values())} |",
        f"| requests cut off by a kill (transport errors) | {interrupted} |",
        f"| other failed answers, by status | {by_status} |",
        f"| retries by the client | {stats['retries']} |",
        f"| orders still awaiting payment after paying (paid again) | {stats['not_yet_paid']} |",
        f"| orders placed (database) | {figures['orders']} |",
        f"| orders confirmed paid by the client | {figures['confirmed_by_client']} |",
        f"| orders by status | {', '.join(f'{k}: {n}' for k, n in sorted(figures['by_status'].items()))} |",
        f"| payments opened / succeeded / left pending | {figures['payments']} / {figures['payments_succeeded']} / {figures['payments_left_pending']} |",
        f"| orders paid twice | {figures['paid_twice']} |",
        f"| order lines / bundles delivered | {figures['lines']} / {figures['bundles']} |",
        f"| new-eSIM lines / profiles allocated | {figures['new_esim_lines']} / {figures['profiles_allocated']} |",
        f"| ledger transactions (all balanced: {'yes' if not any('unbalanced' in x for x in violations) else 'NO'}) | {figures['ledger_transactions']} |",
        f"| outbox rows / sent | {figures['outbox_rows']} / {figures['outbox_sent']} |",
        f"| outbox rows sent after more than one attempt | {figures['outbox_resent_attempts']} |",
        f"| mails expected / received / distinct | {figures['mails_expected']} / {figures['mails_received']} / {figures['mails_distinct']} |",
        f"| mails lost / duplicated / unknown | {figures['mails_lost']} / {figures['mails_duplicated']} / {figures['mails_unknown']} |",
        f"| drain after the last kill | {drain_s:.0f} s |",
        "",
    ]
    if violations:
        lines.append("Violations:")
        lines.append("")
        lines += [f"- {x}" for x in violations]
        lines.append("")
    lines.append("Result: " + (f"FAIL ({len(violations)} violations)" if violations else "pass"))
    report = "\n".join(lines) + "\n"
    with open(args.out, "w") as f:
        f.write(report)
    print()
    print(report)
    if counters.samples:
        print("    failed requests, most frequent:")
        for msg, n in counters.samples.most_common(8):
            print(f"      {n} × {msg}")
    return 1 if violations else 0


async def run():
    try:
        return await main()
    finally:
        # Whatever happened, no server is left running.
        for server in Server.running:
            if server.proc and server.proc.returncode is None:
                server.proc.send_signal(signal.SIGKILL)
                await server.proc.wait()


if __name__ == "__main__":
    sys.exit(asyncio.run(run()))
