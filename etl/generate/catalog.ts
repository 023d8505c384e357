// The demo region's shape: units of very different sizes (a hospital and the schools dwarf a
// kecamatan office), the service catalog with SLAs in working days, and who is slow or late.

export interface UnitSpec {
  code: string;
  name: string;
  parent?: string;
  /** Relative head count. */
  size: number;
  /** Processing-time multiplier for requests from this unit (> 1 = slower). */
  slowness: number;
  /** Lateness multiplier. */
  lateness: number;
}

export const UNITS: readonly UnitSpec[] = [
  { code: "SETDA", name: "Sekretariat Daerah", size: 120, slowness: 1, lateness: 0.8 },
  { code: "BKPSDM", name: "Badan Kepegawaian dan Pengembangan SDM", size: 80, slowness: 0.8, lateness: 0.7 },
  { code: "INSPEKTORAT", name: "Inspektorat Daerah", size: 50, slowness: 1, lateness: 0.6 },
  { code: "BAPPEDA", name: "Badan Perencanaan Pembangunan Daerah", size: 60, slowness: 1, lateness: 0.8 },
  { code: "BPKAD", name: "Badan Pengelolaan Keuangan dan Aset Daerah", size: 90, slowness: 0.9, lateness: 0.9 },
  { code: "DISDIK", name: "Dinas Pendidikan", size: 150, slowness: 1.7, lateness: 1 },
  { code: "DISDIK-SMP1", name: "SMP Negeri 1 Sukamaju", parent: "DISDIK", size: 60, slowness: 1.7, lateness: 0.6 },
  {
    code: "DISDIK-SD",
    name: "Sekolah Dasar Negeri (gabungan)",
    parent: "DISDIK",
    size: 3200,
    slowness: 1.8,
    lateness: 0.7,
  },
  {
    code: "DISDIK-SMP",
    name: "SMP Negeri lainnya (gabungan)",
    parent: "DISDIK",
    size: 1400,
    slowness: 1.7,
    lateness: 0.7,
  },
  { code: "DINKES", name: "Dinas Kesehatan", size: 120, slowness: 1.1, lateness: 1 },
  { code: "DINKES-PKM1", name: "Puskesmas Sukamaju", parent: "DINKES", size: 70, slowness: 1.1, lateness: 1.2 },
  {
    code: "DINKES-PKM",
    name: "Puskesmas lainnya (gabungan)",
    parent: "DINKES",
    size: 900,
    slowness: 1.1,
    lateness: 1.2,
  },
  { code: "RSUD", name: "RSUD Sukamaju", size: 850, slowness: 1.2, lateness: 1.3 },
  { code: "DPUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang", size: 200, slowness: 1, lateness: 2 },
  { code: "DISHUB", name: "Dinas Perhubungan", size: 150, slowness: 1, lateness: 1.6 },
  { code: "SATPOLPP", name: "Satuan Polisi Pamong Praja", size: 250, slowness: 1, lateness: 2.2 },
  { code: "DINSOS", name: "Dinas Sosial", size: 70, slowness: 1, lateness: 1 },
  { code: "DISDUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil", size: 90, slowness: 0.9, lateness: 0.9 },
  { code: "KEC-SKM", name: "Kecamatan Sukamaju", size: 40, slowness: 1, lateness: 1.1 },
  { code: "KEC-CRM", name: "Kecamatan Cirimekar", size: 30, slowness: 1.3, lateness: 1.4 },
  { code: "KEC-BJG", name: "Kecamatan Bojonggede", size: 28, slowness: 1, lateness: 1 },
  { code: "KEC-PSR", name: "Kecamatan Pasirlaja", size: 12, slowness: 1, lateness: 1.5 },
];

export interface ServiceSpec {
  code: string;
  nameId: string;
  nameEn: string;
  slaDays: number;
  /** Requests per employee per year. */
  rate: number;
  /** Goes through BKN (forwarded, technical approval) before the decree. */
  bkn: boolean;
  /** The documents an employee uploads with a request. */
  documents: readonly ServiceDocument[];
}

export interface ServiceDocument {
  code: string;
  nameId: string;
  nameEn: string;
  required: boolean;
}

const doc = (code: string, nameId: string, nameEn: string, required = true): ServiceDocument => ({
  code,
  nameId,
  nameEn,
  required,
});
const SK_PANGKAT = doc("SK_PANGKAT", "SK pangkat terakhir", "Latest rank decree");
const SK_CPNS = doc("SK_CPNS", "SK CPNS", "Civil servant candidate decree (SK CPNS)");
const SKP = doc("SKP", "SKP dua tahun terakhir", "Performance targets (SKP) of the last two years");
const SUPPORT = doc("PENDUKUNG", "Dokumen pendukung lainnya", "Other supporting document", false);

