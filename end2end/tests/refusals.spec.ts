import { test, expect, hydrated, signIn } from "./fixtures";
import type { BrowserContext, Page } from "@playwright/test";

// Refusals read in the shopper's language, with JavaScript on and off: a wrong promo code,
// cancelling an order that was paid meanwhile, and a refund above what was paid. Labels differ per
// language, so fields are found by their names; sign-in happens in English, then the language
// cookie switches the shop.

const refusals = {
  ru: {
    promo: "Такого промокода нет.",
    cancel: "Отменить можно только заказ, ожидающий оплаты.",
    refund: "Возврат не может превышать оплаченное и ещё не возвращённое",
  },
  zh: {
    promo: "该优惠码不存在。",
    cancel: "只有待付款的订单才能取消。",
    refund: "退款金额不能超过已付且尚未退还的金额",
  },
} as const;

async function speak(context: BrowserContext, language: string) {
  const url = new URL(process.env.BASE_URL ?? "http://127.0.0.1:3000");
  await context.addCookies([{ name: "rd_lang", value: language, domain: url.hostname, path: "/" }]);
}

async function payWith(page: Page, js: boolean, card: string) {
  await expect(page.getByTestId("test-mode-banner")).toBeVisible();
  await hydrated(page, js);
  await page.getByTestId("test-pay-form").locator("input[name=card]").fill(card);
  await page.getByTestId("test-pay-button").click();
}

for (const language of ["ru", "zh"] as const) {
  test(`refusals are shown in ${language}`, async ({ page, browser }, info) => {
    const js = info.project.use.javaScriptEnabled !== false;
    const words = refusals[language];
    await signIn(page, js, "anna@demo.roamdesk.test");
    await speak(page.context(), language);

    // A promo code that does not exist, on a new eSIM's checkout.
    await page.goto("/plans/japan-3gb-7d");
    await hydrated(page, js);
    await page.getByTestId("buy-link").click();
    await expect(page.getByTestId("quote")).toBeVisible();
    await hydrated(page, js);
    await page.getByTestId("promo-form").locator("input[name=promo]").fill("NO-SUCH-CODE");
    await page.getByTestId("promo-form").locator("button[type=submit]").click();
    await expect(page.getByTestId("promo-error")).toHaveText(words.promo);
    await expect(page.locator("html")).toHaveAttribute("lang", language === "zh" ? "zh-Hans" : "ru");

    // An order left awaiting payment after a declined card; its page still offers to cancel.
    const withoutPromo = new URL(page.url());
    withoutPromo.searchParams.delete("promo");
    await page.goto(withoutPromo.toString());
    await hydrated(page, js);
    await page.getByTestId("pay-button").click();
    await payWith(page, js, "4000 0000 0000 0002");
    await expect(page.getByTestId("payment-failure")).toBeVisible();
    await expect(page.getByTestId("cancel-order")).toBeVisible();
    await hydrated(page, js);
    const orderUrl = page.url().split("?")[0];

    // Meanwhile it is paid in another tab; cancelling from the stale page is refused.
    const other = await page.context().newPage();
    await other.goto(orderUrl);
    await hydrated(other, js);
    await other.getByTestId("pay-again").click();
    await payWith(other, js, "4242 4242 4242 4242");
    // Paid: the order page offers the receipt and no longer a way to cancel.
    await expect(other.getByTestId("receipt-link")).toBeVisible();
    await expect(other.getByTestId("cancel-order")).toHaveCount(0);
    await other.close();
    await page.getByTestId("cancel-order").click();
    await expect(page.getByTestId("form-error").filter({ visible: true })).toHaveText(words.cancel);

    // A refund of more than was paid, by the shop's admin.
    const staff = await browser.newContext({ javaScriptEnabled: js });
    const admin = await staff.newPage();
    await signIn(admin, js, "admin@demo.roamdesk.test");
    await speak(staff, language);
    await admin.goto(orderUrl);
    await hydrated(admin, js);
    const refund = admin.getByTestId("refund-form");
    await refund.locator("[name=amount]").fill("100000");
    await refund.locator("[name=reason]").fill("test");
    await refund.locator("button[type=submit]").click();
    await expect(admin.getByTestId("form-error").filter({ visible: true })).toContainText(words.refund);
    await staff.close();
  });
}
