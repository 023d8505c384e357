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

test("on a phone the figures come first, the filters open from one button, and urgent requests keep their days late", async ({
  page,
}, info) => {
  await login(page, "pimpinan");
  // the first figure is on the first screen; the filter form waits behind its button
  const tile = page.getByTestId("tile-completed");
  await expect(tile.locator(".tile-value")).toBeVisible();
  const box = (await tile.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
  const toggle = page.getByRole("button", { name: /Ubah saringan/ });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(toggle).toContainText("Bulan lalu · Semua unit · Semua layanan");
  await expect(page.getByLabel("Periode")).toBeHidden();
  await page.screenshot({ path: info.outputPath("dashboard-first-screen-phone.png") });
  // keyboard: open, Escape closes and gives focus back to the button
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: /Tutup saringan/ })).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByLabel("Periode")).toBeVisible();
  await page.getByLabel("Periode").focus();
  await page.keyboard.press("Escape");
  await expect(page.getByLabel("Periode")).toBeHidden();
  await expect(page.getByRole("button", { name: /Ubah saringan/ })).toBeFocused();
  // a choice applies, and the button names it
  await page.getByRole("button", { name: /Ubah saringan/ }).click();
  await page.getByLabel("Periode").selectOption("tahun-ini");
  await expect(page).toHaveURL(/periode=tahun-ini/);
  await expect(page.getByRole("button", { name: /Ubah saringan/ })).toContainText("Tahun ini");

  await page.goto("/dasbor/layanan");
  const table = page.getByTestId("slowest-table");
  await table.scrollIntoViewIfNeeded();
  const late = table.locator("tbody tr").first().locator("td.days-late");
  await expect(late).toBeVisible();
  const cell = (await late.boundingBox())!;
  expect(cell.x + cell.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  await table.screenshot({ path: info.outputPath("urgent-phone.png") });
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
  await page.goto("/dasbor?periode=bulan-ini");
  const tile = page.getByTestId("tile-ikm");
  // graded from 30 respondents up; fewer say how many answered and that it is not graded yet
  await expect(tile).toContainText(/Mutu [ABCD] \(.+\) · \d+ responden|\d+ dari minimal 30 responden: belum dinilai/);
});

test("the survey page loads on a phone without a failed request, with the icon and the web app manifest", async ({
  page,
}) => {
  const failed: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto("/survei/loket-bkpsdm");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // browsers ask for /favicon.ico on every page whether or not it is linked
  expect((await page.request.get("/favicon.ico")).headers()["content-type"]).toContain("image/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = (await (await page.request.get(href!)).json()) as {
    name: string;
    start_url: string;
    icons: { src: string }[];
  };
  expect(manifest.start_url).toBe("/");
  for (const icon of manifest.icons) expect((await page.request.get(icon.src)).status()).toBe(200);
  expect(failed).toEqual([]);
});
