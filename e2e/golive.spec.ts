// Going live on an empty data folder with PANTAU_DEMO=0, in the browser only: a new administrator sets
// the region up, uploads the sample unit list and employee export, maps the one column Pantau does not
// know, creates accounts, uploads an attendance and an e-Kinerja export, and then sees the region's own
// units and employees on the dashboard and the compliance list; a bad file shows its reasons.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { startServerWithoutDemo } from "./helpers";

const PORT = 3251;
const BASE = `http://127.0.0.1:${PORT}`;
const SAMPLES = path.resolve("etl/samples");
// PANTAU_TODAY is refused without demo data (a real region lives on the real date): the pilot samples'
// November 2026 attendance and October e-Kinerja are in the past from 18 Nov 2026 on.

let server: Awaited<ReturnType<typeof startServerWithoutDemo>>;
let log = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  server = await startServerWithoutDemo(PORT, "golive");
  log = server.startOutput;
});

test.afterAll(() => server?.stop());

const ADMIN = { username: "admin.bkpsdm", name: "Admin BKPSDM Contoh", password: "Mulai-Pantau-2026!" };

async function signIn(page: Page, username: string, password: string) {
  await page.goto(`${BASE}/masuk`);
  await page.getByLabel(/Nama pengguna|Username/).fill(username);
  await page.getByLabel(/Kata sandi|Password/).fill(password);
  await page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).click();
  await expect(page).not.toHaveURL(/\/masuk/);
}

async function upload(page: Page, kind: RegExp, file: string) {
  await page.goto(`${BASE}/data/induk`);
  await page.getByLabel(kind).check();
  await page.getByLabel(/Berkas \(\.xlsx atau \.csv\)/).setInputFiles(path.join(SAMPLES, file));
  await page.getByRole("button", { name: "Unggah dan lihat pratinjau" }).click();
  await expect(page).toHaveURL(/\/data\/induk\/\d+/);
}

const count = (page: Page, key: string) => page.getByTestId(`count-${key}`);

/** The page at a phone's width: nothing wider than the screen (tables scroll in their own box); a screenshot to look at. */
async function phoneLook(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath(`${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: test.info().outputPath(`${name}-desktop.png`), fullPage: true });
}

test("a new administrator sets the region up from the one-time link", async ({ page }) => {
  const link = /(\/aktivasi\/[A-Za-z0-9_-]{20,})/.exec(log)?.[1];
  expect(link, `setup link in the server's output:\n${log}`).toBeTruthy();
  await page.goto(`${BASE}${link}`);
  await setUpFirstAdmin(page);
  await setUpRegion(page);
});

test("units and employees from the region's own Excel and CSV files", async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  // the unit list, below its title rows
  await upload(page, /Daftar unit kerja/, "unit-kerja-contoh.xlsx");
  await expect(page.getByText(/Kepala kolom ditemukan di baris 4/)).toBeVisible();
  await expect(count(page, "unitsCreated")).toHaveText("9");
  await page.getByRole("button", { name: "Terapkan impor" }).click();
  await expect(page.getByText(/Impor diterapkan/)).toBeVisible();

  // the CSV export: its unit column is unknown, so it is mapped once
  await upload(page, /Data pegawai/, "pegawai-contoh.csv");
  await expect(page.getByRole("heading", { name: "Petakan kolom" })).toBeVisible();
  await phoneLook(page, "master-mapping");
  const unit = page.getByLabel(/^Unit kerja/);
  await expect(unit.locator("option", { hasText: "Satker Penempatan" })).toHaveText(/contoh: Sekretariat Daerah/);
  await unit.selectOption("9"); // the file's 10th column, "Satker Penempatan"
  await page.getByRole("button", { name: "Simpan pemetaan" }).click();
  await expect(count(page, "employeesCreated")).toHaveText("14");
  await expect(count(page, "problems")).toHaveText("1");
  await expect(page.getByRole("cell", { name: /notasi ilmiah \(1,98702E\+17\)/ })).toBeVisible();
  await phoneLook(page, "master-preview");
  await page.getByRole("button", { name: "Terapkan impor" }).click();
  await expect(page.getByText(/Impor diterapkan/)).toBeVisible();

  // the same export as .xlsx: nothing changes; the number-typed NIP says to format the column as text
  await upload(page, /Data pegawai/, "pegawai-contoh.xlsx");
  await expect(count(page, "employeesUnchanged")).toHaveText("14");
  await expect(page.getByRole("cell", { name: /tersimpan sebagai angka di Excel/ })).toBeVisible();
  await page.getByRole("button", { name: "Batalkan" }).click();
  await expect(page.getByText("Impor dibatalkan; tidak ada yang disimpan.")).toBeVisible();
});

