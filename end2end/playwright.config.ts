import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium; Playwright's own browser download cannot work on these machines.
const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
};

export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: process.env.BASE_URL ?? "http://127.0.0.1:3000",
    trace: "off",
  },
  // Every test runs twice: hydrated, and as a browser without JavaScript would see the site.
  // Tests that only make sense hydrated are named *.hydrate.spec.ts.
  projects: [
    { name: "js", use: { ...chromium, javaScriptEnabled: true } },
    {
      name: "no-js",
      use: { ...chromium, javaScriptEnabled: false },
      testIgnore: /\.hydrate\.spec\.ts$/,
    },
  ],
});
