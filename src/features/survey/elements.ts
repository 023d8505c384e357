// The nine SKM elements (PermenPAN-RB 14/2017) with the wording the regulation's example uses: each
// element words its four options its own way. Regions can change the wording (SurveyElement rows);
// these are the defaults and what an empty table falls back to.
import type { Element } from "@/lib/domain/ikm";

export interface ElementWording {
  code: Element;
  questionId: string;
  questionEn: string;
  optionsId: [string, string, string, string];
  optionsEn: [string, string, string, string];
}

export const DEFAULT_ELEMENTS: ElementWording[] = [
  {
    code: "U1",
    questionId: "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
    questionEn: "How well did the requirements fit the service you asked for?",
    optionsId: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    optionsEn: ["Not fitting", "Hardly fitting", "Fitting", "Very fitting"],
  },
  {
    code: "U2",
    questionId: "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    questionEn: "How easy was the procedure of this service?",
    optionsId: ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
    optionsEn: ["Not easy", "Hardly easy", "Easy", "Very easy"],
  },
  {
    code: "U3",
    questionId: "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    questionEn: "How fast was the service?",
    optionsId: ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
    optionsEn: ["Not fast", "Hardly fast", "Fast", "Very fast"],
  },
  {
    code: "U4",
    questionId: "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    questionEn: "How fair was the cost of the service?",
    optionsId: ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
    optionsEn: ["Very expensive", "Rather expensive", "Cheap", "Free"],
  },
  {
    code: "U5",
    questionId:
      "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
    questionEn: "How well did what you received match what the service standard promises?",
    optionsId: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    optionsEn: ["Not matching", "Hardly matching", "Matching", "Fully matching"],
  },
  {
    code: "U6",
    questionId: "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    questionEn: "How competent were the staff who served you?",
    optionsId: ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"],
    optionsEn: ["Not competent", "Hardly competent", "Competent", "Very competent"],
  },
  {
    code: "U7",
    questionId: "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
    questionEn: "How polite and friendly were the staff?",
    optionsId: ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"],
    optionsEn: [
      "Not polite or friendly",
      "Hardly polite or friendly",
      "Polite and friendly",
      "Very polite and friendly",
    ],
  },
  {
    code: "U8",
    questionId: "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
    questionEn: "How are complaints from people served handled?",
    optionsId: ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"],
    optionsEn: [
      "There is no way to complain",
      "There is one but it does not work",
      "It works, not fully",
      "Well handled",
    ],
  },
  {
    code: "U9",
    questionId: "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
    questionEn: "How good are the facilities?",
    optionsId: ["Buruk", "Cukup", "Baik", "Sangat baik"],
    optionsEn: ["Poor", "Fair", "Good", "Very good"],
  },
];