test("accounts for the pilot's unit heads and employees; a new user changes the one-time password first", async ({
  page,
  browser,
}) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto(`${BASE}/admin/pengguna`);
  const bulk = page.getByRole("region", { name: "Buat akun dari daftar pegawai" });
  await bulk.getByRole("button", { name: "Tampilkan pratinjau" }).click();
  const summary = bulk.getByText(/akun akan dibuat/);
  await expect(summary).toContainText(/^13 akun/); // Siti Aminah retires on 1 Dec 2026: no account
  page.once("dialog", (d) => void d.accept());
  await bulk.getByRole("button", { name: "Buat 13 akun" }).click();
  const list = page.getByRole("region", { name: "Akun baru dan kata sandi sekali pakai" });
  await expect(list.getByText("13 akun dibuat.")).toBeVisible();
  const row = list.locator(".credential-table tbody tr").filter({ hasText: "Ahmad Fauzi" });
  await expect(row.locator("td").nth(3)).toHaveText("Kepala unit");
  const username = (await row.locator("td").nth(0).textContent())!.trim();
  const password = (await row.locator("td").nth(1).textContent())!.trim();

  const context = await browser.newContext();
  const head = await context.newPage();
  await head.goto(`${BASE}/masuk`);
  await head.getByLabel("Nama pengguna").fill(username);
  await head.getByLabel("Kata sandi").fill(password);
  await head.getByRole("button", { name: "Masuk" }).click();
  await expect(head).toHaveURL(/\/saya\/kata-sandi/);
  await head.getByLabel("Kata sandi sekali pakai").fill(password);
  await head.getByLabel("Kata sandi baru", { exact: true }).fill("kopi-pagi-di-dinas");
  await head.getByLabel("Ulangi kata sandi baru").fill("kopi-pagi-di-dinas");
  await head.getByRole("button", { name: "Simpan kata sandi baru" }).click();
  await expect(head).not.toHaveURL(/kata-sandi/);
  await context.close();
});

test("a bad file shows its reasons and stores nothing", async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto(`${BASE}/data/induk`);
  await page.getByLabel(/Data pegawai/).check();
  await page.getByLabel(/Berkas \(\.xlsx atau \.csv\)/).setInputFiles({
    name: "lama.xlsx",
    mimeType: "application/octet-stream",
    buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  });
  await page.getByRole("button", { name: "Unggah dan lihat pratinjau" }).click();
  await expect(page.locator("p.alert.error")).toContainText("Excel 97–2003");
  await page.getByRole("button", { name: "Batalkan" }).click();
  // an export upload that is not an export
  await page.goto(`${BASE}/data`);
  await page
    .getByTestId("upload-exports")
    .setInputFiles({ name: "catatan.csv", mimeType: "text/csv", buffer: Buffer.from("halo;dunia\n1;2\n") });
  await expect(page.getByTestId("upload-row").first()).toContainText(/Ditolak/, { timeout: 30_000 });
});

test("attendance and e-Kinerja exports uploaded in the browser reach the dashboard and the compliance list", async ({
  page,
}) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto(`${BASE}/data`);
  await page
    .getByTestId("upload-exports")
    .setInputFiles([path.join(SAMPLES, "absensi-pilot.csv"), path.join(SAMPLES, "ekinerja-pilot.xlsx")]);
  const rows = page.getByTestId("upload-row");
  // 14 people × 12 working days of 2–17 November
  await expect(rows.filter({ hasText: "absensi-pilot.csv" })).toContainText(/Dibaca 168, dimuat 168/, {
    timeout: 60_000,
  });
  await expect(rows.filter({ hasText: "ekinerja-pilot.xlsx" })).toContainText(/Dibaca 14, dimuat 14/, {
    timeout: 60_000,
  });
  await expect(rows.filter({ hasText: "absensi-pilot.csv" })).toContainText("Tidak ada baris dikarantina.");
  await phoneLook(page, "data-uploads");

  // the region's own units on the attendance dashboard for November (the ETL ran when the files came)
  await page.goto(`${BASE}/dasbor/kehadiran?periode=rentang&dari=2026-11-01&sampai=2026-11-30`);
  await expect(page.getByRole("table").getByText("Dinas Pendidikan").first()).toBeVisible();
  await expect(page.getByRole("table").getByText("Puskesmas Kota").first()).toBeVisible();
  await page.goto(`${BASE}/kepatuhan?dari=2026-10&sampai=2026-10`);
  // the two who sent no October realisation (ekinerja-pilot.xlsx), by their own names, units and NIPs
  await expect(page.getByText(/^2 pegawai\./)).toBeVisible();
  await expect(
    page.getByRole("row", { name: /Dewi Lestari, S\.Sos\. 198512312010122004 Sekretariat Dinas Pendidikan/ }),
  ).toBeVisible();
  await expect(page.getByRole("row", { name: /Hendra Gunawan, S\.KM\. .*Sekretariat Dinas Kesehatan/ })).toBeVisible();
});

// ---- the setup pages (e2e/first-run.spec.ts tests them in detail) ----

async function setUpFirstAdmin(page: Page) {
  await page.getByLabel("Nama pengguna").fill(ADMIN.username);
  await page.getByLabel("Nama lengkap").fill(ADMIN.name);
  await page.getByLabel("Kata sandi", { exact: true }).fill(ADMIN.password);
  await page.getByLabel("Ulangi kata sandi").fill(ADMIN.password);
  await page.getByRole("button", { name: "Buat akun administrator" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Akun administrator dibuat");
  await signIn(page, ADMIN.username, ADMIN.password);
}

async function setUpRegion(page: Page) {
  await page.goto(`${BASE}/dasbor`);
  await expect(page).toHaveURL(`${BASE}/admin/pengaturan/daerah`);
  await page.getByLabel("Nama daerah").fill("Kabupaten Contoh");
  await page.getByLabel("Kode daerah").fill("CONTOH");
  await page.getByRole("button", { name: "Simpan daerah" }).click();
  await expect(page).toHaveURL(/\/admin\/mulai/);
}
