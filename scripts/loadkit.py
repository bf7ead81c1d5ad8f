"""Shared by scripts/load_test.py and scripts/kill_test.py: the database (through psql), the load
customers each with an eSIM to renew, and HTTP calls made the way a browser makes them.

Run with the project venv (target/venv), which has aiohttp from scripts/requirements-test.txt.
"""
import asyncio
import contextlib
import json
import math
import os
import re
import subprocess
import time

import aiohttp

from luhn import luhn_digit

# Every demo account's password (server/src/demo.rs, DEMO_PASSWORD).
DEMO_PASSWORD = "roamdesk-demo"
LOAD_DOMAIN = "load.roamdesk.test"
TEST_CARD_OK = "4242 4242 4242 4242"


class Db:
    """psql on the project-local cluster; rows come back as lists of strings."""

    def __init__(self, port: str, name: str):
        self.args = ["psql", "-X", "-q", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", name,
                     "-v", "ON_ERROR_STOP=1", "-tA", "-F", "\t"]

    def rows(self, sql: str) -> list[list[str]]:
        out = subprocess.run(self.args + ["-c", sql], check=True, capture_output=True, text=True).stdout
        return [line.split("\t") for line in out.splitlines() if line != ""]

    def value(self, sql: str) -> str:
        rows = self.rows(sql)
        return rows[0][0] if rows else ""

    def script(self, sql: str) -> None:
        subprocess.run(self.args + ["-f", "-"], input=sql, check=True, capture_output=True, text=True)


def load_email(i: int) -> str:
    return f"load-{i:05d}@{LOAD_DOMAIN}"


def create_load_customers(db: Db, n: int) -> list[dict]:
    """N verified customer accounts of the demo shop (password as the demo accounts: the same
    Argon2id hash, so no hashing here), each owning one active eSIM on a running 30-day plan.
    Returns [{email, esim}] in order. Safe to run again: existing ones are kept."""
    iccids = []
    for i in range(1, n + 1):
        body = f"8970198{i:011d}"
        iccids.append(body + luhn_digit(body))
    iccid_array = "{" + ",".join(iccids) + "}"
    db.script(f"""
BEGIN;
INSERT INTO accounts (storefront_id, email, full_name, password_hash, role, email_verified_at, preferred_language)
SELECT s.id, 'load-' || lpad(g::text, 5, '0') || '@{LOAD_DOMAIN}', 'Load User ' || g,
       (SELECT password_hash FROM accounts WHERE email = 'anna@demo.roamdesk.test'), 'customer', now(), 'en'
FROM storefronts s, generate_series(1, {n}) g
WHERE s.slug = 'demo'
ON CONFLICT DO NOTHING;
INSERT INTO customers (storefront_id, email, full_name, account_id)
SELECT a.storefront_id, a.email, a.full_name, a.id FROM accounts a
WHERE a.email LIKE 'load-%@{LOAD_DOMAIN}' AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.account_id = a.id);
INSERT INTO esim_profiles (storefront_id, iccid, smdp_address, matching_id, carrier, status, customer_id, nickname,
                           allocated_at, installed_at)
SELECT c.storefront_id, i.iccid, 'smdp.demo.roamdesk.test', 'LOAD-' || lpad(i.n::text, 5, '0'), 'Roamdesk Demo Network',
       'active', c.id, 'Load phone ' || i.n, now() - interval '3 days', now() - interval '2 days'
FROM unnest('{iccid_array}'::text[]) WITH ORDINALITY AS i (iccid, n)
JOIN customers c ON c.email = 'load-' || lpad(i.n::text, 5, '0') || '@{LOAD_DOMAIN}'
ON CONFLICT (iccid) DO NOTHING;
INSERT INTO esim_bundles (esim_id, plan_id, status, data_total_mb, data_remaining_mb, voice_total_min,
                          voice_remaining_min, sms_total, sms_remaining, starts_at, expires_at, usage_measured_at)
SELECT e.id, p.id, 'active', p.data_mb, p.data_mb, p.voice_minutes, p.voice_minutes, p.sms_count, p.sms_count,
       now() - interval '2 days', now() - interval '2 days' + make_interval(days => p.validity_days), now()
FROM esim_profiles e JOIN plans p ON p.storefront_id = e.storefront_id AND p.slug = 'china-10gb-30d'
WHERE e.matching_id LIKE 'LOAD-%' AND NOT EXISTS (SELECT 1 FROM esim_bundles b WHERE b.esim_id = e.id);
COMMIT;
""")
    rows = db.rows(f"""
SELECT c.email, e.id FROM customers c JOIN esim_profiles e ON e.customer_id = c.id
WHERE c.email LIKE 'load-%@{LOAD_DOMAIN}' AND e.matching_id LIKE 'LOAD-%'
ORDER BY c.email LIMIT {n}""")
    if len(rows) != n:
        raise SystemExit(f"expected {n} load customers with an eSIM, found {len(rows)}")
    return [{"email": r[0], "esim": r[1]} for r in rows]


