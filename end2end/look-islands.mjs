// Temporary: screenshots of the pages the islands change, JS on/off, zh/ru, 375/1280.
import { chromium } from "playwright";
const base = process.argv[2];
const out = process.argv[3];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
for (const js of [true, false]) for (const lang of ["zh", "ru"]) for (const width of [375, 1280]) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang, javaScriptEnabled: js });
  await context.addCookies([{ name: "rd_lang", value: lang, url: base }]);
  const page = await context.newPage();
  const tag = `${js ? "js" : "nojs"}-${lang}-${width}`;
  await page.goto(base + "/?kind=enterprise");
  if (js) await page.waitForFunction(() => window.__roamdeskHydrated === true);
  await page.screenshot({ path: `${out}/catalog-${tag}.png` });
  await page.goto(base + "/account/sign-in");
  if (js) await page.waitForFunction(() => window.__roamdeskHydrated === true);
  const form = page.getByTestId("sign-in-form");
  await form.locator("input[name=identifier]").fill("anna@demo.roamdesk.test");
  await form.locator("input[name=password]").fill("wrong password");
  await form.locator("button[type=submit]").click();
  await page.getByTestId("form-error").filter({ visible: true }).waitFor();
  await page.screenshot({ path: `${out}/refused-${tag}.png` });
  await form.locator("input[name=password]").fill("roamdesk-demo");
  await form.locator("button[type=submit]").click();
  await page.getByTestId("signed-in-as").waitFor();
  await page.goto(base + "/esims");
  const install = await page.locator("a[href$='/install']").first().getAttribute("href");
  await page.goto(base + install + "?device=pixel");
  if (js) { await page.waitForFunction(() => window.__roamdeskHydrated === true); await page.locator("#f-device").fill("galaxy s23"); }
  await page.getByTestId("device-check").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/install-${tag}.png` });
  await context.close();
}
await browser.close();
