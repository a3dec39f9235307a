/**
 * Built-in clean-up of an installed software's name and version, so that the entries agents
 * report for one product land on one catalogue software:
 *   "Mozilla Firefox (x64 fr)", "Mozilla Firefox 131.0 (x64 fr)"  → "Mozilla Firefox", 131.0
 *   "7-Zip 23.01 (x64)"                                            → "7-Zip", 23.01
 *   "Microsoft 365 Apps for enterprise - fr-fr"                    → "Microsoft 365 Apps for enterprise"
 *
 * The rules, in the order they are tried until the name stops changing:
 * - A name without whitespace is a package identifier (libc6, firefox-esr, php71-php-process):
 *   it is returned as reported, without dpkg's architecture qualifier ("zlib1g:amd64" is "zlib1g",
 *   as FusionInventory reports it; an i386 and an amd64 copy of a multiarch library are then one
 *   software). Package managers already give one stable name per product.
 * - ®, ™, ©, "(R)" and "(TM)" are dropped: installers add them inconsistently.
 * - A trailing " - fr-fr" / " - Français" (language edition) is dropped.
 * - A trailing parenthesised group made only of architectures and languages is dropped:
 *   (x64), (x86), (64-bit), (32 bits), (en-US), (x64 fr)… A group with anything else — (KB5002469),
 *   (Preview) — is part of the name.
 * - A trailing version is dropped ("7-Zip 23.01", "… - 14.38.33130", "Foo v2.1") when it equals or
 *   extends the version field (either way: "Firefox 131" with 131.0.2), or when it looks like a
 *   version on its own (digits with at least one dot). A bare number that is not the version stays:
 *   "Microsoft Office Professional Plus 2019", "Java 8 Update 391" name products, not versions.
 *   When the version field is empty, the version taken from the name fills it.
 *
 * Side-by-side runtimes keep their architecture in the name: the Visual C++ redistributables, .NET
 * runtimes and Java install an x86 and an x64 copy on the same machine, as two products with the
 * same version. Dropping "(x64)" there would turn two installations into one and lose the x86 one;
 * for an application (Firefox, 7-Zip) the architecture is a detail of one product.
 */

/** One installed software as an agent reports it. */
export type InstalledSoftware = {
  name: string;
  version?: string | null;
  publisher?: string | null;
  arch?: string | null;
};

const ARCHITECTURES = new Set([
  "x64", "x86", "x86_64", "x86-64", "amd64", "arm64", "aarch64", "arm", "ia64", "i386", "i686",
  "win32", "win64", "32-bit", "64-bit",
]);

// ISO 639-1 codes seen in installers' names; a fixed list so "(TM)" or "(Go)" are not mistaken for one.
const LANGUAGE_CODES = new Set([
  "fr", "en", "de", "es", "it", "nl", "pt", "ru", "ja", "zh", "ko", "pl", "sv", "da", "fi", "nb", "no",
  "cs", "hu", "tr", "el", "he", "ar", "ro", "sk", "sl", "uk", "bg", "hr", "et", "lv", "lt", "sr", "th",
  "vi", "id", "ms", "ca", "eu", "gl",
]);

const LANGUAGE_WORDS = new Set([
  "english", "french", "français", "francais", "german", "deutsch", "spanish", "español", "espanol",
  "italian", "italiano", "multilingual", "multi-language", "mui",
]);

// Runtimes of which a 64-bit machine carries a 32- and a 64-bit copy side by side.
const SIDE_BY_SIDE = [
  /\bvisual c\+\+.*\b(redistributable|runtime)\b/i,
  /\.net\b/i,
  /\bdesktop runtime\b/i,
  /\b(java|jre|jdk)\b/i,
];

