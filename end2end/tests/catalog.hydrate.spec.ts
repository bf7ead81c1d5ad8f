import { test, expect, hydrated, cardSlugs } from "./fixtures";

// What only the islands do once the WebAssembly has loaded. These also prove the release build's
// WebAssembly works at all: the wasm-opt trap leaves a page that renders but never reacts.

test("a filter applies as soon as it is chosen", async ({ page }) => {
  await page.goto("/");
  await hydrated(page, true);
  await page.getByLabel("Plan type").selectOption("enterprise");
  await expect(page).toHaveURL(/kind=enterprise/);
  await expect.poll(async () => (await cardSlugs(page)).every((s) => s.startsWith("enterprise-"))).toBe(true);
  expect((await cardSlugs(page)).length).toBeGreaterThan(0);
});

test("a refused form keeps what was typed and shows why, without a page load", async ({ page }) => {
  await page.goto("/account/sign-in");
  await hydrated(page, true);
  // A marker on window is lost on a page load.
  await page.evaluate(() => ((window as any).__noReload = true));
  const form = page.getByTestId("sign-in-form");
  await form.getByLabel("E-mail or phone").fill("anna@demo.roamdesk.test");
  await form.getByLabel("Password").fill("not the password");
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error").filter({ visible: true })).toContainText("do not match");
  await expect(page.getByTestId("form-error")).toBeFocused();
  expect(await page.evaluate(() => (window as any).__noReload)).toBe(true);
  await expect(form.getByLabel("E-mail or phone")).toHaveValue("anna@demo.roamdesk.test");
  // The right password then signs in and loads the page the server names.
  await form.getByLabel("Password").fill("roamdesk-demo");
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
});
