import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "pantau-demo";

export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(/Nama pengguna|Username/).fill(username);
  await page.getByLabel(/Kata sandi|Password/).fill(password);
  await page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Signs out whoever is signed in, then signs in as `username`. */
export async function as(page: Page, username: string) {
  await page.context().clearCookies();
  await login(page, username);
}
