import { test, expect, hydrated } from "./fixtures";
import { messagesTo, plainText } from "./mail";
import type { Page } from "@playwright/test";

// Renewal in TEST MODE (the test server has no Stripe key), with JavaScript on and off. Each
// project renews its own customer's eSIM, so the two runs never meet.

async function signIn(page: Page, js: boolean, email: string) {
  await page.goto("/account/sign-in");
  await hydrated(page, js);
  const form = page.getByTestId("sign-in-form");
  await form.getByLabel("E-mail or phone").fill(email);
  await form.getByLabel("Password").fill("roamdesk-demo");
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

test("renew with a promo code in TEST MODE: a decline changes nothing, then payment fulfils", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  const [email, name, plan] = js
    ? ["ben@demo.roamdesk.test", "Ben's Pixel", "turkey-3gb-7d"]
    : ["chen@demo.roamdesk.test", "Chen's Galaxy", "japan-3gb-7d"];
  await signIn(page, js, email);
  await page.goto("/esims");
  const card = page.getByTestId("esim-card").filter({ has: page.getByTestId("esim-name").getByText(name, { exact: true }) });
  await card.getByTestId("renew-link").click();
  await expect(page.getByTestId("renewal-options")).toBeVisible();
  await page.locator(`[data-testid=renewal-options] a[href*="plan=${plan}"]`).click();
  await expect(page.getByTestId("quote")).toBeVisible();
  await hydrated(page, js);

  const fullPrice = await page.getByTestId("quote-total").textContent();
  await page.getByTestId("promo-form").getByLabel("Promo code").fill("welcome10");
  await page.getByTestId("promo-form").getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("quote-discount")).toContainText("WELCOME10");
  await hydrated(page, js);
  const total = (await page.getByTestId("quote-total").textContent())!;
  expect(total).not.toBe(fullPrice);
  const validity = (await page.getByTestId("quote-validity").textContent())!;
  const newEnd = /until (\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC)/.exec(validity)?.[1];
  expect(newEnd, validity).toBeDefined();

  await page.getByTestId("pay-button").click();
  await expect(page.getByTestId("test-mode-banner")).toContainText("TEST MODE");
  await hydrated(page, js);
  await page.getByTestId("test-pay-form").getByLabel("Test card number").fill("4000 0000 0000 0002");
  await page.getByTestId("test-pay-button").click();
  await expect(page.getByTestId("payment-failure")).toContainText("Your card was declined, and no money was taken");
  await expect(page.getByTestId("order-status")).toHaveText("Awaiting payment");
  await hydrated(page, js);

  await page.getByTestId("pay-again").click();
  await expect(page.getByTestId("test-mode-banner")).toBeVisible();
  await hydrated(page, js);
  await page.getByTestId("test-pay-button").click();
  await expect(page.getByTestId("order-status")).toHaveText("Completed");
  await expect(page.getByTestId("order-headline")).toContainText(`Done: ${name} is renewed.`);
  await expect(page.getByTestId("order-total")).toHaveText(total);

  // The receipt page, with the shop's legal details.
  await page.getByTestId("receipt-link").click();
  await expect(page.getByTestId("receipt")).toContainText("Roamdesk Travel Ltd");
  await expect(page.getByTestId("receipt-total")).toHaveText(total);
  await expect(page.getByTestId("receipt-payment")).toContainText("Visa ···4242");

  // The history lists the order, and its filter by status works.
  await page.goto("/orders");
  await hydrated(page, js);
  const row = page.getByTestId("history-row").filter({ hasText: name });
  await expect(row.first()).toContainText(total);
  await page.getByTestId("history-filter").getByLabel("Status").selectOption("awaiting_payment");
  await page.getByTestId("history-filter").getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/status=awaiting_payment/);
  await expect(page.getByTestId("history-row").filter({ hasText: name })).toHaveCount(0);

  await page.goto("/esims");
  const renewed = page.getByTestId("esim-card").filter({ has: page.getByTestId("esim-name").getByText(name, { exact: true }) });
  await expect(renewed.getByTestId("bundle")).toHaveCount(2);
  await expect(renewed.getByTestId("bundle-starts")).toContainText("when the current plan ends");
  await expect(renewed).toContainText(`(${newEnd})`);

  // The receipt arrived over real SMTP, once.
  let receipts: string[] = [];
  for (let i = 0; i < 100 && receipts.length === 0; i++) {
    receipts = messagesTo(email, "is complete");
    if (receipts.length === 0) await new Promise((r) => setTimeout(r, 200));
  }
  expect(receipts).toHaveLength(1);
  expect(plainText(receipts[0])).toContain(total.replace(/\s/g, " "));
});
