import { test, expect, hydrated } from "./fixtures";
import { linkFromMail, messagesTo } from "./mail";

// The whole account life cycle against the real SMTP server started by ./test. Runs with
// JavaScript on and off: every form works as a plain POST.
test("sign up, verify by mail, sign out, reset by mail, old password fails, link is single-use", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  const email = `traveller.${info.project.name}.${Date.now()}@example.com`;
  const first = "first passphrase 123";
  const second = "second passphrase 456";

  await page.goto("/account/sign-up");
  await hydrated(page, js);
  const signUp = page.getByTestId("sign-up-form");
  await signUp.getByLabel("E-mail").fill(email);
  await signUp.getByLabel("Password", { exact: true }).fill(first);
  await signUp.getByLabel("Repeat the password").fill(first);
  await signUp.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("notice")).toContainText("confirmation link");

  const verifyLink = await linkFromMail(email, "Confirm your e-mail address", "/account/verify?token=");
  await page.goto(verifyLink);
  await hydrated(page, js);
  await page.getByRole("button", { name: "Confirm my e-mail" }).click();
  await expect(page.getByTestId("account-page")).toBeVisible();
  await expect(page.getByTestId("account-email")).toHaveText(email);
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);

  await page.getByTestId("sign-out").click();
  await expect(page.getByTestId("sign-in-link")).toBeVisible();

  await page.goto("/account/forgot");
  await hydrated(page, js);
  await page.getByTestId("forgot-form").getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByTestId("notice")).toContainText("If an account uses that address");

  const resetLink = await linkFromMail(email, "Reset your password", "/account/reset?token=");
  await page.goto(resetLink);
  await hydrated(page, js);
  await page.getByLabel("New password", { exact: true }).fill(second);
  await page.getByLabel("Repeat the new password").fill(second);
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByTestId("notice")).toContainText("Your password was changed");

  // The old password fails…
  const form = page.getByTestId("sign-in-form");
  await form.getByLabel("E-mail or phone").fill(email);
  await form.getByLabel("Password").fill(first);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error").filter({ visible: true })).toContainText("do not match");
  // …the new one works.
  await page.getByTestId("sign-in-form").getByLabel("E-mail or phone").fill(email);
  await page.getByTestId("sign-in-form").getByLabel("Password").fill(second);
  await page.getByTestId("sign-in-form").getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("account-page")).toBeVisible();

  // The reset link cannot be used twice.
  await page.goto(resetLink);
  await hydrated(page, js);
  await page.getByLabel("New password", { exact: true }).fill("third passphrase 789");
  await page.getByLabel("Repeat the new password").fill("third passphrase 789");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByTestId("form-error").filter({ visible: true })).toContainText("already been used");

  // Each mail arrived exactly once.
  expect(messagesTo(email, "Confirm your e-mail address")).toHaveLength(1);
  expect(messagesTo(email, "Reset your password")).toHaveLength(1);
});

test("a customer is refused the staff pages; the operator sees the outbox", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  const signIn = async (email: string) => {
    await page.goto("/account/sign-in");
    await hydrated(page, js);
    const form = page.getByTestId("sign-in-form");
    await form.getByLabel("E-mail or phone").fill(email);
    await form.getByLabel("Password").fill("roamdesk-demo");
    await form.getByRole("button", { name: "Sign in" }).click();
  };
  await signIn("anna@demo.roamdesk.test");
  await expect(page.getByTestId("account-page")).toBeVisible();
  const staff = await page.goto("/staff");
  expect(staff?.status()).toBe(403);
  await expect(page.getByTestId("refused")).toBeVisible();
  await page.getByTestId("sign-out").click();
  await expect(page.getByTestId("sign-in-link")).toBeVisible();

  await signIn("operator@demo.roamdesk.test");
  await expect(page.getByTestId("staff-page")).toBeVisible();
  await expect(page.getByTestId("team-member").first()).toBeVisible();
  await page.goto("/operator/outbox");
  await expect(page.getByTestId("outbox-row").first()).toBeVisible();
});
