/**
 * The report of a run: the rejected rows as the file had them, with a "reason" column, ready to
 * fix and send again. The reasons are kept as codes and written here in the language asked, as
 * the asset export writes its headers (the screens translate the same codes in src/web/i18n).
 */
import { stringify } from "csv-stringify/sync";
import type { ImportReason, ImportReasonCode, ImportTarget } from "../../../shared/api/asset-import.js";
import type { ImportRejects } from "./asset-import-store.js";

type Lang = "fr" | "en";

const COLUMN_NAMES: Record<ImportTarget, [fr: string, en: string]> = {
  assetTag: ["Numéro d'inventaire", "Asset tag"], name: ["Nom", "Name"], serial: ["Numéro de série", "Serial number"],
  kind: ["Type", "Kind"], manufacturer: ["Fabricant", "Manufacturer"], model: ["Modèle", "Model"], status: ["Statut", "Status"],
  location: ["Lieu", "Location"], user: ["Utilisateur", "User"], purchaseDate: ["Date d'achat", "Purchase date"], price: ["Prix", "Price"],
  warrantyMonths: ["Garantie (mois)", "Warranty (months)"], supplier: ["Fournisseur", "Supplier"],
  orderNumber: ["N° de commande", "Order number"], invoiceNumber: ["N° de facture", "Invoice number"], notes: ["Notes", "Notes"],
};

/** The column's name in the language: a kind's field goes by its label. */
function columnName(reason: ImportReason, lang: Lang): string {
  const names = COLUMN_NAMES[reason.column as ImportTarget] as [string, string] | undefined;
  if (names) return names[lang === "fr" ? 0 : 1];
  return reason.label ?? reason.column ?? "";
}

/** Each code as a sentence: `c` is the column's name, `v` the cell quoted as the language quotes. */
type Say = (r: ImportReason, c: string, v: string) => string;

const FR: Record<ImportReasonCode, Say> = {
  required: (_r, c) => `${c} : obligatoire`,
  too_long: (r, c) => `${c} : ${r.max} caractères au plus`,
  out_of_range: (r, c, v) => `${c} : ${v} dépasse le maximum (${r.max})`,
  not_a_date: (_r, c, v) => `${c} : ${v} n'est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA)`,
  not_an_amount: (_r, c, v) => `${c} : ${v} n'est pas un montant`,
  not_a_number: (_r, c, v) => `${c} : ${v} n'est pas un nombre entier`,
  invalid: (_r, c, v) => `${c} : valeur ${v} refusée`,
  invalid_field: (r, c, v) => `${c} : ${{
    number: `${v} n'est pas un nombre`, date: `${v} n'est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA)`,
    choice: `${v} n'est pas un choix possible (${(r.choices ?? []).join(", ")})`, text: "texte trop long",
  }[r.expected ?? "text"]}`,
  unknown: (_r, c, v) => `${c} : ${v} introuvable`,
  not_in_catalog: (_r, c, v) => `${c} : ${v} n'est pas au catalogue (un gestionnaire du parc peut l'ajouter)`,
  inactive_kind: (_r, c, v) => `${c} : le type ${v} n'est plus utilisé`,
  out_of_entity: (_r, c, v) => `${c} : ${v} ne peut pas être utilisé dans cette entité`,
  tag_required: (_r, c) => `${c} : obligatoire, le type n'a pas de modèle de numérotation`,
  duplicate_in_file: (r) => `Même matériel que la ligne ${r.line}`,
  duplicate_tag: () => "Numéro d'inventaire déjà pris par un autre matériel de l'entité",
  duplicate_serial: () => "Numéro de série déjà pris par un autre matériel de l'entité",
  not_saved: (r) => `Non enregistré (${r.error})`,
};

const EN: Record<ImportReasonCode, Say> = {
  required: (_r, c) => `${c}: required`,
  too_long: (r, c) => `${c}: at most ${r.max} characters`,
  out_of_range: (r, c, v) => `${c}: ${v} is above the maximum (${r.max})`,
  not_a_date: (_r, c, v) => `${c}: ${v} is not a date (YYYY-MM-DD or DD/MM/YYYY)`,
  not_an_amount: (_r, c, v) => `${c}: ${v} is not an amount`,
  not_a_number: (_r, c, v) => `${c}: ${v} is not a whole number`,
  invalid: (_r, c, v) => `${c}: ${v} is not accepted`,
  invalid_field: (r, c, v) => `${c}: ${{
    number: `${v} is not a number`, date: `${v} is not a date (YYYY-MM-DD or DD/MM/YYYY)`,
    choice: `${v} is not one of the choices (${(r.choices ?? []).join(", ")})`, text: "text too long",
  }[r.expected ?? "text"]}`,
  unknown: (_r, c, v) => `${c}: ${v} not found`,
  not_in_catalog: (_r, c, v) => `${c}: ${v} is not in the catalog (a fleet manager can add it)`,
  inactive_kind: (_r, c, v) => `${c}: the kind ${v} is no longer in use`,
  out_of_entity: (_r, c, v) => `${c}: ${v} cannot be used in this entity`,
  tag_required: (_r, c) => `${c}: required, the kind has no tag pattern`,
  duplicate_in_file: (r) => `Same asset as line ${r.line}`,
  duplicate_tag: () => "Asset tag already taken by another asset of the entity",
  duplicate_serial: () => "Serial number already taken by another asset of the entity",
  not_saved: (r) => `Not saved (${r.error})`,
};

/** One reason as a sentence in the language. */
export function reasonText(reason: ImportReason, lang: Lang): string {
  const quoted = lang === "fr" ? `« ${reason.value ?? ""} »` : `"${reason.value ?? ""}"`;
  return (lang === "fr" ? FR : EN)[reason.code](reason, columnName(reason, lang), quoted);
}

export function buildReport({ header, rejects }: ImportRejects, lang: Lang): string {
  const rows = rejects.map((r) => [String(r.line), ...header.map((_h, i) => r.cells[i] ?? ""), r.reasons.map((x) => reasonText(x, lang)).join(" ; ")]);
  const [line, reason] = lang === "fr" ? ["Ligne", "Raison"] : ["Line", "Reason"];
  // BOM and ';': Excel on a French Windows opens it with the accents and columns right.
  return `\uFEFF${stringify([[line, ...header, reason], ...rows], { delimiter: ";", record_delimiter: "\r\n" })}`;
}
