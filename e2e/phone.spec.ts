import { expect, test } from "@playwright/test";
import { login } from "./helpers";

test("the shell works at phone width", async ({ page }, info) => {
  await page.goto("/");
  await page.screenshot({ path: info.outputPath("landing-phone.png"), fullPage: true });
  await login(page, "pimpinan");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dasbor");
  await expect(page.getByTestId("tile-completed").locator(".tile-value")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: info.outputPath("dashboard-phone.png"), fullPage: true });
});
