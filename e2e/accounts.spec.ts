import { expect, test, type Browser, type Page } from "@playwright/test";
import { as, login } from "./helpers";

// Accounts for real people: an administrator makes accounts for a unit's employees, reads the
// one-time list once, a new user must change the password at the first sign-in, and HR resets one.

async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return { page: await context.newPage(), close: () => context.close() };
}

/** Signs in with a one-time password and lands on the password change, wherever they meant to go. */
async function signInOneTime(page: Page, username: string, password: string) {
  await page.goto("/masuk");
  await page.getByLabel("Nama pengguna").fill(username);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/saya\/kata-sandi/);
  await expect(page.getByText("Anda masuk dengan kata sandi sekali pakai")).toBeVisible();
}

test("an administrator creates accounts for a unit's employees; a new user must change the password first; HR resets it", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await as(page, "admin");
  await page.goto("/admin/pengguna");
  const bulk = page.getByRole("region", { name: "Buat akun dari daftar pegawai" });
  await bulk.getByLabel("Unit kerja (beserta sub-unitnya)").selectOption({ label: "DINKES — Dinas Kesehatan" });
  await bulk.getByRole("button", { name: "Tampilkan pratinjau" }).click();
  const summary = bulk.getByText(/akun akan dibuat/);
  await expect(summary).toBeVisible();
  const total = Number((await summary.textContent())!.match(/^([\d.]+) akun/)![1]!.replace(/\./g, ""));
  expect(total).toBeGreaterThan(1);
  await expect(bulk.getByRole("table", { name: "Pratinjau akun yang akan dibuat" }).locator("tbody tr")).toHaveCount(
    Math.min(total, 300),
  );
  await page.screenshot({ path: "test-results/accounts-preview-desktop.png", fullPage: true });

  // one of them chosen by hand as a unit head, then all created at once
  const firstRow = bulk.locator("tbody tr").first();
  const headBox = firstRow.getByRole("checkbox");
  if (!(await headBox.isChecked())) await headBox.check();
  page.once("dialog", (d) => void d.accept());
  await bulk.getByRole("button", { name: `Buat ${total} akun` }).click();

  const list = page.getByRole("region", { name: "Akun baru dan kata sandi sekali pakai" });
  await expect(list.getByText(`${total} akun dibuat.`)).toBeVisible();
  await expect(list.getByText(/tidak dapat dibuka lagi/)).toBeVisible();
  const rows = list.locator(".credential-table tbody tr");
  await expect(rows).toHaveCount(total);
  await expect(rows.first().locator("td").nth(3)).toHaveText("Kepala unit");
  const second = rows.nth(1);
  const username = (await second.locator("td").nth(0).textContent())!.trim();
  const password = (await second.locator("td").nth(1).textContent())!.trim();
  expect(username).toMatch(/^\d{18}$/);
  expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  // the CSV comes from the same answer, in the browser
  const download = page.waitForEvent("download");
  await list.getByRole("button", { name: "Unduh CSV" }).click();
  const csv = await (await (await download).createReadStream()).toArray();
  expect(Buffer.concat(csv).toString("utf8")).toContain(password);
  await page.screenshot({ path: "test-results/accounts-list-desktop.png", fullPage: true });
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: "test-results/accounts-list-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });

  // a second preview of the same unit finds everyone already has an account
  page.once("dialog", (d) => void d.accept());
  await list.getByRole("button", { name: "Selesai, tutup daftar" }).click();
  await bulk.getByLabel("Unit kerja (beserta sub-unitnya)").selectOption({ label: "DINKES — Dinas Kesehatan" });
  await bulk.getByRole("button", { name: "Tampilkan pratinjau" }).click();
  await expect(bulk.getByText("Tidak ada pegawai yang perlu dibuatkan akun dengan saringan ini.")).toBeVisible();
  await expect(bulk.getByText(`${total} pegawai sudah punya akun`)).toBeVisible();

  // the new user: every page and API call waits for the new password
  const user = await freshPage(browser);
  await signInOneTime(user.page, username, password);
  await user.page.goto("/layanan");
  await expect(user.page).toHaveURL(/\/saya\/kata-sandi\?callbackUrl=%2Flayanan/);
  expect((await user.page.request.get("/api/trpc/account.me")).status()).toBe(401);
  // errors next to the fields, in the reader's language
  await user.page.getByLabel("Kata sandi sekali pakai").fill(password);
  await user.page.getByLabel("Kata sandi baru", { exact: true }).fill("pendek");
  await user.page.getByLabel("Ulangi kata sandi baru").fill("lain");
  await user.page.getByRole("button", { name: "Simpan kata sandi baru" }).click();
  await expect(user.page.getByLabel("Kata sandi baru", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(user.page.getByText("Kata sandi minimal 8 karakter.")).toBeVisible();
  await expect(user.page.getByText("Kedua isian kata sandi baru tidak sama.")).toBeVisible();
  await user.page.getByLabel("Kata sandi sekali pakai").fill(password);
  await user.page.getByLabel("Kata sandi baru", { exact: true }).fill("teh-manis-pagi-hari");
  await user.page.getByLabel("Ulangi kata sandi baru").fill("teh-manis-pagi-hari");
  await user.page.getByRole("button", { name: "Simpan kata sandi baru" }).click();
  await expect(user.page).toHaveURL(/\/layanan$/);
  expect((await user.page.request.get("/api/trpc/account.me")).status()).toBe(200);
  await user.close();

  // HR finds the account and gives a new one-time password; the user's session ends
  const again = await freshPage(browser);
  await login(again.page, username, "teh-manis-pagi-hari");
  await as(page, "bkpsdm");
  await page.goto("/admin/pengguna");
  await page.getByLabel("Cari akun (nama atau NIP)").fill(username);
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page.getByText("1 pengguna")).toBeVisible();
  await page.getByText(`Kelola ${username}`).click();
  await page.getByRole("button", { name: "Buat kata sandi sekali pakai" }).click();
  const shown = page.getByText(new RegExp(`Kata sandi sekali pakai untuk ${username}: ([a-z2-9-]{14})`));
  await expect(shown).toBeVisible();
  const reset = (await shown.textContent())!.match(/: ([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})/)![1]!;
  await again.page.goto("/layanan");
  await expect(again.page).toHaveURL(/\/masuk/); // the reset ended that session
  await signInOneTime(again.page, username, reset);
  await again.close();
});

test("HR sees administrators' accounts on the users page but cannot manage them", async ({ page }) => {
  await as(page, "bkpsdm");
  await page.goto("/admin/pengguna");
  await page.getByLabel("Cari akun (nama atau NIP)").fill("admin");
  await page.getByRole("button", { name: "Terapkan" }).click();
  const row = page.locator(".users-table tbody tr", { hasText: "Admin Pantau" });
  await expect(row.getByText("Dikelola administrator")).toBeVisible();
  await expect(row.getByRole("button")).toHaveCount(0);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the users page and the password change fit a 390 px screen", async ({ page }) => {
    await as(page, "admin");
    await page.goto("/admin/pengguna");
    await expect(page.getByRole("heading", { name: "Buat akun dari daftar pegawai" })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: "test-results/accounts-bulk-phone.png" });
    await page.getByRole("heading", { name: "Daftar akun" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/accounts-users-phone.png" });
    await page.goto("/saya/kata-sandi");
    await expect(page.getByRole("heading", { name: "Ganti kata sandi" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: "test-results/accounts-password-phone.png", fullPage: true });
  });
});
