import { test, expect, hydrated } from "./fixtures";

// The weight budget (issue 14): what the catalog makes a phone download in JavaScript and
// WebAssembly, as the server sends it to a browser that accepts brotli, stays under 120 KB. The
// files are named by their content and cached for a year, so a second visit downloads none of it.
const BUDGET_BYTES = 120 * 1024;

test("the catalog's JavaScript and WebAssembly stay within budget, compressed and cached for good", async ({ page, request }) => {
  await page.goto("/");
  await hydrated(page, true);
  const urls: string[] = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .filter((u) => /\/pkg\/.+\.(js|wasm)$/.test(new URL(u).pathname)),
  );
  expect(urls.some((u) => u.endsWith(".wasm"))).toBe(true);
  expect(urls.some((u) => u.endsWith(".js"))).toBe(true);

  let total = 0;
  for (const url of new Set(urls)) {
    // Named by content: roamdesk.<hash>.js / .wasm.
    expect(new URL(url).pathname).toMatch(/^\/pkg\/roamdesk\.[A-Za-z0-9_-]{16,}\.(js|wasm)$/);
    const res = await request.get(url, { headers: { "Accept-Encoding": "br, gzip" } });
    expect(res.status()).toBe(200);
    const headers = res.headers();
    expect(headers["content-encoding"]).toBe("br");
    expect(headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const size = Number(headers["content-length"]);
    expect(size).toBeGreaterThan(0);
    total += size;
  }
  console.log(`catalog JS + WebAssembly, brotli: ${total} bytes (budget ${BUDGET_BYTES})`);
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
});
