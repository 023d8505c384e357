import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { as } from "./helpers";
import { monthBefore } from "./today";

test("HR finds a chronic e-Kinerja skipper, records a follow-up and exports the list", async ({ page }) => {
  await as(page, "bkpsdm");
  await page.goto("/kepatuhan?urut=streak");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kepatuhan e-Kinerja");
  // on time and late in columns of their own, and the rate named for what it counts (a late filer is 0 % on time)
  await expect(page.locator(".compliance-table thead th")).toHaveText([
    "Pegawai",
    "Unit kerja",
    "Wajib diisi",
    "Tepat waktu",
    "Terlambat",
    "Tidak diisi",
    "Tingkat tepat waktu",
    "Terlewat beruntun",
    "Isian terakhir",
    "Tindak lanjut",
  ]);
  await expect(page.locator(".compliance-table")).not.toContainText("terlambat)");
  await expect(page.getByRole("heading", { level: 2, name: "Batas pengisian e-Kinerja", exact: true })).toBeVisible();
  const first = page.locator(".compliance-table tbody tr").first();
  // the generator's chronic skippers miss month after month: the longest streak leads
  const streak = Number(await first.locator("td").nth(7).textContent());
  expect(streak).toBeGreaterThanOrEqual(3);
  const name = (await first.getByRole("link").textContent())!;
  const nip = (await first.locator(".small").textContent())!;

  // search by the start of the NIP finds them
  await page.getByLabel("Cari nama atau NIP").fill(nip.slice(0, 12));
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page.locator(".compliance-table tbody tr").first()).toContainText(name);

  await page.getByRole("link", { name }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("chart-timeline").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await page.getByLabel("Sudah dihubungi").check();
  await page.getByLabel(/Catatan/).fill("Ditelepon; berjanji mengisi realisasi bulan lalu minggu ini.");
  await page.getByRole("button", { name: "Simpan tindak lanjut" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tindak lanjut tersimpan" })).toBeVisible();
  await expect(page.locator(".timeline li").first()).toContainText("Sudah dihubungi");
  await page.getByRole("link", { name: "Kepatuhan e-Kinerja" }).last().click();
  await page.goto(`/kepatuhan?urut=streak&cari=${encodeURIComponent(nip)}`);
  await expect(page.locator(".compliance-table tbody tr").first()).toContainText("Sudah dihubungi");

  const csv = page.waitForEvent("download");
  await page.getByRole("link", { name: "Unduh CSV" }).click();
  const csvText = readFileSync(await (await csv).path(), "utf8");
  expect(csvText.startsWith("\ufeffNIP;Pegawai;Unit kerja;Wajib diisi")).toBe(true);
  // the NIP as an Excel text formula (quoted by CSV rules), so 18 digits are not shown as 1,98E+17
  expect(csvText).toContain(`"=""${nip}""";${name};`);
  expect(csvText).toContain("Sudah dihubungi");

  const xlsx = page.waitForEvent("download");
  await page.getByRole("link", { name: "Unduh Excel" }).click();
  const file = await (await xlsx).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(2).getCell(1).value).toBe("NIP");
  const row = ws.getRow(3);
  expect([row.getCell(1).value, row.getCell(2).value]).toEqual([nip, name]);
  expect(typeof row.getCell(8).value).toBe("number"); // a real percentage, shown in the reader's locale
  expect(ws.getColumn(8).numFmt).toBe("0.0%");
});

test("a unit head sees and exports their own units only", async ({ page }) => {
  await as(page, "kadisdik");
  await page.goto("/kepatuhan");
  await expect(page.locator('select[name="unit"]').locator("option")).toHaveCount(4);
  await expect(page.locator('select[name="unit"]').locator("option", { hasText: "Semua unit" })).toHaveCount(0);
  for (const row of await page.locator(".compliance-table tbody tr").all()) {
    await expect(row.locator("td").nth(1)).toContainText(/Dinas Pendidikan|SMP Negeri|Sekolah Dasar/);
  }
  expect((await page.request.get("/api/ekspor/kepatuhan?unit=unit-lain&format=csv")).status()).toBe(403);
  // another unit: said plainly, their own units shown instead of a bare refusal
  await page.goto("/kepatuhan?unit=unit-lain");
  await expect(page.getByTestId("out-of-scope")).toContainText("Cakupan Anda: Dinas Pendidikan dan sub-unitnya");
  await page.goto("/kepatuhan/disiplin");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Pantauan disiplin");
});

test("the discipline watch shows TK and late/early days apart, and every PP 94/2021 tier in both languages", async ({
  page,
  context,
  baseURL,
}) => {
  await as(page, "bkpsdm");
  await page.goto("/kepatuhan/disiplin");
  await expect(page.getByRole("columnheader", { name: "Hari TK" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /Dari terlambat dan pulang cepat/ })).toBeVisible();
  const tiers = page.locator(".threshold-list li");
  await expect(tiers).toHaveCount(10);
  await expect(tiers.filter({ hasText: "Penurunan jabatan setingkat lebih rendah selama 12 bulan" })).toHaveCount(1);
  await expect(tiers.filter({ hasText: "Pembebasan dari jabatannya menjadi jabatan pelaksana" })).toHaveCount(1);
  await expect(tiers.filter({ hasText: "Pemberhentian dengan hormat tidak atas permintaan sendiri" })).toHaveCount(1);
  await context.addCookies([{ name: "pantau_locale", value: "en", url: baseURL! }]);
  await page.reload();
  await expect(page.getByRole("columnheader", { name: "TK days" })).toBeVisible();
  await expect(tiers.filter({ hasText: "Demotion one level for 12 months" })).toHaveCount(1);
  await expect(tiers.filter({ hasText: "Release from the post to an executor post for 12 months" })).toHaveCount(1);
  await expect(tiers.filter({ hasText: "Honourable discharge not at own request" })).toHaveCount(1);
});

test("HR publishes a transparency report; a visitor reads it and downloads the PDF; a correction is a new version", async ({
  page,
}) => {
  // two months back: the demo data already published last month's report
  const period = monthBefore(2);
  await as(page, "bkpsdm");
  await page.goto("/admin/laporan");
  // the demo's published report names the person who made it, not the seeding process
  await expect(page.locator(".report-table tbody tr").first()).toContainText("Sri Wahyuni, S.E.");
  await expect(page.locator(".report-table")).not.toContainText("demo-seed");
  // the form offers the latest month not yet published: one click makes the draft and opens its preview
  await expect(page.getByLabel("Periode")).toHaveValue(period);
  await page.getByLabel("Periode").fill("2026-13");
  await page.getByRole("button", { name: "Buat draf" }).click();
  await expect(page.locator(".alert.error")).toContainText("Periode tidak dikenal");
  await page.getByLabel("Periode").fill(period);
  await page.getByRole("button", { name: "Buat draf" }).click();
  await expect(page.getByText("Pratinjau draf.")).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/laporan\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Laporan Transparansi Pelayanan Kepegawaian");
  // publishing asks first, saying what it means; the server refuses a post without the tick
  await page.getByText("Terbitkan…").click();
  await expect(page.locator(".confirm-body")).toContainText("tidak dapat ditarik kembali");
  await page.getByLabel(/Saya mengerti/).evaluate((box) => box.removeAttribute("required"));
  await page.getByRole("button", { name: "Terbitkan sekarang" }).click();
  await expect(page.locator(".alert.error")).toContainText("Laporan belum diterbitkan");
  await page.getByLabel(/Saya mengerti/).check();
  await page.getByRole("button", { name: "Terbitkan sekarang" }).click();
  await expect(page).toHaveURL(new RegExp(`/laporan/demo/${period}`));

  // a visitor without an account
  await page.context().clearCookies();
  await page.goto("/laporan");
  await expect(page.getByRole("link", { name: /Laporan Transparansi Pelayanan Kepegawaian/ })).toHaveCount(2); // with the demo's
  await page.goto(`/laporan/demo/${period}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Laporan Transparansi Pelayanan Kepegawaian");
  await expect(page.getByText("Tentang data pribadi")).toBeVisible();
  await expect(page.getByRole("cell", { name: "< 5" }).first()).toBeVisible(); // small units hidden
  expect(await page.locator("main").innerText()).not.toMatch(/\d{18}/);
  await expect(page.getByTestId("chart-report-units").locator(".recharts-bar-rectangle").first()).toBeVisible();
  const pdf = page.waitForEvent("download");
  await page.getByRole("link", { name: "Unduh PDF" }).click();
  const bytes = readFileSync(await (await pdf).path());
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const json = await (await page.request.get(`/api/data-terbuka/laporan/demo/${period}`)).json();
  expect(json).toMatchObject({ schema: "https://pantau.go.id/schema/laporan-transparansi/v1", version: 1, minCell: 5 });

  // a correction needs a note and becomes version 2; version 1 stays readable
  await as(page, "bkpsdm");
  await page.goto("/admin/laporan");
  await page.getByLabel("Periode").fill(period);
  await page.getByRole("button", { name: "Buat draf" }).click();
  await expect(page.locator(".alert.error")).toContainText("tulis catatan");
  await page.getByLabel("Periode").fill(period);
  await page.getByLabel("Catatan koreksi").fill("Data kehadiran unit yang terlambat dikirim kini dihitung.");
  await page.getByRole("button", { name: "Buat draf" }).click();
  await page.getByText("Terbitkan…").click();
  await page.getByLabel(/Saya mengerti/).check();
  await page.getByRole("button", { name: "Terbitkan sekarang" }).click();
  await expect(page.getByTestId("report-correction")).toContainText("Koreksi (versi 2)");
  await expect(page.getByRole("link", { name: "versi 1" })).toBeVisible();
  expect((await page.goto(`/laporan/demo/${period}?versi=1`))?.status()).toBe(200);
  await expect(page.getByTestId("report-correction")).toHaveCount(0);
});
