// Messages of one area, merged into the catalog (catalog.ts): Bahasa Indonesia first, English with the same keys.
// Honest with small numbers: IKM on too few respondents, ranks on too little data, partial periods.

export const id = {
  "ikm.insufficient": "Data belum cukup",
  "ikm.insufficient.detail": "{n} dari minimal {min} responden — belum dinilai",
  "ikm.provisional": "sementara",
  "ikm.rule":
    "IKM dinilai bila respondennya paling sedikit {floor}; dengan lebih sedikit tertulis “data belum cukup”, tanpa mutu dan tanpa perbandingan. Bila jumlah penerima layanan dalam periode diketahui (permohonan yang selesai, atau jumlah yang dicatat titik layanan), sampelnya mengikuti tabel Krejcie–Morgan (PermenPAN-RB 14/2017); di bawah sampel itu nilainya sementara.",
  "kpi.ikm.provisionalNote": "Mutu {grade} ({label}) · {respondents} responden · sementara (sampel {required})",
  "kpi.ikm.insufficientNote": "{respondents} dari minimal {min} responden: belum dinilai, tidak dibandingkan",
  "report.ikm.sampleRule":
    "IKM sebuah layanan atau unit yang respondennya terlalu sedikit tertulis “data belum cukup”, tanpa mutu; yang belum mencapai sampel Krejcie–Morgan (PermenPAN-RB 14/2017) untuk jumlah permohonan yang selesai dalam periode tertulis “sementara”.",
  "scorecard.rule":
    "Sebuah komponen diberi peringkat hanya bila datanya cukup: paling sedikit {requests} permohonan selesai (kepatuhan SLA, waktu proses), {respondents} responden (IKM), {days} hari-orang wajib hadir (kehadiran), dan {entries} isian e-Kinerja wajib (e-Kinerja). Nilai yang sama mendapat peringkat yang sama, ditulis “=1”, dan peringkat berikutnya dilewati (1, 1, 3). Peringkat gabungan hanya diberikan kepada unit yang berperingkat pada kelima komponen.",
  "scorecard.tooFew": "data belum cukup untuk peringkat",
  "scorecard.tooFew.count": "{n} dari minimal {min}",
  "chart.partial":
    "* Minggu atau bulan bertanda bintang hanya sebagian berada dalam periode: jumlahnya bukan penurunan.",
  "dashboard.trendPartial": "{month} (berjalan)",
} as const;

export const en: Record<keyof typeof id, string> = {
  "ikm.insufficient": "Not enough data",
  "ikm.insufficient.detail": "{n} of at least {min} respondents — not graded",
  "ikm.provisional": "provisional",
  "ikm.rule":
    "An IKM is graded from {floor} respondents up; with fewer it reads “not enough data”, without a grade or a comparison. Where the people served in the period are known (requests completed, or the number a service point records), the sample follows the Krejcie–Morgan table (PermenPAN-RB 14/2017); short of it the value is provisional.",
  "kpi.ikm.provisionalNote": "Grade {grade} ({label}) · {respondents} respondents · provisional (sample {required})",
  "kpi.ikm.insufficientNote": "{respondents} of at least {min} respondents: not graded, not compared",
  "scorecard.rule":
    "A component is ranked only on enough data: at least {requests} completed requests (SLA compliance, processing time), {respondents} respondents (IKM), {days} person-days due (attendance) and {entries} e-Kinerja entries due (e-Kinerja). Equal values share a rank, written “=1”, and the next rank is skipped (1, 1, 3). Only a unit ranked on all five components gets an overall rank.",
  "scorecard.tooFew": "not enough data to rank",
  "scorecard.tooFew.count": "{n} of at least {min}",
  "chart.partial": "* A starred week or month lies only partly inside the period: its counts are not a drop.",
  "dashboard.trendPartial": "{month} (so far)",
  "report.ikm.sampleRule":
    "A service's or unit's IKM with too few respondents reads “not enough data”, without a grade; one short of the Krejcie–Morgan sample (PermenPAN-RB 14/2017) for the requests completed in the period reads “provisional”.",
};
