import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { as, login } from "./helpers";

test("a leader reads the overview, filters to a unit through the URL and downloads the CSV", async ({ page }, info) => {
  await login(page, "pimpinan");
  const completed = page.getByTestId("tile-completed");
  await expect(completed.locator(".tile-value")).toHaveText(/^\d[\d.]*$/);
  await expect(page.getByTestId("tile-attendanceRate").locator(".tile-value")).toHaveText(/^\d{1,3},\d%$/);
  // the trend lines are drawn, with an accessible name
  await expect(
    page.getByRole("img", { name: "Tren 12 bulan: Tingkat kehadiran" }).locator("path.recharts-curve"),
  ).toHaveCount(1);
  await page.screenshot({ path: info.outputPath("overview-desktop.png"), fullPage: true });

  await page.getByLabel("Unit kerja").selectOption({ label: "Dinas Pendidikan" });
  await expect(page).toHaveURL(/unit=/);
  await expect(page.getByText("Cakupan: Dinas Pendidikan dan sub-unitnya")).toBeVisible();
  await page.getByLabel("Periode").selectOption("tahun-ini");
  await expect(page).toHaveURL(/periode=tahun-ini/);
  await expect(page).toHaveURL(/unit=/);
  await page.goBack();
  await expect(page).not.toHaveURL(/periode=tahun-ini/);
  await expect(page.getByLabel("Periode")).toHaveValue("bulan-lalu"); // the last complete month

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Unduh CSV" }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, "utf8");
  expect(csv.startsWith("\ufeff")).toBe(true);
  expect(csv).toContain("Permohonan selesai;");
  expect(csv.split("\r\n").length).toBeGreaterThan(10);
});

test("an old bookmark (English path and parameters) opens the same view at its Indonesian address", async ({
  page,
}) => {
  await login(page, "pimpinan");
  await page.goto("/dashboard/attendance?period=custom&from=2026-10-01&to=2026-10-31");
  await expect(page).toHaveURL(/\/dasbor\/kehadiran\?periode=custom&dari=2026-10-01&sampai=2026-10-31$/);
  await expect(page.getByLabel("Periode")).toHaveValue("rentang");
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/admin\/pengguna$/);
});

test("a bad period in the URL says what is wrong and shows the last complete month", async ({ page }) => {
  await login(page, "pimpinan");
  await page.goto("/dasbor?periode=rentang&dari=2026-05-01&sampai=2026-04-01");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    "Tanggal akhir harus sama dengan atau setelah tanggal awal.",
  );
  await expect(page.getByTestId("tile-completed").locator(".tile-value")).toBeVisible();
});

