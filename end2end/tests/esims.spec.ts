import { test, expect, hydrated, signIn } from "./fixtures";
import { messagesTo, plainText } from "./mail";
import type { Page } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";

// Runs with JavaScript on and off. The demo data (loaded into the test database) gives Anna an
// active eSIM with usage ("Anna's iPhone") and one still to install ("Travel iPad"), and Ben one.

function card(page: Page, name: string) {
  return page.getByTestId("esim-card").filter({ has: page.getByTestId("esim-name").getByText(name, { exact: true }) });
}

/** Decodes the QR code drawn on the page from a screenshot of it, as a phone camera would. */
async function decodeQr(page: Page): Promise<string | undefined> {
  const png = PNG.sync.read(await page.getByTestId("qr-code").screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

test("a customer sees remaining data, expiry and usage, and installs from a QR code", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  await signIn(page, js, "anna@demo.roamdesk.test");
  await page.getByTestId("my-esims-link").click();
  await expect(page.getByTestId("my-esims")).toBeVisible();
  await hydrated(page, js);

  const iphone = card(page, "Anna's iPhone");
  await expect(iphone.getByTestId("esim-status")).toHaveText("Active");
  // 10 GB bought, 3,686 MB used over 12 days.
  await expect(iphone.getByTestId("data-left")).toHaveText("6.4 GB left of 10 GB");
  await expect(iphone.getByTestId("bundle-expiry")).toContainText("Expires in 18 days");
  await expect(iphone.getByTestId("usage-measured")).toContainText("Usage measured");
  const chart = iphone.getByTestId("usage-chart");
  await expect(chart.locator("rect")).toHaveCount(30);
  await expect(chart.getByTestId("usage-summary")).toHaveText("3.6 GB used in 30 days; busiest day 510 MB.");

  const ipad = card(page, "Travel iPad");
  await expect(ipad.getByTestId("esim-status")).toHaveText("Ready to install");
  await expect(ipad.getByTestId("bundle-state")).toHaveText("Not started");
  await expect(ipad).toContainText("Valid for 15 days from the first use of data");
  await ipad.getByTestId("install-link").first().click();
  await expect(page.getByTestId("install-page")).toBeVisible();
  await hydrated(page, js);

  const expected = "LPA:1$smdp.demo.roamdesk.test$DEMO-ANNA-IPAD-0002$$1";
  await expect(page.getByTestId("activation-code")).toHaveText(expected);
  expect(await decodeQr(page)).toBe(expected);
  await expect(page.getByTestId("ios-link")).toHaveAttribute("href", `https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=${expected}`);
  await expect(page.getByTestId("smdp-address")).toHaveText("smdp.demo.roamdesk.test");
  await expect(page.getByTestId("confirmation-code")).toHaveText("4821");
  await expect(page.getByTestId("delete-warning")).toContainText("Do not delete this eSIM");
  // The copy button needs the clipboard API: its island shows it.
  if (js) await expect(page.getByTestId("copy-code")).toBeVisible();
  else await expect(page.getByTestId("copy-code")).toBeHidden();

  // The compatibility check: a form without JavaScript, live results with it.
  const check = page.getByTestId("device-check");
  await check.getByLabel("Phone model").fill("galaxy s23 ultra");
  if (!js) await check.getByRole("button", { name: "Check" }).click();
  const shown = check.locator("li[data-device]").filter({ visible: true });
  await expect(shown).toHaveCount(1);
  await expect(shown).toContainText("Samsung Galaxy S23 Ultra");
  await page.getByTestId("device-check").getByLabel("Phone model").fill("nokia 3310");
  if (!js) await page.getByTestId("device-check").getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("device-none")).toBeVisible();
});

