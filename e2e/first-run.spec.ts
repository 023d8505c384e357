// A real region's first day: a production server of its own without demo data (fresh data folder, the
// port after the tests' one). Start-up prints the one-time link; the first administrator is made with
// it, signs in, is led to the region setup, saves the region with its calendar and lands on the checklist.
import { expect, test } from "@playwright/test";
import { login, startServerWithoutDemo } from "./helpers";

const PORT = Number(process.env.E2E_PORT ?? 3210) + 1;
const BASE = `http://127.0.0.1:${PORT}`;

let server: Awaited<ReturnType<typeof startServerWithoutDemo>> | undefined;
let link = "";

test.beforeAll(async () => {
  server = await startServerWithoutDemo(PORT, "first-run");
  const m = /\[pantau\] first administrator: open (\S+) \(valid 24 h\)/.exec(server.startOutput);
  expect(m, server.startOutput).not.toBeNull();
  link = m![1]!;
});

test.afterAll(() => server?.stop());

test("the first administrator sets up the region from the start-up link", async ({ page }, info) => {
  test.setTimeout(120_000);
  expect(link.startsWith(`${BASE}/aktivasi/`)).toBe(true);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administrator pertama");
  await page.getByLabel("Nama pengguna").fill("admin.sukamaju");
  await page.getByLabel("Nama lengkap").fill("Admin BKPSDM Sukamaju");
  await page.getByLabel("Kata sandi", { exact: true }).fill("kata-sandi-awal-1");
  await page.getByLabel("Ulangi kata sandi").fill("kata-sandi-lain-2");
  await page.getByRole("button", { name: "Buat akun administrator" }).click();
  await expect(page.getByLabel("Ulangi kata sandi")).toHaveAccessibleDescription("Kedua kata sandi tidak sama.");
  await expect(page.getByLabel("Nama pengguna")).toHaveValue("admin.sukamaju"); // the form comes back filled in
  await page.getByLabel("Kata sandi", { exact: true }).fill("kata-sandi-awal-1");
  await page.getByLabel("Ulangi kata sandi").fill("kata-sandi-awal-1");
  await page.getByRole("button", { name: "Buat akun administrator" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Akun administrator dibuat");

  // the link worked once
  const again = await page.context().newPage();
  await again.goto(link);
  await expect(again.getByRole("alert").filter({ hasText: "sudah punya administrator" })).toBeVisible();
  await again.close();

  await login(page, "admin.sukamaju", "kata-sandi-awal-1", BASE);
  // no region yet: the administrator is led to its setup, from the dashboard too
  await page.goto(`${BASE}/dasbor`);
  await expect(page).toHaveURL(`${BASE}/admin/pengaturan/daerah`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Siapkan daerah");

  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: info.outputPath("region-setup-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByLabel("Nama daerah").fill("Kabupaten Sukamaju");
  await page.getByLabel("Kode daerah").fill("kab sukamaju");
  await page.getByLabel("Zona waktu").selectOption("Asia/Makassar");
  await page.getByRole("button", { name: "Simpan daerah" }).click();
  await expect(page.getByLabel("Kode daerah")).toHaveAccessibleDescription(/Kode: 1–32 huruf besar/);
  await expect(page.getByLabel("Nama daerah")).toHaveValue("Kabupaten Sukamaju");
  await expect(page.getByLabel("Zona waktu")).toHaveValue("Asia/Makassar");
  await page.getByLabel("Kode daerah").fill("KAB-SUKAMAJU");
  // a shipped day the region does not keep, and a regional holiday of its own
  const year = page.locator("details.setup-year[open]");
  await year.getByRole("group").first().getByLabel("Berlaku").uncheck();
  const extra = page.getByRole("group", { name: "Hari tambahan 1" });
  await extra.getByLabel("Tanggal").fill("2026-04-22");
  await extra.getByLabel("Keterangan").fill("Hari Jadi Kabupaten");
  await page.getByRole("button", { name: "Simpan daerah" }).click();

  await expect(page).toHaveURL(/\/admin\/mulai\?daerah=1/);
  await expect(page.getByRole("status")).toHaveText("Daerah tersimpan. Lanjutkan dengan langkah berikutnya.");
  await expect(page.locator(".setup-checklist li.done")).toHaveCount(1);
  await expect(page.getByText("1 dari 8 langkah selesai", { exact: false })).toBeVisible();

  // the calendar holds the regional day; the dashboard now shows the way back to the checklist
  await page.goto(`${BASE}/admin/pengaturan/kalender?tahun=2026`);
  await expect(page.locator("summary", { hasText: "Hari Jadi Kabupaten" })).toBeVisible();
  await page.goto(`${BASE}/dasbor`);
  await expect(page.getByRole("link", { name: "Lanjutkan persiapan" })).toHaveAttribute("href", "/admin/mulai");
});
