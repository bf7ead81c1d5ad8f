// Screenshots of the main pages at phone and desktop widths, in each language, for a person to
// look at: node end2end/screenshots.mjs [base-url] [out-dir]
import { chromium } from "playwright";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const out = process.argv[3] ?? "end2end/screenshots";
const pages = [
  ["catalog", "/"],
  ["filtered", "/?dest=RU&sort=price"],
  ["plan", "/plans/europe-unlimited-30d"],
  ["notfound", "/plans/nope"],
];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
for (const lang of ["en", "zh", "ru"]) {
  for (const [width, height] of [[375, 812], [1280, 900]]) {
    const context = await browser.newContext({ viewport: { width, height }, locale: lang });
    const page = await context.newPage();
    for (const [name, path] of pages) {
      await page.goto(base + path, { waitUntil: "networkidle" });
      await page.screenshot({ path: `${out}/${name}-${lang}-${width}.png`, fullPage: width > 400 ? false : false });
    }
    await context.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}`);
