import { AppError } from "./errors.js";

/** Keyset cursors: the sort values of the last row seen, opaque to clients. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor(cursor: string, types: ("string" | "number")[]): (string | number)[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    values = undefined;
  }
  const ok =
    Array.isArray(values) && values.length === types.length && values.every((v, i) => typeof v === types[i]);
  if (!ok) {
    throw new AppError("VALIDATION_FAILED", "Invalid cursor", [{ path: "cursor", message: "invalid cursor" }]);
  }
  return values as (string | number)[];
}

/** Fetches limit + 1 rows to know whether another page follows without counting. */
export function toPage<R, T>(rows: R[], limit: number, present: (r: R) => T, cursorOf: (r: R) => (string | number)[]) {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map(present),
    nextCursor: hasMore && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}