export const SERVICES: readonly ServiceSpec[] = [
  {
    code: "CUTI",
    nameId: "Cuti",
    nameEn: "Leave",
    slaDays: 3,
    rate: 0.8,
    bkn: false,
    documents: [doc("SURAT_PERMOHONAN", "Surat permohonan cuti", "Leave application letter"), SUPPORT],
  },
  {
    code: "KP",
    nameId: "Kenaikan pangkat",
    nameEn: "Promotion in rank",
    slaDays: 20,
    rate: 0.2,
    bkn: true,
    documents: [SK_PANGKAT, SKP],
  },
  {
    code: "KGB",
    nameId: "Kenaikan gaji berkala",
    nameEn: "Periodic salary increase",
    slaDays: 5,
    rate: 0.45,
    bkn: false,
    documents: [
      doc("SK_KGB", "SK kenaikan gaji berkala terakhir", "Latest periodic salary increase decree"),
      SK_PANGKAT,
    ],
  },
  {
    code: "MUTASI",
    nameId: "Mutasi",
    nameEn: "Transfer",
    slaDays: 15,
    rate: 0.04,
    bkn: false,
    documents: [doc("LOLOS_BUTUH", "Surat lolos butuh", "Release letter from the current unit"), SK_PANGKAT],
  },
  {
    code: "PENSIUN",
    nameId: "Pensiun / pemberhentian",
    nameEn: "Retirement / discharge",
    slaDays: 20,
    rate: 0.03,
    bkn: true,
    documents: [SK_CPNS, SK_PANGKAT, doc("KARTU_KELUARGA", "Kartu keluarga", "Family card")],
  },
  {
    code: "KARIS",
    nameId: "Karis / Karsu",
    nameEn: "Spouse card (Karis/Karsu)",
    slaDays: 10,
    rate: 0.03,
    bkn: true,
    documents: [
      doc("AKTA_NIKAH", "Akta nikah", "Marriage certificate"),
      doc("PAS_FOTO", "Pas foto suami/istri", "Spouse's photograph"),
    ],
  },
  {
    code: "IZIN-BELAJAR",
    nameId: "Izin belajar",
    nameEn: "Study permit",
    slaDays: 5,
    rate: 0.04,
    bkn: false,
    documents: [doc("KET_KAMPUS", "Surat keterangan dari perguruan tinggi", "Letter from the university"), SKP],
  },
  {
    code: "UJIAN-DINAS",
    nameId: "Ujian dinas",
    nameEn: "Civil service exam",
    slaDays: 10,
    rate: 0.02,
    bkn: false,
    documents: [SK_PANGKAT],
  },
  {
    code: "GELAR",
    nameId: "Pencantuman gelar",
    nameEn: "Academic title registration",
    slaDays: 7,
    rate: 0.03,
    bkn: false,
    documents: [doc("IJAZAH", "Ijazah", "Diploma"), doc("TRANSKRIP", "Transkrip nilai", "Academic transcript")],
  },
  {
    code: "SATYA",
    nameId: "Satyalancana Karya Satya",
    nameEn: "Long-service medal",
    slaDays: 30,
    rate: 0.02,
    bkn: false,
    documents: [SK_CPNS, SK_PANGKAT],
  },
  {
    code: "DATA",
    nameId: "Peremajaan data",
    nameEn: "Personnel data update",
    slaDays: 3,
    rate: 0.15,
    bkn: false,
    documents: [SUPPORT],
  },
];

export const FIRST_NAMES_M = [
  "Agus",
  "Budi",
  "Dedi",
  "Eko",
  "Fajar",
  "Hendra",
  "Imam",
  "Joko",
  "Rudi",
  "Slamet",
  "Taufik",
  "Wahyu",
  "Yusuf",
  "Ahmad",
  "Bambang",
  "Dani",
  "Gilang",
  "Hadi",
  "Irfan",
  "Rizki",
];
export const FIRST_NAMES_F = [
  "Ani",
  "Dewi",
  "Endah",
  "Fitri",
  "Indah",
  "Lestari",
  "Maya",
  "Nur",
  "Putri",
  "Rina",
  "Sari",
  "Siti",
  "Tuti",
  "Wulan",
  "Yuni",
  "Ayu",
  "Ratna",
  "Nanda",
  "Lina",
  "Mega",
];
export const LAST_NAMES = [
  "Saputra",
  "Wijaya",
  "Santoso",
  "Hidayat",
  "Kurniawan",
  "Pratama",
  "Setiawan",
  "Nugroho",
  "Hakim",
  "Lubis",
  "Siregar",
  "Nasution",
  "Rahmawati",
  "Susanti",
  "Handayani",
  "Permata",
  "Suryani",
  "Maharani",
  "Gunawan",
  "Firmansyah",
];
export const POSITIONS = [
  "Analis SDM Aparatur",
  "Pengadministrasi Umum",
  "Guru Ahli Pertama",
  "Guru Ahli Muda",
  "Perawat Terampil",
  "Bidan Ahli Pertama",
  "Dokter Ahli Muda",
  "Pranata Komputer",
  "Bendahara",
  "Penata Kelola Sistem",
  "Pengelola Keuangan",
  "Polisi Pamong Praja",
  "Teknik Jalan dan Jembatan",
  "Kepala Seksi",
  "Kepala Sub Bagian",
];
export const PNS_RANKS = ["II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b"];
export const PPPK_RANKS = ["V", "VII", "IX", "X", "XI"];