def add_stock(db: Db, n: int) -> None:
    """N more unsold profiles in the demo shop's stock, for new-eSIM orders."""
    iccids = []
    for i in range(1, n + 1):
        body = f"8970197{i:011d}"
        iccids.append(body + luhn_digit(body))
    db.script(f"""
INSERT INTO esim_profiles (storefront_id, iccid, smdp_address, matching_id, carrier)
SELECT s.id, i.iccid, 'smdp.demo.roamdesk.test', 'LOAD-STOCK-' || lpad(i.n::text, 5, '0'), 'Roamdesk Demo Network'
FROM storefronts s, unnest('{{{",".join(iccids)}}}'::text[]) WITH ORDINALITY AS i (iccid, n)
WHERE s.slug = 'demo'
ON CONFLICT (iccid) DO NOTHING;
""")


def plan_slugs(db: Db) -> tuple[list[str], list[str]]:
    """(every active plan of the demo shop, those that can renew an eSIM)."""
    rows = db.rows("""SELECT p.slug, p.can_top_up FROM plans p JOIN storefronts s ON s.id = p.storefront_id
                      WHERE s.slug = 'demo' AND p.active ORDER BY p.slug""")
    return [r[0] for r in rows], [r[0] for r in rows if r[1] == "t"]


class HttpError(Exception):
    """An answer the flow did not expect (status or content), or a transport failure (status
    None)."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


class Browser:
    """One visitor: its own connection and cookies. Pages are fetched as a browser fetches them;
    forms are posted to their server function as the page's form enhancer posts them (urlencoded,
    `Accept: application/json`, same-origin `Origin`), answered with the next page's path."""

    def __init__(self, base: str, timeout: float = 30.0, record=None):
        self.base = base
        self.record = record  # record(route, seconds, error or None)
        jar = aiohttp.CookieJar(unsafe=True)  # cookies for an IP address host
        self.session = aiohttp.ClientSession(
            cookie_jar=jar,
            timeout=aiohttp.ClientTimeout(total=timeout),
            headers={"Accept-Language": "en", "User-Agent": "roamdesk-loadkit/1"},
        )

    async def close(self):
        await self.session.close()

    def forget_cookies(self):
        self.session.cookie_jar.clear()

    def _note(self, route, started, error):
        if self.record:
            self.record(route, time.perf_counter() - started, error)

    @contextlib.asynccontextmanager
    async def _measured(self, route: str):
        """Times one request and records it with its error; a transport failure is raised as an
        HttpError without a status."""
        started = time.perf_counter()
        try:
            yield
        except HttpError as e:
            self._note(route, started, str(e))
            raise
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as e:
            self._note(route, started, f"{route}: {type(e).__name__} {e}")
            raise HttpError(f"{route}: {type(e).__name__} {e}") from e
        self._note(route, started, None)

    async def page(self, route: str, path: str, expect: str | None = None) -> str:
        async with self._measured(route):
            async with self.session.get(self.base + path, allow_redirects=False,
                                        headers={"Accept": "text/html,application/xhtml+xml"}) as r:
                body = await r.text()
                if r.status != 200:
                    raise HttpError(f"{route}: HTTP {r.status} {body[:200]!r}", r.status)
                if expect is not None and expect not in body:
                    raise HttpError(f"{route}: 200 without {expect!r}", r.status)
        return body

    async def form(self, route: str, path: str, fields: dict) -> str:
        """Posts a form to a server function; returns the path it sends the browser to."""
        async with self._measured(route):
            async with self.session.post(
                self.base + path, data=fields, allow_redirects=False,
                headers={"Accept": "application/json", "Origin": self.base},
            ) as r:
                body = await r.text()
                if r.status != 200:
                    raise HttpError(f"{route}: HTTP {r.status} {body[:300]!r}", r.status)
                try:
                    target = json.loads(body)
                except ValueError:
                    raise HttpError(f"{route}: 200 but not JSON: {body[:200]!r}", r.status)
        return target

    async def json_call(self, route: str, path: str, fields: dict):
        """A server function that returns data (not a path), posted as the page's script would."""
        return await self.form(route, path, fields)

    async def sign_in(self, email: str, route="POST /api/account/sign-in") -> None:
        target = await self.form(route, "/api/account/sign-in",
                                 {"identifier": email, "password": DEMO_PASSWORD})
        if not isinstance(target, str) or not target.startswith("/"):
            raise HttpError(f"{route}: unexpected answer {target!r}")
        if not any(c.key == "rd_session" for c in self.session.cookie_jar):
            raise HttpError(f"{route}: no session cookie")


REQUEST_KEY = re.compile(r'name="request_key"[^>]*value="([^"]+)"')
PAY_PATH = re.compile(r"^/pay/test/([0-9a-f-]{36})$")
ORDER_PATH = re.compile(r"^/orders/([0-9a-f-]{36})$")


def request_key_of(checkout_html: str) -> str:
    m = REQUEST_KEY.search(checkout_html)
    if not m:
        raise HttpError("checkout page: no request_key in the pay form")
    return m.group(1)


def read_status(pid: int) -> dict:
    """VmRSS and VmHWM of a process, in kB."""
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    key, value = line.split(":", 1)
                    out[key] = int(value.split()[0])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return out


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    # Nearest rank: the smallest value with at least p % of the values at or below it.
    k = max(0, min(len(sorted_values) - 1, math.ceil(p / 100 * len(sorted_values)) - 1))
    return sorted_values[k]


def env_int(name: str, default: int) -> int:
    v = os.environ.get(name, "")
    return int(v) if v.strip() else default


def env_float(name: str, default: float) -> float:
    v = os.environ.get(name, "")
    return float(v) if v.strip() else default