const TRADEMARKS = /[®™©]|\((?:R|TM)\)/gi;
const TRAILING_GROUP = /^(.*\S)\s*\(([^()]*)\)$/;
const TRAILING_LANGUAGE = /^(.*\S)\s+[-–]\s+(\S+)$/;
const TRAILING_VERSION = /^(.*?\S)(?:\s+[-–]\s*|\s+)(?:v|ver\.?\s*|version\s+)?(\d[\w.+~:-]*)$/i;
// dpkg names a multiarch package "zlib1g:amd64" (the OCS agent sends that; FusionInventory "zlib1g").
const DPKG_ARCH = /:(?:amd64|i386|arm64|armhf|armel|ppc64el|s390x|mips64el|riscv64|all)$/;
const DOTTED_VERSION = /^\d+(?:\.\d+)+[a-z0-9.+~_-]*$/i;

/** Collapses runs of whitespace and trims. */
export function cleanText(value: string | null | undefined): string {
  return (value ?? "").replace(/\s+/g, " ").trim();
}

/** The version as reported, trimmed, without a leading "v" ("v2.1" and "2.1" are one version). */
export function normalizeVersion(version: string | null | undefined): string {
  return cleanText(version).replace(/^v(?=\d)/i, "");
}

function isLanguage(token: string): boolean {
  if (LANGUAGE_WORDS.has(token)) return true;
  const match = /^([a-z]{2})(?:[-_](?:[a-z]{2}|[a-z]{4}|\d{3}))?$/.exec(token);
  return match !== null && LANGUAGE_CODES.has(match[1] as string);
}

/** The words of a parenthesised group, "64 bits" read as "64-bit". */
function groupTokens(group: string): string[] {
  return group.toLowerCase().replace(/\b(32|64)[\s-]?bits?\b/g, "$1-bit").split(/[\s,;/+]+/).filter(Boolean);
}

export function isSideBySideRuntime(name: string): boolean {
  return SIDE_BY_SIDE.some((pattern) => pattern.test(name));
}

/** True when the name's trailing number is the version: the same, or one extends the other. */
function isVersionOf(token: string, version: string): boolean {
  if (version === "") return false;
  const same = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}-`);
  return same(token.toLowerCase(), version.toLowerCase()) || same(version.toLowerCase(), token.toLowerCase());
}

type Step = { name: string; version?: string };

/** Removes one trailing decoration, or returns the name unchanged. */
function stripOnce(name: string, version: string, keepArch: boolean): Step {
  const group = TRAILING_GROUP.exec(name);
  if (group) {
    const tokens = groupTokens(group[2] as string);
    if (tokens.length > 0 && tokens.every((token) => ARCHITECTURES.has(token) || isLanguage(token))) {
      const arch = tokens.filter((token) => ARCHITECTURES.has(token));
      if (!keepArch || arch.length === 0) return { name: group[1] as string };
      // The group stays; what precedes it is cleaned as if it ended the name ("… - 8.0.11 (x64)").
      const before = stripOnce(group[1] as string, version, keepArch);
      const kept = `${before.name} (${arch.join(" ")})`;
      if (kept !== name) return { ...before, name: kept };
    }
  }
  const language = TRAILING_LANGUAGE.exec(name);
  if (language && isLanguage((language[2] as string).toLowerCase())) return { name: language[1] as string };
  const trailing = TRAILING_VERSION.exec(name);
  if (trailing) {
    const token = trailing[2] as string;
    if (isVersionOf(token, version) || DOTTED_VERSION.test(token)) {
      return { name: (trailing[1] as string).replace(/[\s,:;–-]+$/, ""), version: token };
    }
  }
  return { name };
}

/**
 * The catalogue name of an entry and its version (the version field, or the one found in the
 * name when the field is empty). The name is "" when the entry has none.
 */
export function splitSoftwareName(rawName: string, rawVersion?: string | null): { name: string; version: string } {
  const reported = cleanText(rawName);
  let version = normalizeVersion(rawVersion);
  if (!/\s/.test(reported)) return { name: reported.replace(DPKG_ARCH, ""), version };
  let name = cleanText(reported.replace(TRADEMARKS, ""));
  const keepArch = isSideBySideRuntime(name);
  for (let round = 0; round < 8; round++) {
    const step = stripOnce(name, version, keepArch);
    if (step.name === name || step.name === "") break;
    name = step.name;
    if (step.version && version === "") version = normalizeVersion(step.version);
  }
  return { name, version };
}