test("a unit head cannot open another unit's figures but opens their sub-units", async ({ page }) => {
  await login(page, "kadisdik");
  await expect(page.getByTestId("tile-completed").locator(".tile-value")).toBeVisible();
  const res = await page.request.get(
    `/api/trpc/dashboard.overview?input=${encodeURIComponent(JSON.stringify({ json: { period: "month", unitId: "not-mine" } }))}`,
  );
  expect(res.status()).toBe(403);
  // an id outside their scope is said plainly, and their own unit is shown instead
  await page.goto("/dasbor/unit/not-mine");
  await expect(page.getByTestId("out-of-scope")).toContainText("di luar cakupan Anda");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dinas Pendidikan");
  // their own sub-unit opens from the unit page's list
  await page.goto("/dasbor");
  await page.goto(`/dasbor/unit/${await page.getByLabel("Unit kerja").inputValue()}`);
  await page.getByRole("region", { name: "Sub-unit" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/dasbor\/unit\//);
  await expect(page.getByTestId("tile-completed").locator(".tile-value")).toBeVisible();
});

test("a unit head asking for another unit is told it is outside their scope and sees their own", async ({ page }) => {
  await login(page, "pimpinan");
  const other = await page
    .getByLabel("Unit kerja")
    .locator("option", { hasText: "Dinas Kesehatan" })
    .getAttribute("value");
  await as(page, "kadisdik");
  for (const path of [
    "/dasbor",
    "/dasbor/layanan",
    "/dasbor/kehadiran",
    "/dasbor/ekinerja",
    "/dasbor/kepuasan",
    "/dasbor/rapor",
    "/dasbor/unit/",
  ]) {
    await page.goto(path.endsWith("/") ? `${path}${other}` : `${path}?unit=${other}`);
    await expect(page.getByTestId("out-of-scope"), path).toHaveText(
      /di luar cakupan Anda\. Cakupan Anda: Dinas Pendidikan dan sub-unitnya/,
    );
    await expect(page.getByText("Cakupan: Dinas Pendidikan dan sub-unitnya"), path).toBeVisible();
    await expect(page.getByText("Cakupan: seluruh daerah")).toHaveCount(0);
    await expect(page.getByText(/Indikator tidak dapat dimuat/)).toHaveCount(0);
  }
  await page.goto(`/dasbor?unit=${other}`);
  await expect(page.getByTestId("tile-completed").locator(".tile-value")).toBeVisible();
  for (const path of ["/kepatuhan?unit=", "/kepatuhan/disiplin?unit="]) {
    await page.goto(`${path}${other}`);
    await expect(page.getByTestId("out-of-scope"), path).toContainText(
      "Cakupan Anda: Dinas Pendidikan dan sub-unitnya",
    );
  }
  const csv = await page.request.get(`/api/ekspor/kepatuhan?unit=${other}&format=csv`);
  expect(csv.status()).toBe(403);
  expect(await csv.text()).toContain("di luar cakupan Anda");
});

test("service performance: charts drawn with their tables, and a unit row opens the unit page", async ({
  page,
}, info) => {
  await login(page, "pimpinan");
  await page.getByRole("link", { name: "Kinerja layanan" }).click();
  await expect(page).toHaveURL(/\/dasbor\/layanan/);
  await expect(
    page.getByRole("img", { name: "Sebaran waktu proses" }).locator(".recharts-bar-rectangle").first(),
  ).toBeVisible();
  await page.getByTestId("chart-histogram").getByText("Lihat sebagai tabel").click();
  await expect(page.getByTestId("chart-histogram").getByRole("table")).toBeVisible();
  await page.screenshot({ path: info.outputPath("services-desktop.png"), fullPage: true });
  const byUnit = page.getByRole("region", { name: "Per unit kerja" });
  const first = byUnit.getByRole("link").first();
  const name = await first.textContent();
  await first.click();
  // the unit's own page: its overview, its place in the tree, tabs narrowed to it
  await expect(page).toHaveURL(/\/dasbor\/unit\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name!);
  await expect(page.getByText(`Cakupan: ${name} dan sub-unitnya`)).toBeVisible();
  await expect(page.getByTestId("tile-completed").locator(".tile-value")).toBeVisible();
  await expect(page.getByLabel("Unit kerja")).toHaveCount(0);
  await page.getByRole("link", { name: "Kehadiran" }).click();
  await expect(page).toHaveURL(/\/dasbor\/kehadiran\?.*unit=/);
});

/** A chart's axis labels as numbers ("12%" → 12, "1.234" → 1234), after they are drawn. */
async function axisTicks(page: Page, chart: string, axis: "y" | "x" = "y") {
  const ticks = page
    .getByTestId(`chart-${chart}`)
    .locator(`.recharts-${axis}Axis-tick-labels .recharts-cartesian-axis-tick-value`);
  await expect(ticks.first()).toBeVisible();
  return (await ticks.allTextContents()).map((s) =>
    Number(s.replace(/[%\s]/g, "").replace(/\./g, "").replace(",", ".")),
  );
}

/** Every label a round number, one step apart. */
function expectRoundEvenTicks(ticks: number[], what: string) {
  expect(ticks.length, what).toBeGreaterThanOrEqual(3);
  const steps = ticks.slice(1).map((t, i) => Number((t - ticks[i]!).toFixed(6)));
  expect(new Set(steps).size, `${what}: ${ticks.join(", ")}`).toBe(1);
  expect(
    ticks.every((t) => Math.abs(t / steps[0]! - Math.round(t / steps[0]!)) < 1e-6),
    `${what}: ${ticks.join(", ")}`,
  ).toBe(true);
}

test("chart axes are round in the unit shown and show the variation; statuses in workflow order", async ({ page }) => {
  await login(page, "pimpinan");
  await page.goto("/dasbor/kehadiran?periode=tahun-ini");
  const weekday = await axisTicks(page, "att-weekday");
  expectRoundEvenTicks(weekday, "lateness by weekday");
  expect(weekday[0]).toBe(0); // bars start at 0
  const rates = await axisTicks(page, "att-rates");
  expectRoundEvenTicks(rates, "attendance rate");
  // attendance near 90 % or more: the axis hugs it and says it does not start at 0
  expect(rates[0]).toBeGreaterThan(0);
  await expect(page.getByTestId("chart-att-rates")).toContainText(/Sumbu tegak dimulai dari \d+(,\d)?%, bukan 0/);
  expectRoundEvenTicks(await axisTicks(page, "att-late"), "lateness and TK");

  await page.goto("/dasbor/kepuasan?periode=tahun-ini");
  const ikm = await axisTicks(page, "ikm-time");
  expectRoundEvenTicks(ikm, "IKM");
  expect(ikm[0]).toBeGreaterThanOrEqual(25); // IKM runs from 25: never an axis from 0

  await page.goto("/dasbor/layanan?periode=tahun-ini");
  const order = [
    "Diajukan",
    "Diverifikasi BKPSDM",
    "Dikembalikan (BTS)",
    "Memenuhi syarat (MS)",
    "Diteruskan ke BKN",
    "Pertimbangan teknis",
  ];
  const stages = page
    .getByTestId("chart-stages")
    .locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value");
  await expect(stages.first()).toBeVisible();
  // a long label wraps into lines (tspans): compared without spaces
  const shown = (await stages.allTextContents()).map((l) => l.replace(/\s/g, ""));
  expect(shown.length).toBeGreaterThanOrEqual(3);
  expect(shown).toEqual(order.map((l) => l.replace(/\s/g, "")).filter((l) => shown.includes(l)));
  expectRoundEvenTicks(await axisTicks(page, "stages", "x"), "days waiting");
});

test("attendance and e-Kinerja pages rank units and draw their charts", async ({ page }) => {
  await login(page, "pimpinan");
  await page.getByRole("link", { name: "Kehadiran" }).click();
  await expect(
    page.getByRole("img", { name: "Keterlambatan menurut lamanya" }).locator(".recharts-bar-rectangle").first(),
  ).toBeVisible();
  const ranking = page.getByRole("region", { name: "Peringkat unit menurut tingkat kehadiran" });
  await expect(ranking.getByRole("row").nth(1)).toContainText("%");
  // the ranking's count is person-days (employees × working days), and says so
  await expect(ranking.getByRole("columnheader", { name: "Hari-orang wajib hadir" })).toBeVisible();
  await expect(page.getByLabel("Jenis layanan")).toHaveCount(0);
  await page.getByRole("link", { name: "e-Kinerja" }).click();
  await expect(page.getByTestId("ek-compliant").locator(".tile-value")).toHaveText(/^\d{1,3},\d%$/);
  await expect(
    page
      .getByRole("img", { name: /Entri e-Kinerja per/ })
      .locator(".recharts-bar-rectangle")
      .first(),
  ).toBeVisible();
});

test("a period without data says so and what to do", async ({ page }) => {
  await login(page, "pimpinan");
  await page.goto("/dasbor/kehadiran?periode=rentang&dari=2020-01-01&sampai=2020-01-31");
  await expect(page.getByTestId("no-data")).toContainText("Tidak ada data untuk pilihan ini");
  await expect(page.getByTestId("no-data")).not.toContainText("ETL");
  // no survey answers: what to do is to share the survey, not to import attendance files
  await page.goto("/dasbor/kepuasan?periode=rentang&dari=2020-01-01&sampai=2020-01-31");
  await expect(page.getByTestId("no-data")).toContainText("bagikan tautan survei atau pasang kode QR-nya");
  await expect(page.getByTestId("no-data")).not.toContainText(/absensi|ETL/);
  await page.goto("/dasbor?periode=rentang&dari=2020-01-01&sampai=2020-01-31");
  await expect(page.getByTestId("no-data")).toBeVisible();
  await expect(page.getByTestId("tile-completed")).toHaveCount(0);
});

test("the satisfaction page shows IKM with grade, respondents and the weakest element", async ({ page }) => {
  await login(page, "pimpinan");
  await page.goto("/dasbor/kepuasan?periode=tahun-ini");
  const overall = page.getByTestId("ikm-overall");
  await expect(overall.locator(".tile-value")).toHaveText(/^\d{2,3},\d{2}$/);
  await expect(overall).toContainText(/Mutu: [ABCD] \(/);
  await expect(
    page.getByRole("img", { name: "Nilai tiap unsur pelayanan" }).locator(".recharts-bar-rectangle"),
  ).toHaveCount(9);
  await expect(page.getByText(/Unsur terlemah: U\d/)).toBeVisible();
  // what respondents wrote, complaints marked with their follow-up state; no contacts for a leader
  const feedback = page.getByTestId("feedback");
  await feedback.getByLabel("Tampilkan").selectOption("complaints");
  await expect(feedback.locator("li.complaint").first()).toContainText("Pengaduan (");
  await expect(feedback.getByText("Kontak:")).toHaveCount(0);
});

test("the unit scorecard ranks units with every component visible", async ({ page }) => {
  await login(page, "pimpinan");
  await page.goto("/dasbor/rapor?periode=tahun-ini");
  const table = page.getByRole("region", { name: "Unit menurut peringkat gabungan" }).getByRole("table");
  await expect(table.getByRole("row").nth(1).getByRole("cell").first()).toHaveText("1");
  await expect(table.getByRole("row").nth(1)).toContainText("#");
  await table.getByRole("row").nth(1).getByRole("link").click();
  await expect(page).toHaveURL(/\/dasbor\/unit\//);
});
