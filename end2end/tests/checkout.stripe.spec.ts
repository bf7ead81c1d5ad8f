import { test, expect, hydrated, signIn } from "./fixtures";
import { messagesTo, plainText } from "./mail";

// Renewal through Stripe Checkout, against the second test server, which takes payments through
// the Stripe emulator (./test starts both). The customer pays on the emulator's hosted page, as
// on Stripe's; the order moves only when our server hears from Stripe itself.

const stripeBase = process.env.STRIPE_BASE_URL;
const emulator = process.env.STRIPE_EMULATOR_URL;
const mailbox = process.env.E2E_STRIPE_MAILDIR ?? "target/e2e-mail-stripe";
if (!stripeBase || !emulator) {
  throw new Error("STRIPE_BASE_URL and STRIPE_EMULATOR_URL must be set: run ./test, which starts the Stripe server");
}
test.use({ baseURL: stripeBase });

test("renew with a promo code through Stripe Checkout: a decline changes nothing, then payment fulfils", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  const [email, name, plan] = js
    ? ["ben@demo.roamdesk.test", "Ben's Pixel", "turkey-3gb-7d"]
    : ["chen@demo.roamdesk.test", "Chen's Galaxy", "japan-3gb-7d"];
  await signIn(page, js, email);
  await page.goto("/esims");
  const card = page.getByTestId("esim-card").filter({ has: page.getByTestId("esim-name").getByText(name, { exact: true }) });
  await card.getByTestId("renew-link").click();
  await page.locator(`[data-testid=renewal-options] a[href*="plan=${plan}"]`).click();
  await expect(page.getByTestId("quote")).toBeVisible();
  await hydrated(page, js);
  await page.getByTestId("promo-form").getByLabel("Promo code").fill("WELCOME10");
  await page.getByTestId("promo-form").getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("quote-discount")).toContainText("WELCOME10");
  await hydrated(page, js);
  const total = (await page.getByTestId("quote-total").textContent())!;
  const validity = (await page.getByTestId("quote-validity").textContent())!;
  const newEnd = /until (\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} [A-Za-z0-9+:-]+)/.exec(validity)?.[1];
  expect(newEnd, validity).toBeDefined();

  // Stripe's hosted page, for the discounted amount.
  await page.getByTestId("pay-button").click();
  await expect(page).toHaveURL(new RegExp(`^${emulator}checkout/cs_test_`));
  const digits = (s: string) => s.replace(/[^\d]/g, "");
  expect(digits((await page.locator("#amount").textContent())!)).toBe(digits(total));

  // A declined card: Stripe's page says so, and back at the shop nothing has changed.
  await page.locator("#card_number").fill("4000 0000 0000 0002");
  await page.locator("#pay").click();
  await expect(page.locator("#error")).toHaveText("Your card was declined.");
  await page.locator("#cancel").click();
  await expect(page.getByTestId("order-status")).toHaveText("Awaiting payment");
  await expect(page.getByTestId("payment-failure")).toContainText("Your card was declined, and no money was taken");
  await hydrated(page, js);
  await page.screenshot({ path: `end2end/test-results/stripe-declined-${info.project.name}.png`, fullPage: true });

  // Paying again opens a new Stripe page; this card pays, and Stripe sends the customer back.
  await page.getByTestId("pay-again").click();
  await expect(page).toHaveURL(new RegExp(`^${emulator}checkout/cs_test_`));
  await page.locator("#card_number").fill("4242 4242 4242 4242");
  await page.locator("#pay").click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\?returned=1/);
  await expect(page.getByTestId("order-status")).toHaveText("Completed");
  await expect(page.getByTestId("order-headline")).toContainText(`Done: ${name} is renewed.`);
  await expect(page.getByTestId("order-total")).toHaveText(total);

  await page.getByTestId("receipt-link").click();
  await expect(page.getByTestId("receipt-total")).toHaveText(total);
  await expect(page.getByTestId("receipt-payment")).toContainText("Visa ···4242");
  await expect(page.getByTestId("receipt-payment")).not.toContainText("test");

  await page.goto("/orders");
  await expect(page.getByTestId("history-row").filter({ hasText: name }).first()).toContainText(total);
  await expect(page.getByTestId("history-row").filter({ hasText: name }).first()).toContainText("Visa ···4242");

  await page.goto("/esims");
  const renewed = page.getByTestId("esim-card").filter({ has: page.getByTestId("esim-name").getByText(name, { exact: true }) });
  await expect(renewed.getByTestId("bundle")).toHaveCount(2);
  await expect(renewed).toContainText(`(${newEnd})`);

  // One confirmation mail with the receipt, over real SMTP.
  let receipts: string[] = [];
  for (let i = 0; i < 100 && receipts.length === 0; i++) {
    receipts = messagesTo(email, "is complete", mailbox);
    if (receipts.length === 0) await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 500));
  expect(messagesTo(email, "is complete", mailbox)).toHaveLength(1);
  expect(plainText(receipts[0])).toContain(total.replace(/\s/g, " "));
});
