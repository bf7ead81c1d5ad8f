import { test, expect, hydrated, cardSlugs, cardPrices } from "./fixtures";

test.describe("catalog", () => {
  test("lists plans with names and prices", async ({ page, javaScriptEnabled }) => {
    await page.goto("/");
    await hydrated(page, javaScriptEnabled);
    await expect(page).toHaveTitle("Travel eSIM plans · Roamdesk Travel");
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /eSIM/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mobile data for your next trip");
    const cards = page.getByTestId("plan-card");
    expect(await cards.count()).toBeGreaterThanOrEqual(40);
    await expect(page.getByText("Russia 10 GB · 30 days")).toBeVisible();
    await expect(cards.filter({ hasText: "Russia 10 GB · 30 days" }).getByTestId("plan-price")).toHaveText("$19.00");
  });

  test("filters by destination and data, then sorts by price", async ({ page, javaScriptEnabled }) => {
    await page.goto("/");
    await hydrated(page, javaScriptEnabled);
    const before = await cardSlugs(page);

    await page.getByLabel("Destination").selectOption("RU");
    if (javaScriptEnabled === false) await page.getByTestId("apply-filters").click();
    await expect(page).toHaveURL(/dest=RU/);
    await expect.poll(async () => (await cardSlugs(page)).length).toBeLessThan(before.length);
    const russia = await cardSlugs(page);
    expect(russia).toContain("russia-10gb-30d");
    expect(russia.some((s) => s.startsWith("global-"))).toBe(true);
    expect(russia.some((s) => s.startsWith("japan-"))).toBe(false);

    await page.getByLabel("Data").selectOption("unlimited");
    if (javaScriptEnabled === false) await page.getByTestId("apply-filters").click();
    await expect(page).toHaveURL(/data=unlimited/);
    await expect.poll(async () => (await cardSlugs(page)).length).toBeLessThan(russia.length);
    for (const text of await page.getByTestId("plan-data").allTextContents()) {
      expect(text).toContain("Unlimited");
    }

    await page.getByLabel("Sort by").selectOption("price-desc");
    if (javaScriptEnabled === false) await page.getByTestId("apply-filters").click();
    await expect(page).toHaveURL(/sort=price-desc/);
    await expect
      .poll(async () => {
        const p = await cardPrices(page);
        return p.length > 1 && p.every((v, i) => i === 0 || p[i - 1] >= v);
      })
      .toBe(true);
    // The form shows what is applied after the reload or the client-side update.
    await expect(page.getByLabel("Destination")).toHaveValue("RU");
    await expect(page.getByLabel("Sort by")).toHaveValue("price-desc");
  });

  test("a filtered link opens filtered, and clearing shows everything", async ({ page, javaScriptEnabled }) => {
    await page.goto("/?kind=family&sort=price");
    await hydrated(page, javaScriptEnabled);
    const slugs = await cardSlugs(page);
    expect(slugs.length).toBeGreaterThan(0);
    expect(slugs.every((s) => s.startsWith("family-"))).toBe(true);
    const prices = await cardPrices(page);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect.poll(async () => (await cardSlugs(page)).length).toBeGreaterThan(slugs.length);
  });

  test("plan page shows the terms and 404s for unknown plans", async ({ page, javaScriptEnabled }) => {
    await page.goto("/");
    await hydrated(page, javaScriptEnabled);
    await page.getByRole("link", { name: /Russia 10 GB · 30 days/ }).click();
    await expect(page).toHaveURL(/\/plans\/russia-10gb-30d$/);
    await expect(page.getByTestId("plan-title")).toHaveText("Russia 10 GB · 30 days");
    await expect(page).toHaveTitle("Russia 10 GB · 30 days · Roamdesk Travel");
    await expect(page.getByTestId("plan-price")).toHaveText("$19.00");
    await expect(page.getByTestId("fair-use")).toContainText("Full speed for all 10 GB");
    await expect(page.getByTestId("networks")).toContainText("MegaFon");

    const res = await page.goto("/plans/no-such-plan");
    expect(res?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
  });

  test("switches to Chinese and Russian, and the choice sticks", async ({ page, javaScriptEnabled }) => {
    await page.goto("/plans/europe-10gb-30d");
    await hydrated(page, javaScriptEnabled);
    await page.getByTestId("lang-select").selectOption("zh");
    if (javaScriptEnabled === false) await page.getByTestId("prefs-form").getByRole("button").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
    await expect(page).toHaveURL(/\/plans\/europe-10gb-30d$/);
    await expect(page.getByText("全部套餐")).toBeVisible();

    await page.goto("/");
    await hydrated(page, javaScriptEnabled);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("为下一次旅行准备好流量");

    await page.getByTestId("lang-select").selectOption("ru");
    if (javaScriptEnabled === false) await page.getByTestId("prefs-form").getByRole("button").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Мобильный интернет для вашей поездки");
    // The language change reloaded the page: its selects submit on change only once hydrated.
    await hydrated(page, javaScriptEnabled);
    await page.getByTestId("currency-select").selectOption("RUB");
    if (javaScriptEnabled === false) await page.getByTestId("prefs-form").getByRole("button").click();
    await expect(page.getByTestId("currency-select")).toHaveValue("RUB");
    await expect(page.getByTestId("plan-card").filter({ hasText: "Россия 10 ГБ · 30 дней" }).getByTestId("plan-price")).toHaveText(
      "1 790,00 ₽",
    );
  });

  test("first visit follows Accept-Language", async ({ browser, javaScriptEnabled }) => {
    const context = await browser.newContext({ locale: "ru-RU", javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Мобильный интернет для вашей поездки");
    await context.close();
  });
});
