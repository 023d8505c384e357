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

test("a citizen answers the survey on a phone from the counter's QR link", async ({ page }, info) => {
  await page.goto("/survei/loket-bkpsdm?via=qr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Survei Kepuasan Masyarakat");
  // sending too early says what is missing, next to the fields
  await page.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "perlu diperbaiki" })).toBeVisible();
  await expect(page.locator("#u1-error")).toHaveText("Pilih salah satu jawaban.");
  await page.getByLabel("Layanan yang Anda terima").selectOption({ label: "Cuti" });
  await page.getByLabel("Usia").selectOption("26-35");
  await page.getByLabel("Jenis kelamin").selectOption("P");
  await page.getByLabel("Pendidikan terakhir").selectOption("D4-S1");
  await page.getByLabel("Pekerjaan").selectOption("PNS");
  for (let i = 1; i <= 9; i++) await page.locator(`input[name="u${i}"][value="${i === 8 ? 2 : 4}"]`).check();
  await page.getByLabel("Saran, masukan, atau pengaduan").fill("Ruang tunggu kurang kursi.");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: info.outputPath("survey-phone.png"), fullPage: true });
  await page.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(page).toHaveURL(/\/survei\/terima-kasih/);
  await expect(page.getByRole("status")).toContainText("sudah tersimpan");

  // HR runs the ETL; the response then counts in the overview's IKM tile
  await login(page, "bkpsdm");
  await page.goto("/data");
  // rows younger than the ETL's lag (2 s, for transactions still open) wait for the next run
  await page.waitForTimeout(2_500);
  await page.getByRole("button", { name: "Jalankan ETL sekarang" }).click();
  await expect(page.getByRole("status").filter({ hasText: "ETL selesai" })).toBeVisible({ timeout: 60_000 });
  await page.goto("/dashboard?period=month");
  const tile = page.getByTestId("tile-ikm");
  // graded from 30 respondents up; fewer say how many answered and that it is not graded yet
  await expect(tile).toContainText(/Mutu [ABCD] \(.+\) · \d+ responden|\d+ dari minimal 30 responden: belum dinilai/);
});
