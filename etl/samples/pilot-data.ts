// The pilot region of the sample files (build-pilot.ts writes them): its units and people.
import { makePnsNip } from "@/lib/domain/nip";

export const PILOT_UNITS = [
  { code: "SETDA", name: "Sekretariat Daerah", parent: "" },
  { code: "BKPSDM", name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", parent: "SETDA" },
  { code: "DISDIK", name: "Dinas Pendidikan", parent: "" },
  { code: "DISDIK-SEK", name: "Sekretariat Dinas Pendidikan", parent: "DISDIK" },
  { code: "SMPN1", name: "SMP Negeri 1 Contoh", parent: "DISDIK" },
  { code: "DINKES", name: "Dinas Kesehatan", parent: "" },
  { code: "DINKES-SEK", name: "Sekretariat Dinas Kesehatan", parent: "DINKES" },
  { code: "PKM-KOTA", name: "Puskesmas Kota", parent: "DINKES" },
  { code: "KEC-UTARA", name: "Kecamatan Contoh Utara", parent: "" },
];

export const unitName = (code: string) => PILOT_UNITS.find((u) => u.code === code)!.name;

export type Person = { front: string; name: string; back: string; sex: "L" | "P"; birth: string; tmt: string; seq: number; type: "PNS" | "PPPK"; rank: string; position: string; unit: string; status?: string; left?: string };

export const PILOT_PEOPLE: Person[] = [
  { front: "Drs.", name: "Bambang Sutrisno", back: "M.Si.", sex: "L", birth: "1968-04-11", tmt: "1993-03", seq: 9, type: "PNS", rank: "IV/c", position: "Sekretaris Daerah", unit: "SETDA" },
  { front: "", name: "Sri Wahyuni", back: "S.E.", sex: "P", birth: "1979-08-17", tmt: "2005-01", seq: 2, type: "PNS", rank: "IV/a", position: "Kepala Badan Kepegawaian", unit: "BKPSDM" },
  { front: "", name: "Andi Pratama", back: "S.Kom.", sex: "L", birth: "1990-02-19", tmt: "2014-08", seq: 1, type: "PNS", rank: "III/c", position: "Analis Kepegawaian", unit: "BKPSDM" },
  { front: "Dr.", name: "Ahmad Fauzi", back: "M.Pd.", sex: "L", birth: "1975-05-16", tmt: "2000-02", seq: 3, type: "PNS", rank: "IV/b", position: "Kepala Dinas Pendidikan", unit: "DISDIK" },
  { front: "", name: "Dewi Lestari", back: "S.Sos.", sex: "P", birth: "1985-12-31", tmt: "2010-12", seq: 4, type: "PNS", rank: "III/d", position: "Sekretaris Dinas", unit: "DISDIK-SEK" },
  { front: "", name: "Rina Marlina", back: "S.Pd.", sex: "P", birth: "1988-04-12", tmt: "2014-03", seq: 7, type: "PNS", rank: "III/b", position: "Guru Ahli Pertama", unit: "SMPN1" },
  { front: "", name: "Yusuf Hidayat", back: "S.Pd.", sex: "L", birth: "1992-07-01", tmt: "2022-04", seq: 12, type: "PPPK", rank: "IX", position: "Guru Ahli Pertama", unit: "SMPN1" },
  { front: "", name: "Siti Aminah", back: "S.Pd.", sex: "P", birth: "1963-11-02", tmt: "1988-03", seq: 5, type: "PNS", rank: "IV/a", position: "Guru Ahli Madya", unit: "SMPN1", status: "Pensiun", left: "2026-12-01" },
  { front: "dr.", name: "Maya Sari", back: "", sex: "P", birth: "1983-03-08", tmt: "2009-02", seq: 1, type: "PNS", rank: "IV/a", position: "Kepala Dinas Kesehatan", unit: "DINKES" },
  { front: "", name: "Hendra Gunawan", back: "S.KM.", sex: "L", birth: "1987-09-23", tmt: "2011-06", seq: 2, type: "PNS", rank: "III/c", position: "Kepala Subbagian Umum", unit: "DINKES-SEK" },
  { front: "", name: "Nurul Hasanah", back: "A.Md.Kep.", sex: "P", birth: "1994-01-15", tmt: "2019-03", seq: 8, type: "PNS", rank: "II/d", position: "Perawat Terampil", unit: "PKM-KOTA" },
  { front: "", name: "Agus Salim", back: "", sex: "L", birth: "1991-06-30", tmt: "2023-10", seq: 3, type: "PPPK", rank: "VII", position: "Perawat Terampil", unit: "PKM-KOTA" },
  { front: "", name: "Wahyu Nugroho", back: "S.STP.", sex: "L", birth: "1986-10-10", tmt: "2008-09", seq: 1, type: "PNS", rank: "IV/a", position: "Camat", unit: "KEC-UTARA" },
  { front: "", name: "Lina Marpaung", back: "", sex: "P", birth: "1993-05-05", tmt: "2018-01", seq: 6, type: "PNS", rank: "II/c", position: "Pengadministrasi Umum", unit: "KEC-UTARA" },
];

/** PPPK numbers are not held to the PNS layout; the samples give them one that reads the same way. */
export const nipOf = (p: Person) => makePnsNip(p.birth, p.tmt, p.sex, p.seq);

