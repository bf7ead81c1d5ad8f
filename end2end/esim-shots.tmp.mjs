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
  await page.screenshot({ path: `/tmp/shots/esims-${width}.png`, fullPage: true });
  const ids = await page.locator("[data-testid=esim-card]").evaluateAll((els) => els.map((e) => e.dataset.esimId));
  await page.goto(base + `/esims/${ids[1]}/install?device=pixel 7`, { waitUntil: "networkidle" });
  await page.screenshot({ path: `/tmp/shots/install-${width}.png`, fullPage: true });
  await page.goto(base + `/esims/${ids[0]}`, { waitUntil: "networkidle" });
  await page.screenshot({ path: `/tmp/shots/detail-${width}.png`, fullPage: true });
  await context.close();
}
const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
const page = await context.newPage();
await page.goto(base + "/renew", { waitUntil: "networkidle" });
await page.screenshot({ path: `/tmp/shots/renew-375.png`, fullPage: true });
await browser.close();
