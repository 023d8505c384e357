// Messages of one area, merged into the catalog (catalog.ts): Bahasa Indonesia first, English with the same keys.

export const id = {
} as const;

export const en: Record<keyof typeof id, string> = {
};
