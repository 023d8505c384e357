import { expect, test, type Page } from "@playwright/test";
import { as } from "./helpers";
import { daysAfter } from "./today";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

/** yyyy-mm-dd of the Monday at least two weeks after the tests' today, and the Tuesday after it. */
function leaveDates() {
  let ahead = 14;
  while (new Date(`${daysAfter(ahead)}T00:00:00Z`).getUTCDay() !== 1) ahead++;
  return { start: daysAfter(ahead), end: daysAfter(ahead + 1) };
}

const completedTile = async (page: Page) => {
  // this month (to date): the request completed today counts there; the default is the last complete month
  await page.goto("/dasbor?periode=bulan-ini");
  const value = page.getByTestId("tile-completed").locator(".tile-value");
  await expect(value).toHaveText(/^[\d.]+$/);
  return Number((await value.textContent())!.replace(/\./g, ""));
};

test("an employee's leave request goes through BKPSDM, the supervisor and back, and the overview counts it", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await as(page, "pimpinan");
  const completedBefore = await completedTile(page);

  // the employee submits a leave request with its document
  await as(page, "pegawai");
  await expect(page).toHaveURL(/\/layanan$/);
  await expect(page.getByTestId("leave-balance")).toContainText("12 dari 12 hari kerja");
  await page.getByRole("link", { name: "Ajukan layanan" }).click();
  await page.getByRole("link", { name: /^Cuti/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Permohonan Cuti");
  await page.getByRole("button", { name: "Kirim permohonan" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Perbaiki isian" })).toBeVisible();
  await expect(page.locator("#leaveKind-error")).toHaveText("Wajib diisi.");
  await expect(page.locator("#doc_SURAT_PERMOHONAN-error")).toHaveText("Dokumen ini wajib diunggah.");
  const { start, end } = leaveDates();
  await page.getByLabel("Jenis cuti").selectOption("TAHUNAN");
  await page.getByLabel("Mulai tanggal").fill(start);
  await page.getByLabel("Sampai tanggal").fill(end);
  await expect(page.getByText(/Lama cuti: [12] hari kerja/)).toBeVisible();
  await page.getByLabel("Alasan / keterangan").fill("Menghadiri wisuda anak");
  await page.getByLabel("Alamat selama cuti").fill("Jl. Kenanga 12, Sukamaju");
  // a picture saved as .pdf is refused by its bytes, and the form comes back filled in
  await page
    .getByLabel("Surat permohonan cuti")
    .setInputFiles({ name: "surat.pdf", mimeType: "application/pdf", buffer: Buffer.from("GIF89a not a pdf") });
  await page.getByRole("button", { name: "Kirim permohonan" }).click();
  await expect(page.locator("#doc_SURAT_PERMOHONAN-error")).toHaveText('Berkas "surat.pdf" bukan PDF atau JPG.');
  await expect(page.getByLabel("Alasan / keterangan")).toHaveValue("Menghadiri wisuda anak");
  await page
    .getByLabel("Surat permohonan cuti")
    .setInputFiles({ name: "surat-cuti.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Kirim permohonan" }).click();
  await expect(page).toHaveURL(/\/layanan\/[\w-]+\?dikirim=1$/);
  await expect(page.getByTestId("request-status")).toHaveText("Diajukan");
  const url = page.url().replace(/\?.*$/, "");
  const number = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Permohonan ", "");
  await expect(page.getByRole("link", { name: "surat-cuti.pdf" })).toBeVisible();

  // BKPSDM verifies it from the verification queue
  await as(page, "bkpsdm");
  await page.goto("/antrian?antrian=verification");
  await page.getByRole("link", { name: number }).click();
  await page.getByRole("button", { name: "Verifikasi: lengkap" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Diverifikasi BKPSDM");

  // the supervisor (head of the school's parent unit) approves it from the approval queue
  await as(page, "kadisdik");
  await page.goto("/antrian");
  await expect(page.getByRole("link", { name: /^Persetujuan/ })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: number }).click();
  await page.getByRole("button", { name: "Setujui" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Memenuhi syarat (MS)");

  // BKPSDM completes it with the decree
  await as(page, "bkpsdm");
  await page.goto(url);
  await page.getByRole("button", { name: "Selesaikan" }).click();
  await expect(page.locator("#doc_DECREE-error")).toHaveText("Dokumen ini wajib diunggah.");
  await page
    .getByLabel("SK / surat hasil (PDF atau JPG)")
    .setInputFiles({ name: "SK-cuti.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Selesaikan" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Selesai");

  // the employee sees every step, the decree, notifications and the survey link
  await as(page, "pegawai");
  await expect(page.getByRole("link", { name: /🔔|notifikasi belum dibaca/ })).toBeVisible();
  await page.goto("/layanan");
  await expect(page.getByRole("row", { name: new RegExp(number) })).toContainText("Selesai");
  await page.getByRole("link", { name: number }).click();
  const steps = page.locator(".timeline li");
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(1)).toContainText("Diverifikasi BKPSDM");
  await expect(steps.nth(1)).toContainText("oleh Sri Wahyuni, S.E.");
  await expect(steps.nth(2)).toContainText("oleh Dr. Ahmad Fauzi, M.Pd.");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "SK-cuti.pdf" }).click();
  expect((await download).suggestedFilename()).toBe("SK-cuti.pdf");
  await page.getByRole("button", { name: "Isi survei kepuasan" }).click();
  await expect(page).toHaveURL(/\/survei\/undangan\/[\w-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Survei Kepuasan Masyarakat");
  await page.goto("/notifikasi");
  await expect(page.locator(".notification-list li")).toHaveCount(3);
  await expect(page.locator(".notification-list li").first()).toContainText(
    `Permohonan Cuti Anda (${number}) kini berstatus: Selesai.`,
  );

  // after the ETL the overview counts the finished request
  await as(page, "bkpsdm");
  await page.goto("/data");
  await page.waitForTimeout(2_500); // the ETL leaves rows younger than 2 s (open transactions) for its next run
  await page.getByRole("button", { name: "Jalankan ETL sekarang" }).click();
  await expect(page.getByRole("status").filter({ hasText: "ETL selesai" })).toBeVisible({ timeout: 60_000 });
  await as(page, "pimpinan");
  expect(await completedTile(page)).toBe(completedBefore + 1);
});

test("a unit head sees their own units' requests only, and an employee cannot open a colleague's", async ({ page }) => {
  const disdik = /Dinas Pendidikan|SMP Negeri 1 Sukamaju|Sekolah Dasar Negeri|SMP Negeri lainnya/;
  await as(page, "kadisdik");
  await page.goto("/antrian");
  for (const row of await page.locator(".queue-table tbody tr").all())
    await expect(row.locator("td").nth(2)).toContainText(disdik);
  await as(page, "bkpsdm");
  const links: { href: string; unit: string }[] = [];
  for (const q of ["verification", "approval", "completion"]) {
    await page.goto(`/antrian?antrian=${q}`);
    for (const row of await page.locator(".queue-table tbody tr").all()) {
      links.push({
        href: (await row.getByRole("link").getAttribute("href"))!,
        unit: (await row.locator("td").nth(2).textContent())!,
      });
    }
  }
  expect(links.length).toBeGreaterThan(0);
  await as(page, "pegawai");
  expect((await page.goto(links[0]!.href))?.status()).toBe(404);
  expect((await page.goto("/antrian"))?.status()).toBe(403);
  // another unit's request (the pinned demo day always has some open)
  const outside = links.find((l) => !disdik.test(l.unit));
  expect(outside).toBeDefined();
  await as(page, "kadisdik");
  expect((await page.goto(outside!.href))?.status()).toBe(404);
});
