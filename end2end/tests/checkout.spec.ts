import { test, expect, hydrated, signIn } from "./fixtures";
import { messagesTo, plainText } from "./mail";
import type { Page } from "@playwright/test";

// Renewal in TEST MODE (the test server has no Stripe key), with JavaScript on and off. Each
// project renews its own customer's eSIM, so the two runs never meet.

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
  const newEnd = /until (\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} [A-Za-z0-9+:-]+)/.exec(validity)?.[1];
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
  // Its PDF, fetched with the browser's own session.
  const pdfHref = (await page.getByTestId("receipt-pdf").getAttribute("href"))!;
  const pdf = await page.request.get(pdfHref);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

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

test("a reseller admin refunds part of an order; the customer sees it and gets an e-mail", async ({ page, browser }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  // Anna buys a new eSIM in each project (allocated from stock), without a promo code.
  const buyer = await browser.newPage({ javaScriptEnabled: js });
  await signIn(buyer, js, "anna@demo.roamdesk.test");
  await buyer.goto("/plans/japan-3gb-7d");
  await hydrated(buyer, js);
  await buyer.getByTestId("buy-link").click();
  await expect(buyer.getByTestId("quote")).toContainText("A new eSIM");
  await hydrated(buyer, js);
  await buyer.getByTestId("pay-button").click();
  await expect(buyer.getByTestId("test-mode-banner")).toBeVisible();
  await hydrated(buyer, js);
  await buyer.getByTestId("test-pay-button").click();
  await expect(buyer.getByTestId("order-status")).toHaveText("Completed");
  await expect(buyer.getByTestId("order-esim-link")).toHaveText("Install the eSIM");
  const orderUrl = buyer.url().split("?")[0];
  // Both projects refund Anna's orders at once: count this order's mails only.
  const number = /#(\d+)/.exec((await buyer.getByRole("heading", { level: 1 }).textContent())!)![1];
  const subject = `Refund for order #${number} `;

  await signIn(page, js, "admin@demo.roamdesk.test");
  await page.goto(orderUrl);
  await hydrated(page, js);
  const refund = page.getByTestId("refund-form");
  await refund.getByLabel("Amount").fill("1000");
  await refund.getByLabel("Reason").fill("too much");
  await refund.getByRole("button", { name: "Refund" }).click();
  await expect(page.getByTestId("form-error").filter({ visible: true })).toContainText("cannot exceed");
  await page.getByTestId("refund-form").getByLabel("Amount").fill("1.00");
  await page.getByTestId("refund-form").getByLabel("Reason").fill("Slow network on day one");
  await page.getByTestId("refund-form").getByRole("button", { name: "Refund" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Partly refunded");
  await expect(page.getByTestId("refund-row")).toContainText("Slow network on day one");

  await buyer.goto(orderUrl);
  await expect(buyer.getByTestId("refund-row")).toContainText("Slow network on day one");
  let mails: string[] = [];
  for (let i = 0; i < 100 && mails.length === 0; i++) {
    mails = messagesTo("anna@demo.roamdesk.test", subject);
    if (mails.length === 0) await new Promise((r) => setTimeout(r, 200));
  }
  expect(mails).toHaveLength(1);
  await buyer.close();
});
