// The report as a PDF, drawn on the server with PDFKit: the same numbers, explanations and hidden-cell
// marks as the page, tables with repeated headers across pages, bars for processing time and IKM, and
// page numbers. Standard PDF fonts (Helvetica) cover Indonesian text.
import PDFDocument from "pdfkit";
import type { Locale, Translate } from "@/i18n/catalog";
import { formatDate, formatDateTime, formatNumber } from "@/i18n/format";
import { GRADE_LABEL } from "@/lib/domain/ikm";
import { cellText, ikmCellText, periodLabel } from "../format";
import type { ReportData } from "../schemas";

const BLUE = "#0072B2";
const SKY = "#56B4E9";
const GREEN = "#009E73";
const GREY = "#555555";
const LINE = "#cccccc";

interface Column {
  title: string;
  width: number;
  align?: "left" | "right";
}

export async function reportPdf(
  d: ReportData,
  meta: { version: number; publishedAt: Date | null; changeNote: string | null },
  t: Translate,
  locale: Locale,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    bufferPages: true,
    info: {
      Title: t("report.title", { period: periodLabel(d.period.slug, locale) }),
      Author: d.region.name,
      Creator: "Pantau",
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 20;
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };
  const name = (o: { nameId: string; nameEn: string }) => (locale === "en" ? o.nameEn : o.nameId);
  const grade = (g: "A" | "B" | "C" | "D" | null) =>
    g ? `${g} (${locale === "en" ? GRADE_LABEL[g].en : GRADE_LABEL[g].id})` : "";

  const heading = (text: string) => {
    ensure(60);
    doc.moveDown(0.8).font("Helvetica-Bold").fontSize(13).fillColor("black").text(text, left, doc.y, { width });
    doc.moveDown(0.3);
  };
  const para = (text: string) => {
    doc.font("Helvetica").fontSize(9.5).fillColor("black").text(text, left, doc.y, { width, align: "left" });
    doc.moveDown(0.4);
  };

  const table = (cols: Column[], rows: string[][]) => {
    const scale = width / cols.reduce((a, c) => a + c.width, 0);
    const widths = cols.map((c) => c.width * scale);
    const drawRow = (cells: string[], bold: boolean) => {
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8.5);
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 6 }))) + 6;
      if (doc.y + h > bottom()) {
        doc.addPage();
        if (!bold)
          drawRow(
            cols.map((c) => c.title),
            true,
          );
        doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8.5);
      }
      const y = doc.y;
      let x = left;
      cells.forEach((c, i) => {
        doc
          .fillColor(bold ? "black" : c.startsWith("<") ? GREY : "black")
          .text(c, x + 3, y + 3, { width: widths[i]! - 6, align: cols[i]!.align ?? "left" });
        x += widths[i]!;
      });
      doc
        .moveTo(left, y + h)
        .lineTo(left + width, y + h)
        .strokeColor(LINE)
        .lineWidth(0.5)
        .stroke();
      doc.y = y + h;
    };
    drawRow(
      cols.map((c) => c.title),
      true,
    );
    for (const r of rows) drawRow(r, false);
    doc.x = left;
    doc.moveDown(0.5);
  };

  /** Horizontal bars: label, value, an optional marker (the SLA), on a shared scale. */
  const bars = (
    title: string,
    items: { label: string; value: number; marker?: number }[],
    max: number,
    fmt: (v: number) => string,
    color: string,
    legend?: string,
  ) => {
    if (items.length === 0) return;
    ensure(30 + items.length * 16);
    doc.font("Helvetica-Bold").fontSize(9.5).fillColor("black").text(title, left, doc.y, { width });
    if (legend) doc.font("Helvetica").fontSize(8).fillColor(GREY).text(legend, left, doc.y, { width });
    doc.moveDown(0.3);
    const labelW = 150;
    const barW = width - labelW - 50;
    for (const it of items) {
      ensure(16);
      const y = doc.y;
      doc
        .font("Helvetica")
        .fontSize(8)
        .fillColor("black")
        .text(it.label, left, y + 2, { width: labelW - 6, lineBreak: false, ellipsis: true });
      const w = Math.max(1, (it.value / max) * barW);
      doc.rect(left + labelW, y + 2, w, 10).fill(color);
      if (it.marker !== undefined) {
        const mx = left + labelW + (it.marker / max) * barW;
        doc
          .moveTo(mx, y)
          .lineTo(mx, y + 14)
          .strokeColor(SKY)
          .lineWidth(2)
          .stroke();
      }
      doc.fillColor("black").text(fmt(it.value), left + labelW + w + 4, y + 2, { width: 60, lineBreak: false });
      doc.y = y + 16;
    }
    doc.x = left;
    doc.moveDown(0.5);
  };

  // header
  doc.font("Helvetica").fontSize(10).fillColor(GREY).text(d.region.name, left, doc.y, { width });
  doc
    .font("Helvetica-Bold")
    .fontSize(18)
    .fillColor("black")
    .text(t("report.title", { period: periodLabel(d.period.slug, locale) }), { width });
  doc.font("Helvetica").fontSize(9.5).fillColor(GREY);
  doc.text(
    `${formatDate(new Date(`${d.period.from}T00:00:00Z`), locale, "UTC")} – ${formatDate(new Date(`${d.period.to}T00:00:00Z`), locale, "UTC")} · ${t("report.version", { n: meta.version })}${meta.publishedAt ? ` · ${t("report.publishedAt", { date: formatDate(meta.publishedAt, locale) })}` : ` · ${t("report.draft")}`}`,
    { width },
  );
  doc.text(t("report.dataAsOf", { date: formatDateTime(new Date(d.dataAsOf), locale) }), { width });
  if (meta.changeNote) {
    doc
      .moveDown(0.4)
      .font("Helvetica-Bold")
      .fillColor("black")
      .text(t("report.correction", { n: meta.version }), { continued: true })
      .font("Helvetica")
      .text(` ${meta.changeNote}`, { width });
  }
  doc.moveDown(0.6);
  para(t("report.privacy.body", { n: d.minCell }));

  // services
  heading(t("report.services.title"));
  para(t("report.explain.processing"));
  const shown = d.services.filter((s) => !s.suppressed && s.medianDays !== null);
  bars(
    t("report.chart.processing"),
    shown.map((s) => ({ label: name(s), value: s.medianDays!, marker: s.slaDays })),
    Math.max(1, ...shown.map((s) => Math.max(s.medianDays!, s.slaDays))),
    (v) => `${formatNumber(v, locale)} ${t("report.axis.daysShort")}`,
    BLUE,
    t("report.pdf.slaMarker"),
  );
  table(
    [
      { title: t("requests.service"), width: 3 },
      { title: t("report.col.sla"), width: 1, align: "right" },
      { title: t("report.col.completed"), width: 1.2, align: "right" },
      { title: t("report.col.median"), width: 1.2, align: "right" },
      { title: t("report.col.p90"), width: 1.2, align: "right" },
      { title: t("report.col.slaCompliance"), width: 1.4, align: "right" },
    ],
    d.services.map((s) => [
      name(s),
      formatNumber(s.slaDays, locale),
      cellText(s.completed, s.suppressed, "count", t, locale),
      cellText(s.medianDays, s.suppressed, "days", t, locale),
      cellText(s.p90Days, s.suppressed, "days", t, locale),
      cellText(s.slaCompliance, s.suppressed, "percent", t, locale),
    ]),
  );

  // satisfaction
  heading(t("report.ikm.title"));
  para(t("report.explain.ikm"));
  const o = d.satisfaction.overall;
  para(
    o.suppressed || o.standing === "insufficient"
      ? ikmCellText(o, t, locale)
      : t("report.ikm.overall", {
          ikm: ikmCellText(o, t, locale),
          grade: grade(o.grade),
          n: formatNumber(o.respondents ?? 0, locale),
        }),
  );
  if (o.minimum !== undefined) para(t("report.ikm.sampleRule"));
  const ikmShown = d.satisfaction.byService.filter((s) => !s.suppressed && s.ikm !== null);
  bars(
    t("report.chart.ikm"),
    ikmShown.map((s) => ({ label: name(s), value: s.ikm! })),
    100,
    (v) => formatNumber(v, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    GREEN,
  );
  table(
    [
      { title: `${t("requests.service")} / ${t("compliance.col.unit")}`, width: 3.5 },
      { title: "IKM", width: 1, align: "right" },
      { title: t("report.col.grade"), width: 1.6 },
      { title: t("report.col.respondents"), width: 1.2, align: "right" },
    ],
    [
      ...d.satisfaction.byService.map((s) => ({ n: name(s), ...s })),
      ...d.satisfaction.byUnit.map((u) => ({ n: u.name, ...u })),
    ].map((r) => [
      r.n,
      ikmCellText(r, t, locale),
      r.suppressed ? "" : grade(r.grade),
      cellText(r.respondents, r.suppressed, "count", t, locale),
    ]),
  );

  // units
  heading(t("report.units.title"));
  para(t("report.explain.attendance"));
  para(t("report.explain.ekinerja"));
  table(
    [
      { title: t("compliance.col.unit"), width: 3.5 },
      { title: t("report.col.employees"), width: 1.1, align: "right" },
      { title: t("report.col.attendance"), width: 1.3, align: "right" },
      { title: t("report.col.ekinerja"), width: 1.5, align: "right" },
    ],
    d.units.map((u) => [
      u.name,
      cellText(u.employees, u.suppressed, "count", t, locale),
      cellText(u.attendanceRate, u.suppressed, "percent", t, locale),
      cellText(u.ekinerjaFillRate, u.suppressed, "percent", t, locale),
    ]),
  );

  // page numbers, once every page exists. The footer sits in the bottom margin: pdfkit adds a page for
  // text below the margin, so the margin is lifted while it is written (else each footer went onto a
  // new blank page, pages 1…n had none and blank pages n+1…2n carried them).
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const margin = doc.page.margins.bottom;
    const y = doc.page.height - margin + 10;
    doc.page.margins.bottom = 0;
    doc
      .font("Helvetica")
      .fontSize(8)
      .fillColor(GREY)
      .text(
        `Pantau · ${d.region.name} · ${periodLabel(d.period.slug, locale)} · ${t("report.pdf.page", { n: i + 1, of: range.count })}`,
        left,
        y,
        { width, align: "center", lineBreak: false },
      );
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}
