// Messages of one area, merged into the catalog (catalog.ts): Bahasa Indonesia first, English with the same keys.
// What leaders and unit heads see: scope notices, the phone filter sheet, chart axes, report publishing.

export const id = {
  "scope.outside":
    "Unit yang Anda minta berada di luar cakupan Anda. Cakupan Anda: {unit} dan sub-unitnya — angka di bawah untuk cakupan itu.",
  "scope.outsideExport":
    "Unit yang diminta berada di luar cakupan Anda; unduhan hanya untuk unit Anda dan sub-unitnya.",
  "chart.notFromZero": "Sumbu tegak dimulai dari {from}, bukan 0, agar perubahan antarbulan terlihat.",
  "chart.fromZero": "Sumbu tegak dimulai dari 0.",
  "chart.ikmFrom":
    "Sumbu tegak dimulai dari {from}, bukan 25 (nilai terendah skala IKM), agar perubahan antarbulan terlihat; garis putus-putus menandai batas mutu.",
  "attendance.lateMonthly": "Keterlambatan dan TK per bulan",
  "attendance.lateWeekly": "Keterlambatan dan TK per minggu",
  "ikm.gradeLine": "batas mutu {grade}",
  "satisfaction.noData.body":
    "Belum ada jawaban survei untuk pilihan ini. Agar masyarakat dapat mengisinya, bagikan tautan survei atau pasang kode QR-nya di loket layanan (BKPSDM menyiapkannya di halaman Survei); jawaban muncul di sini dalam beberapa menit.",
  "reports.publish.open": "Terbitkan…",
  "reports.publish.what":
    "Menerbitkan berarti laporan ini langsung dapat dibaca siapa saja, tanpa akun: di halaman Laporan, sebagai PDF, dan sebagai data terbuka. Laporan yang terbit tidak dapat ditarik kembali atau diubah; kesalahan hanya dapat diperbaiki dengan versi baru yang memuat catatan koreksi, dan versi ini tetap dapat dibaca.",
  "reports.publish.confirm": "Saya mengerti: laporan ini terbit untuk umum dan tidak dapat ditarik kembali.",
  "reports.publish.submit": "Terbitkan sekarang",
  "reports.error.confirm":
    "Laporan belum diterbitkan: centang pernyataan bahwa Anda mengerti laporan yang terbit tidak dapat ditarik kembali.",
  "filters.show": "Ubah saringan",
  "filters.hide": "Tutup saringan",
};

export const en: Record<keyof typeof id, string> = {
  "scope.outside":
    "The unit you asked for is outside your scope. Your scope: {unit} and its sub-units — the figures below are for that scope.",
  "scope.outsideExport":
    "The unit you asked for is outside your scope; downloads cover only your unit and its sub-units.",
  "chart.notFromZero": "The vertical axis starts at {from}, not 0, so changes from month to month show.",
  "chart.fromZero": "The vertical axis starts at 0.",
  "chart.ikmFrom":
    "The vertical axis starts at {from}, not 25 (the IKM scale's lowest value), so changes from month to month show; dashed lines mark the grade boundaries.",
  "attendance.lateMonthly": "Lateness and TK by month",
  "attendance.lateWeekly": "Lateness and TK by week",
  "ikm.gradeLine": "grade {grade} from here",
  "satisfaction.noData.body":
    "No survey answers for this choice yet. So that people can answer, share the survey link or put its QR code up at the service counter (HR prepares them on the Survey page); answers appear here within a few minutes.",
  "reports.publish.open": "Publish…",
  "reports.publish.what":
    "Publishing means anyone can read this report at once, without an account: on the Reports page, as a PDF and as open data. A published report cannot be withdrawn or changed; a mistake can only be corrected by a new version with a correction note, and this version stays readable.",
  "reports.publish.confirm": "I understand: this report becomes public and cannot be withdrawn.",
  "reports.publish.submit": "Publish now",
  "reports.error.confirm":
    "The report was not published: tick the statement that you understand a published report cannot be withdrawn.",
  "filters.show": "Change filters",
  "filters.hide": "Close filters",
};
