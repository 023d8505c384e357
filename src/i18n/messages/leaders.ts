// Messages of one area, merged into the catalog (catalog.ts): Bahasa Indonesia first, English with the same keys.
// What leaders and unit heads see: scope notices, the phone filter sheet, chart axes, report publishing.

export const id = {
  "scope.outside": "Unit yang Anda minta berada di luar cakupan Anda. Cakupan Anda: {unit} dan sub-unitnya — angka di bawah untuk cakupan itu.",
  "scope.outsideExport": "Unit yang diminta berada di luar cakupan Anda; unduhan hanya untuk unit Anda dan sub-unitnya.",
  "filters.show": "Ubah saringan",
  "filters.hide": "Tutup saringan",
};

export const en: Record<keyof typeof id, string> = {
  "scope.outside": "The unit you asked for is outside your scope. Your scope: {unit} and its sub-units — the figures below are for that scope.",
  "scope.outsideExport": "The unit you asked for is outside your scope; downloads cover only your unit and its sub-units.",
  "filters.show": "Change filters",
  "filters.hide": "Close filters",
};
