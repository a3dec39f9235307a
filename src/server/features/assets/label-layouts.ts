import type { LabelLayout } from "../../../shared/api/inventory.js";

/** A sheet of labels, in millimetres from the top-left corner of an A4 page (210 × 297). */
export type SheetLayout = {
  columns: number;
  rows: number;
  width: number;
  height: number;
  /** Offset of the first label from the page's left and top edges. */
  left: number;
  top: number;
  /** From one label's left (top) edge to the next one's, gap included. */
  pitchX: number;
  pitchY: number;
  /** Too small for the name and the entity: QR code and tag only. */
  compact: boolean;
};

/**
 * The makers' published templates (Avery L7160 / L7163 / L7651, Herma 4453 for 3 × 8). Each one
 * adds up to 210 mm across and 297 mm down, margins included, so a label lands on its die-cut.
 */
export const SHEETS: Record<LabelLayout, SheetLayout> = {
  L7160: { columns: 3, rows: 7, width: 63.5, height: 38.1, left: 7.25, top: 15.15, pitchX: 66.0, pitchY: 38.1, compact: false },
  L7163: { columns: 2, rows: 7, width: 99.1, height: 38.1, left: 4.65, top: 15.15, pitchX: 101.6, pitchY: 38.1, compact: false },
  L7651: { columns: 5, rows: 13, width: 38.1, height: 21.2, left: 4.75, top: 10.7, pitchX: 40.6, pitchY: 21.2, compact: true },
  "3x8": { columns: 3, rows: 8, width: 70.0, height: 37.0, left: 0, top: 0.5, pitchX: 70.0, pitchY: 37.0, compact: false },
};

export const A4_MM = { width: 210, height: 297 };

export function mm(value: number): number {
  return (value * 72) / 25.4;
}

export function labelsPerSheet(sheet: SheetLayout): number {
  return sheet.columns * sheet.rows;
}

/** The top-left corner of the n-th label of a page (0-based, row by row), in points. */
export function labelOrigin(sheet: SheetLayout, n: number): { x: number; y: number } {
  const column = n % sheet.columns;
  const row = Math.floor(n / sheet.columns);
  return { x: mm(sheet.left + column * sheet.pitchX), y: mm(sheet.top + row * sheet.pitchY) };
}
