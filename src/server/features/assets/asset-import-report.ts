/** The report of a run: the rejected rows as the file had them, with a "reason" column, ready to fix and send again. */
import { stringify } from "csv-stringify/sync";

export function buildReport(header: string[], rejects: { line: number; reasons: string[]; cells: string[] }[]): string {
  const rows = rejects.map((r) => [String(r.line), ...header.map((_h, i) => r.cells[i] ?? ""), r.reasons.join(" ; ")]);
  // BOM and ';': Excel on a French Windows opens it with the accents and columns right.
  return `\uFEFF${stringify([["line", ...header, "reason"], ...rows], { delimiter: ";", record_delimiter: "\r\n" })}`;
}
