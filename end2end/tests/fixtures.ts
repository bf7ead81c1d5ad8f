import { test as base, expect, type Page } from "@playwright/test";

/** Fails the test on any console error or uncaught page error (hydration mismatches show up there). */
export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    const errors: string[] = [];
    // A page that is meant to be a 404 (or a 403) makes Chromium log the document's status; that one
    // message, for that navigation only, is not an error of the app.
    const notFoundDocuments = new Set<string>();
    // A server function that refuses a form (wrong password, used link) answers 4xx; the form
    // shows the message, and Chromium logs the status, which is not an error of the app.
    const refusedCalls = new Set<string>();
    page.on("response", (res) => {
      if ([403, 404].includes(res.status()) && res.request().isNavigationRequest()) notFoundDocuments.add(res.url());
      if (res.status() >= 400 && res.status() < 500 && new URL(res.url()).pathname.startsWith("/api/")) refusedCalls.add(res.url());
    });
    page.on("console", (msg) => {
      if (msg.type() !== "error") return;
      // The Stripe emulator's checkout page is not ours (it answers a decline with 402).
      const emulator = process.env.STRIPE_EMULATOR_URL;
      if (emulator && msg.location().url.startsWith(emulator)) return;
      const expected404 = /status of 40[34]/.test(msg.text()) && notFoundDocuments.has(msg.location().url);
      const refusedForm = /status of 4\d\d/.test(msg.text()) && refusedCalls.has(msg.location().url);
      if (!expected404 && !refusedForm) errors.push(`${msg.text()} (${msg.location().url})`);
    });
    page.on("pageerror", (err) => errors.push(err.message));
    await use(page);
    expect(errors, "console errors").toEqual([]);
  },
});

export { expect };

/** Waits until the WASM app has hydrated (no-op without JavaScript). */
export async function hydrated(page: Page, javaScriptEnabled: boolean | undefined) {
  if (javaScriptEnabled === false) return;
  await page.waitForFunction(() => (window as any).__roamdeskHydrated === true);
}

/** Signs in through the form (a demo account's password by default) and waits for the header to say so. */
export async function signIn(page: Page, javaScriptEnabled: boolean, email: string, password = "roamdesk-demo") {
  await page.goto("/account/sign-in");
  await hydrated(page, javaScriptEnabled);
  const form = page.getByTestId("sign-in-form");
  await form.getByLabel("E-mail or phone").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

export async function cardSlugs(page: Page): Promise<string[]> {
  return page.locator('[data-testid="plan-card"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-slug")!));
}

export async function cardPrices(page: Page): Promise<number[]> {
  return page
    .locator('[data-testid="plan-card"]')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-price"))));
}
