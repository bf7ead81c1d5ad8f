import { test, expect, hydrated, cardSlugs } from "./fixtures";

// What only the hydrated app does: filters apply on change, without a page load.
test("filters update without a page load", async ({ page }) => {
  await page.goto("/");
  await hydrated(page, true);
  // A marker on window survives client-side navigation but not a page load.
  await page.evaluate(() => ((window as any).__noReload = true));
  await page.getByLabel("Plan type").selectOption("enterprise");
  await expect(page).toHaveURL(/kind=enterprise/);
  await expect.poll(async () => (await cardSlugs(page)).every((s) => s.startsWith("enterprise-"))).toBe(true);
  expect(await page.evaluate(() => (window as any).__noReload)).toBe(true);
  // The app is interactive after a release build too: the wasm-opt trap leaves the page dead.
  await page.goBack();
  await expect(page).not.toHaveURL(/kind=enterprise/);
  expect(await page.evaluate(() => (window as any).__noReload)).toBe(true);
});
