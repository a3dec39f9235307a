import type { Flag } from "./schema.js";

/** Every timestamp is ISO-8601 UTC text, so both dialects sort and compare it the same way. */
export function now(): string {
  return new Date().toISOString();
}

export function flag(value: boolean): Flag {
  return value ? 1 : 0;
}

/** Lower case without accents: "Élodie Lefèvre" → "elodie lefevre". */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}
