/**
 * One spelling per publisher: "Mozilla", "Mozilla Corporation" and "Mozilla Foundation" are one;
 * "Microsoft Corporation" is "Microsoft". Legal-form suffixes (Inc., Corporation, GmbH, S.A., Ltd…)
 * are dropped, then a short table merges the known variants of the big publishers. Unknown
 * publishers keep their reported spelling, without the legal form.
 *
 * A publisher that is a web address is a homepage (the OCS agent sends a Debian package's Homepage
 * field there): it names a known publisher when its domain is one, otherwise it says nothing
 * about who publishes the software and the publisher is unknown ("").
 */
import { boundedCache } from "./bounded-cache.js";
import { cleanText } from "./software-name.js";

const LEGAL_FORM = new RegExp(
  "[,\\s]+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|l\\.?p|plc|gmbh|ag|s\\.?a|s\\.?a\\.?s|sarl|s\\.?r\\.?l" +
    "|s\\.?p\\.?a|b\\.?v|n\\.?v|pty|oy|ab|as|kk)\\.?$",
  "i",
);

// Keyed by the lower-case name without its legal form.
const ALIASES: Record<string, string> = {
  "mozilla": "Mozilla",
  "mozilla foundation": "Mozilla",
  "mozilla.org": "Mozilla",
  "microsoft": "Microsoft",
  "google": "Google",
  "adobe": "Adobe",
  "adobe systems": "Adobe",
  "oracle": "Oracle",
  "oracle america": "Oracle",
  "apple": "Apple",
  "hewlett-packard": "HP",
  "hewlett packard": "HP",
  "hp": "HP",
  "hp development": "HP",
  "dell": "Dell",
  "dell technologies": "Dell",
  "lenovo": "Lenovo",
  "lenovo group": "Lenovo",
  "intel": "Intel",
  "nvidia": "NVIDIA",
  "advanced micro devices": "AMD",
  "amd": "AMD",
  "videolan": "VideoLAN",
  "videolan team": "VideoLAN",
};

// Registrable domains of homepages that name their publisher.
const DOMAINS: Record<string, string> = {
  "mozilla.org": "Mozilla",
  "mozilla.com": "Mozilla",
  "microsoft.com": "Microsoft",
  "google.com": "Google",
  "adobe.com": "Adobe",
  "oracle.com": "Oracle",
  "apple.com": "Apple",
  "videolan.org": "VideoLAN",
  "libreoffice.org": "The Document Foundation",
  "documentfoundation.org": "The Document Foundation",
};

const NO_PUBLISHER = new Set(["", "unknown", "n/a", "na", "none", "null", "-"]);

function publisherOfHomepage(url: string): string {
  const host = url.replace(/^[a-z]+:\/\//i, "").split(/[/:?#]/)[0]?.toLowerCase() ?? "";
  const domain = host.split(".").slice(-2).join(".");
  return DOMAINS[domain] ?? "";
}

/** The catalogue spelling of a publisher; "" when unknown. */
export function normalizePublisher(raw: string | null | undefined): string {
  return cachedPublisher(raw ?? "");
}

const cachedPublisher = boundedCache((raw) => {
  const text = cleanText(raw);
  if (NO_PUBLISHER.has(text.toLowerCase())) return "";
  if (/^(?:[a-z]+:\/\/|www\.)/i.test(text)) return publisherOfHomepage(text);
  let name = text;
  // "Foo Co., Ltd." carries two legal forms; the check keeps a publisher called only "AG".
  for (let round = 0; round < 3; round++) {
    const shorter = name.replace(LEGAL_FORM, "").trim();
    if (shorter === name || shorter === "") break;
    name = shorter;
  }
  name = name.replace(/[,.]+$/, "").trim() || name;
  return ALIASES[name.toLowerCase()] ?? name;
});