test("another customer gets 404 for someone else's eSIM pages and server functions", async ({ page, browser }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  await signIn(page, js, "anna@demo.roamdesk.test");
  await page.goto("/esims");
  const id = await card(page, "Travel iPad").getAttribute("data-esim-id");
  expect(id).toMatch(/^[0-9a-f-]{36}$/);

  const ben = await browser.newPage({ javaScriptEnabled: js });
  await signIn(ben, js, "ben@demo.roamdesk.test");
  for (const path of [`/esims/${id}`, `/esims/${id}/install`]) {
    const answer = await ben.goto(path);
    expect(answer?.status(), path).toBe(404);
    await expect(ben.getByTestId("not-found")).toBeVisible();
    expect(await ben.content()).not.toContain("DEMO-ANNA");
  }
  for (const fn of ["/api/esims/card", "/api/esims/install"]) {
    const answer = await ben.request.post(fn, { form: { id: id! } });
    expect(answer.status(), fn).toBe(404);
    expect(await answer.text()).not.toContain("DEMO-ANNA");
  }
  // The owner still gets them, uncached.
  const own = await page.goto(`/esims/${id}/install`);
  expect(own?.status()).toBe(200);
  expect(own?.headers()["cache-control"]).toBe("no-store");
  await ben.close();
});

test("renewing without an account: a code from the real mail server opens the eSIM's status", async ({ page, browser }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  // Each project looks up a different customer, so the two runs never read each other's code.
  const [owner, name] = js ? ["anna@demo.roamdesk.test", "Travel iPad"] : ["ben@demo.roamdesk.test", "Ben's Pixel"];
  const signedIn = await browser.newPage({ javaScriptEnabled: js });
  await signIn(signedIn, js, owner);
  await signedIn.goto("/esims");
  const iccid = (await card(signedIn, name).getByTestId("esim-iccid").textContent())!.trim();
  await signedIn.close();

  const before = messagesTo(owner, "Your code").length;
  await page.goto("/");
  await hydrated(page, js);
  await page.getByTestId("renew-link").click();
  await expect(page.getByTestId("lookup-form")).toBeVisible();
  await hydrated(page, js);
  // First a wrong e-mail: the same answer, and no mail.
  await page.getByTestId("lookup-form").getByLabel("ICCID or phone number").fill(iccid);
  await page.getByTestId("lookup-form").getByLabel("E-mail").fill("not.the.owner@example.com");
  await page.getByRole("button", { name: "E-mail me a code" }).click();
  await expect(page.getByTestId("code-form")).toBeVisible();
  const sameAnswer = await page.getByTestId("notice").textContent();

  await page.goto("/renew");
  await hydrated(page, js);
  await page.getByTestId("lookup-form").getByLabel("ICCID or phone number").fill(iccid.replace(/(\d{4})/g, "$1 ").trim());
  await page.getByTestId("lookup-form").getByLabel("E-mail").fill(owner);
  await page.getByRole("button", { name: "E-mail me a code" }).click();
  await expect(page.getByTestId("code-form")).toBeVisible();
  await hydrated(page, js);
  expect(await page.getByTestId("notice").textContent()).toBe(sameAnswer);

  let code: string | undefined;
  for (let i = 0; i < 100 && !code; i++) {
    const mails = messagesTo(owner, "Your code");
    if (mails.length > before) code = /\b(\d{6})\b/.exec(plainText(mails[mails.length - 1]))?.[1];
    else await new Promise((r) => setTimeout(r, 200));
  }
  expect(code, "a code arrived over SMTP").toBeDefined();
  expect(messagesTo("not.the.owner@example.com", "Your code")).toHaveLength(0);

  await page.getByTestId("code-form").getByLabel("Code").fill(code!);
  await page.getByRole("button", { name: "Show my eSIM" }).click();
  await expect(page.getByTestId("lookup-result")).toBeVisible();
  await expect(page.getByTestId("esim-iccid")).toHaveText(iccid);
  await expect(page.getByTestId("esim-card")).toHaveCount(1);
  await expect(page.getByTestId("usage-chart")).toBeVisible();
  expect(await page.content()).not.toContain("LPA:1$");
});
