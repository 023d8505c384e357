// Indonesian national holidays (libur nasional) and collective leave (cuti bersama) as set by the
// joint decree of three ministers (SKB 3 Menteri) for each year. This is only the starting calendar a
// new region gets: every region edits its own calendar in Pantau (the decree is sometimes amended).

export type HolidayKind = "NATIONAL" | "CUTI_BERSAMA";

export interface HolidaySeed {
  date: string;
  kind: HolidayKind;
  name: string;
}

const n = (date: string, name: string): HolidaySeed => ({ date, kind: "NATIONAL", name });
const c = (date: string, name: string): HolidaySeed => ({ date, kind: "CUTI_BERSAMA", name });

export const INDONESIAN_HOLIDAYS: readonly HolidaySeed[] = [
  // 2024
  n("2024-01-01", "Tahun Baru 2024 Masehi"),
  n("2024-02-08", "Isra Mikraj Nabi Muhammad SAW"),
  n("2024-02-10", "Tahun Baru Imlek 2575 Kongzili"),
  n("2024-03-11", "Hari Suci Nyepi Tahun Baru Saka 1946"),
  n("2024-03-29", "Wafat Yesus Kristus"),
  n("2024-03-31", "Hari Paskah"),
  n("2024-04-10", "Hari Raya Idul Fitri 1445 H"),
  n("2024-04-11", "Hari Raya Idul Fitri 1445 H"),
  n("2024-05-01", "Hari Buruh Internasional"),
  n("2024-05-09", "Kenaikan Yesus Kristus"),
  n("2024-05-23", "Hari Raya Waisak 2568 BE"),
  n("2024-06-01", "Hari Lahir Pancasila"),
  n("2024-06-17", "Hari Raya Idul Adha 1445 H"),
  n("2024-07-07", "Tahun Baru Islam 1446 H"),
  n("2024-08-17", "Hari Kemerdekaan Republik Indonesia"),
  n("2024-09-16", "Maulid Nabi Muhammad SAW"),
  n("2024-12-25", "Hari Raya Natal"),
  c("2024-02-09", "Cuti bersama Tahun Baru Imlek"),
  c("2024-03-12", "Cuti bersama Hari Suci Nyepi"),
  c("2024-04-08", "Cuti bersama Idul Fitri"),
  c("2024-04-09", "Cuti bersama Idul Fitri"),
  c("2024-04-12", "Cuti bersama Idul Fitri"),
  c("2024-04-15", "Cuti bersama Idul Fitri"),
  c("2024-05-10", "Cuti bersama Kenaikan Yesus Kristus"),
  c("2024-05-24", "Cuti bersama Hari Raya Waisak"),
  c("2024-06-18", "Cuti bersama Idul Adha"),
  c("2024-12-26", "Cuti bersama Hari Raya Natal"),
  // 2025
  n("2025-01-01", "Tahun Baru 2025 Masehi"),
  n("2025-01-27", "Isra Mikraj Nabi Muhammad SAW"),
  n("2025-01-29", "Tahun Baru Imlek 2576 Kongzili"),
  n("2025-03-29", "Hari Suci Nyepi Tahun Baru Saka 1947"),
  n("2025-03-31", "Hari Raya Idul Fitri 1446 H"),
  n("2025-04-01", "Hari Raya Idul Fitri 1446 H"),
  n("2025-04-18", "Wafat Yesus Kristus"),
  n("2025-04-20", "Hari Paskah"),
  n("2025-05-01", "Hari Buruh Internasional"),
  n("2025-05-12", "Hari Raya Waisak 2569 BE"),
  n("2025-05-29", "Kenaikan Yesus Kristus"),
  n("2025-06-01", "Hari Lahir Pancasila"),
  n("2025-06-06", "Hari Raya Idul Adha 1446 H"),
  n("2025-06-27", "Tahun Baru Islam 1447 H"),
  n("2025-08-17", "Hari Kemerdekaan Republik Indonesia"),
  n("2025-09-05", "Maulid Nabi Muhammad SAW"),
  n("2025-12-25", "Hari Raya Natal"),
  c("2025-01-28", "Cuti bersama Tahun Baru Imlek"),
  c("2025-03-28", "Cuti bersama Hari Suci Nyepi"),
  c("2025-04-02", "Cuti bersama Idul Fitri"),
  c("2025-04-03", "Cuti bersama Idul Fitri"),
  c("2025-04-04", "Cuti bersama Idul Fitri"),
  c("2025-04-07", "Cuti bersama Idul Fitri"),
  c("2025-05-13", "Cuti bersama Hari Raya Waisak"),
  c("2025-05-30", "Cuti bersama Kenaikan Yesus Kristus"),
  c("2025-06-09", "Cuti bersama Idul Adha"),
  c("2025-08-18", "Cuti bersama Hari Kemerdekaan"),
  c("2025-12-26", "Cuti bersama Hari Raya Natal"),
  // 2026
  n("2026-01-01", "Tahun Baru 2026 Masehi"),
  n("2026-01-16", "Isra Mikraj Nabi Muhammad SAW"),
  n("2026-02-17", "Tahun Baru Imlek 2577 Kongzili"),
  n("2026-03-19", "Hari Suci Nyepi Tahun Baru Saka 1948"),
  n("2026-03-20", "Hari Raya Idul Fitri 1447 H"),
  n("2026-03-21", "Hari Raya Idul Fitri 1447 H"),
  n("2026-04-03", "Wafat Yesus Kristus"),
  n("2026-04-05", "Hari Paskah"),
  n("2026-05-01", "Hari Buruh Internasional"),
  n("2026-05-14", "Kenaikan Yesus Kristus"),
  n("2026-05-27", "Hari Raya Idul Adha 1447 H"),
  n("2026-05-31", "Hari Raya Waisak 2570 BE"),
  n("2026-06-01", "Hari Lahir Pancasila"),
  n("2026-06-16", "Tahun Baru Islam 1448 H"),
  n("2026-08-17", "Hari Kemerdekaan Republik Indonesia"),
  n("2026-08-25", "Maulid Nabi Muhammad SAW"),
  n("2026-12-25", "Hari Raya Natal"),
  c("2026-02-16", "Cuti bersama Tahun Baru Imlek"),
  c("2026-03-18", "Cuti bersama Hari Suci Nyepi"),
  c("2026-03-23", "Cuti bersama Idul Fitri"),
  c("2026-03-24", "Cuti bersama Idul Fitri"),
  c("2026-05-15", "Cuti bersama Kenaikan Yesus Kristus"),
  c("2026-05-28", "Cuti bersama Idul Adha"),
  c("2026-12-24", "Cuti bersama Hari Raya Natal"),
];
