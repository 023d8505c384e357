import { expect, test } from "@playwright/test";
import { as } from "./helpers";
import { TODAY } from "./today";

const nextYear = Number(TODAY.slice(0, 4)) + 1;

test("HR changes a service's SLA and is told it applies to requests submitted from now on", async ({ page }, info) => {
  await as(page, "bkpsdm");
  await page.goto("/admin/pengaturan/layanan");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Katalog layanan");
  await expect(page.locator(".setup-note")).toContainText("berlaku untuk permohonan yang diajukan setelahnya");
  await page.getByRole("link", { name: "Ubah Ujian dinas" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ujian dinas");
  const sla = page.getByLabel("SLA (hari kerja)");
  await expect(sla).toHaveValue("10");

  // a wrong value is refused next to the field, the rest of the form as typed
  await page.getByLabel("Nama (English)").first().fill("Civil service examination");
  await sla.fill("0");
  await page.getByRole("button", { name: "Simpan" }).click();
  // the error is tied to its field: a screen reader reads it with the field
  await expect(page.getByLabel("SLA (hari kerja)")).toHaveAccessibleDescription(/SLA adalah 1–365 hari kerja\./);
  await expect(page.getByRole("alert").filter({ hasText: "perlu diperbaiki" })).toBeVisible();
  await expect(page.getByLabel("Nama (English)").first()).toHaveValue("Civil service examination");
  await expect(page.getByLabel("SLA (hari kerja)")).toBeFocused();

  await page.getByLabel("SLA (hari kerja)").fill("12");
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page).toHaveURL(/\/admin\/pengaturan\/layanan\?tersimpan=/);
  await expect(page.getByRole("status")).toContainText(
    "Ujian dinas tersimpan. Perubahan SLA berlaku untuk permohonan yang diajukan setelahnya",
  );
  const row = page.getByRole("row").filter({ hasText: "UJIAN-DINAS" });
  await expect(row).toContainText("12 hari kerja");
  await page.screenshot({ path: info.outputPath("services-desktop.png"), fullPage: true });

  // back as it was, for the specs after this one
  await row.getByRole("link").click();
  await page.getByLabel("SLA (hari kerja)").fill("10");
  await page.getByLabel("Nama (English)").first().fill("Civil service exam");
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByRole("row").filter({ hasText: "UJIAN-DINAS" })).toContainText("10 hari kerja");

  // every change is in the audit log with before and after (the administrator reads it)
  await as(page, "admin");
  await page.goto("/admin/audit");
  await expect(page.getByText("service_type.update").first()).toBeVisible();
});

test("ADMIN adds a regional holiday to next year's calendar, changes it and removes it", async ({ page }, info) => {
  await as(page, "admin");
  await page.goto("/admin/pengaturan");
  await expect(page.getByLabel("Nama daerah")).not.toHaveValue("");
  await page
    .getByRole("navigation", { name: "Bagian pengaturan" })
    .getByRole("link", { name: "Kalender kerja" })
    .click();
  await expect(page.locator(".setup-note")).toContainText("dibangun ulang penuh");
  await page.getByRole("link", { name: String(nextYear), exact: true }).click();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(`${nextYear}: 0 hari libur dan cuti bersama`);

  const add = page.getByRole("group", { name: "Tambah hari libur" });
  await add.getByLabel("Tanggal").fill(`${nextYear}-04-22`);
  await add.getByRole("button", { name: "Tambah" }).click();
  await expect(add.getByLabel("Keterangan")).toHaveAccessibleDescription("Wajib diisi.");
  await add.getByLabel("Keterangan").fill("Hari Jadi Kabupaten");
  await add.getByRole("button", { name: "Tambah" }).click();
  await expect(page.getByRole("status")).toHaveText("Hari libur ditambahkan.");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(`${nextYear}: 1 hari libur dan cuti bersama`);

  // the list shows each day as one line; its forms open under it
  await page.locator("summary", { hasText: "Hari Jadi Kabupaten" }).click();
  const day = page.getByRole("group", { name: `${nextYear}-04-22 Hari Jadi Kabupaten` });
  await day.getByLabel("Keterangan").fill("Hari Jadi Kabupaten ke-75");
  await day.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByRole("status")).toHaveText("Hari libur diubah.");
  await expect(page.locator("summary", { hasText: "Hari Jadi Kabupaten ke-75" })).toContainText(`22 Apr ${nextYear}`);
  await page.screenshot({ path: info.outputPath("calendar-desktop.png"), fullPage: true });
  await page.locator("summary", { hasText: "Hari Jadi Kabupaten ke-75" }).click();

  await page.getByRole("button", { name: `Hapus ${nextYear}-04-22 Hari Jadi Kabupaten ke-75` }).click();
  await expect(page.getByRole("status")).toHaveText("Hari libur dihapus.");
  await expect(page.getByText("Belum ada hari libur pada tahun ini.")).toBeVisible();
});

test("ADMIN sees the getting-started checklist, linked from the dashboard while steps are open", async ({ page }) => {
  await as(page, "admin");
  await page.goto("/admin/mulai");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mulai");
  const steps = page.locator(".setup-checklist li");
  await expect(steps).toHaveCount(8);
  // the demo region has everything: every step ticked itself
  await expect(page.locator(".setup-checklist li.done")).toHaveCount(8);
  await expect(page.getByRole("link", { name: /Buat titik layanan survei/ })).toHaveAttribute("href", "/admin/survei");
});

test.describe("at phone width", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the settings pages fit a phone", async ({ page }, info) => {
    await as(page, "admin");
    for (const [path, name] of [
      ["/admin/pengaturan", "region"],
      [`/admin/pengaturan/kalender?tahun=${TODAY.slice(0, 4)}`, "calendar"],
      ["/admin/pengaturan/layanan", "services"],
      ["/admin/mulai", "start"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.screenshot({ path: info.outputPath(`${name}-phone.png`), fullPage: true });
    }
  });
});
