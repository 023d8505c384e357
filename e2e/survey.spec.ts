import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { as, login } from "./helpers";

test("HR adds a service point, prints its QR code and exports the answers without contacts", async ({ page }) => {
  await login(page, "bkpsdm");
  await page.getByRole("link", { name: "Survei" }).click();
  await expect(
    page
      .getByTestId("point-loket-bkpsdm")
      .getByRole("img", { name: /Kode QR survei/ })
      .locator("svg"),
  ).toBeVisible();

  const pointForm = page.locator("form").filter({ has: page.getByRole("button", { name: "Buat titik layanan" }) });
  await pointForm.getByLabel("Kode (dipakai di tautan)").fill("loket-mutasi");
  await pointForm.getByLabel("Nama", { exact: true }).fill("Loket Mutasi");
  await page.getByRole("button", { name: "Buat titik layanan" }).click();
  await expect(page.getByRole("status")).toHaveText("Titik layanan loket-mutasi dibuat.");
  const point = page.getByTestId("point-loket-mutasi");
  await expect(point.getByRole("link", { name: /\/survei\/loket-mutasi$/ })).toBeVisible();
  await point.getByRole("link", { name: "Cetak kode QR" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bagaimana pelayanan kami?");
  await expect(page.locator(".qr-big svg")).toBeVisible();

  await page.goto("/admin/survei");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Unduh semua jawaban/ }).click();
  const csv = readFileSync(await (await download).path(), "utf8");
  const header = csv.replace("\ufeff", "").split("\r\n")[0]!;
  expect(header).toContain("u9");
  expect(header).not.toMatch(/kontak|contact/);
});

test("a unit head cannot open the survey administration", async ({ page }) => {
  await login(page, "kadisdik");
  const res = await page.goto("/admin/survei");
  expect(res?.status()).toBe(403);
  const exp = await page.request.get("/api/ekspor/survei");
  expect(exp.status()).toBe(403);
});

test("the survey API stores an answer (201) and says what is wrong in both languages (400)", async ({ request }) => {
  const ok = await request.post("/api/survei/loket-cuti", {
    headers: { "x-forwarded-for": "192.0.2.77" },
    data: {
      submissionKey: "e2e-api-answer-000001",
      ageGroup: "36-45",
      gender: "L",
      education: "SMA",
      occupation: "SWASTA",
      u1: 4,
      u2: 4,
      u3: 3,
      u4: 4,
      u5: 3,
      u6: 4,
      u7: 4,
      u8: 3,
      u9: 3,
    },
  });
  expect(ok.status()).toBe(201);
  const bad = await request.post("/api/survei/loket-cuti", {
    headers: { "x-forwarded-for": "192.0.2.78" },
    data: { submissionKey: "e2e-api-answer-000002", gender: "X" },
  });
  expect(bad.status()).toBe(400);
  const body = (await bad.json()) as {
    errors: Record<string, string>;
    messages: Record<string, { id: string; en: string }>;
  };
  expect(body.errors.gender).toBe("survey.error.choose");
  expect(body.messages.u1).toEqual({ id: "Pilih salah satu jawaban.", en: "Choose one answer." });
  expect((await request.post("/api/survei/tidak-ada", { data: {} })).status()).toBe(400);
});

test("HR rewords a question and the public form asks it that way", async ({ page }) => {
  await login(page, "bkpsdm");
  await page.goto("/admin/survei");
  const u9 = page.locator("details.wording").filter({ hasText: "U9" });
  await u9.locator("summary").click();
  await u9.getByLabel("Pertanyaan (Indonesia)").fill("Bagaimana kenyamanan ruang tunggu dan fasilitas kami?");
  await u9.getByRole("button", { name: "Simpan U9" }).click();
  await expect(page.getByRole("status")).toHaveText("Kalimat U9 disimpan.");
  await page.goto("/survei/loket-cuti");
  await expect(page.getByText("Bagaimana kenyamanan ruang tunggu dan fasilitas kami?")).toBeVisible();
});

test("HR opens the staff ratings on purpose; a leader cannot", async ({ page }) => {
  await login(page, "bkpsdm");
  await page.goto("/admin/survei");
  await page.getByRole("link", { name: "Penilaian petugas (khusus SDM)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Penilaian petugas dari survei");
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText(/\d,\d{2}/);
  // signing out by the button races the next sign-in; clearing the session does not
  await as(page, "pimpinan");
  expect((await page.goto("/admin/survei/petugas"))?.status()).toBe(403);
});

test("issuing a one-time link for an unknown request says so", async ({ page }) => {
  await login(page, "bkpsdm");
  await page.goto("/admin/survei");
  await page.getByLabel("Nomor permohonan").fill("TIDAK-ADA/1");
  await page.getByRole("button", { name: "Buat tautan" }).click();
  await expect(page.locator("p.alert.error")).toHaveText("Nomor permohonan itu tidak ditemukan.");
});

test("HR adds a survey period and the satisfaction page opens its IKM", async ({ page }) => {
  await login(page, "bkpsdm");
  await page.goto("/admin/survei");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Tambah periode" }) });
  await form.getByLabel("Nama").fill("SKM Tahun 2026");
  await form.getByLabel("Dari").fill("2026-01-01");
  await form.getByLabel("Sampai").fill("2026-12-31");
  await form.getByRole("button", { name: "Tambah periode" }).click();
  await page.getByRole("link", { name: "SKM Tahun 2026" }).first().click();
  await expect(page).toHaveURL(/\/dasbor\/kepuasan\?periode=rentang&dari=2026-01-01&sampai=2026-12-31/);
  await expect(
    page.getByRole("navigation", { name: "Periode survei" }).getByRole("link", { name: "SKM Tahun 2026" }),
  ).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("ikm-overall").locator(".tile-value")).toHaveText(/^\d{2,3},\d{2}$/);
});
