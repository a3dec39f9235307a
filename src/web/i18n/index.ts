import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { LANGUAGES, type Language } from "../../shared/domain/limits.js";
import { readStored, writeStored } from "../lib/storage.js";
import { en } from "./en/index.js";
import { fr } from "./fr/index.js";

const LANGUAGE_KEY = "vigie.language";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** Before sign-in: the last language chosen on this browser, else the browser's, else French. */
function initialLanguage(): Language {
  const stored = readStored(LANGUAGE_KEY);
  if (isLanguage(stored)) return stored;
  const browser = navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : "fr";
}

export function applyLanguage(language: Language): void {
  writeStored(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : "fr";
}

const language = initialLanguage();
document.documentElement.lang = language;

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: language,
  fallbackLng: "fr",
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
