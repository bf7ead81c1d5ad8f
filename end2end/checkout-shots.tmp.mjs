import { chromium } from "playwright";
const base = "http://127.0.0.1:3000";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (const [width, height] of [[375, 812], [1280, 900]]) {
  const context = await browser.newContext({ viewport: { width, height }, locale: process.argv[2] ?? "en" });
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") console.log("console:", m.text()); });
  await page.goto(base + "/account/sign-in");
  const form = page.getByTestId("sign-in-form");
  await form.locator("input[name=identifier]").fill("anna@demo.roamdesk.test");
  await form.locator("input[name=password]").fill("roamdesk-demo");
  await form.locator("button[type=submit]").click();
  await page.waitForURL((u) => !u.pathname.includes("sign-in"));
  await page.goto(base + "/esims", { waitUntil: "networkidle" });
  const id = await page.locator("[data-testid=esim-card]").last().getAttribute("data-esim-id");
  await page.goto(base + `/checkout?esim=${id}&plan=china-10gb-30d&promo=TRAVEL5`, { waitUntil: "networkidle" });
  await page.screenshot({ path: `/tmp/shots/checkout-${width}.png`, fullPage: true });
  await page.getByTestId("pay-button").click();
  await page.waitForURL(/pay\/test/);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `/tmp/shots/testpay-${width}.png`, fullPage: true });
  await page.locator("input[name=card]").fill("4000000000000002");
  await page.getByTestId("test-pay-button").click();
  await page.waitForURL(/orders/);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `/tmp/shots/order-declined-${width}.png`, fullPage: true });
  await context.close();
}
await browser.close();
