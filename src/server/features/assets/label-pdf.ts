/**
 * Draws asset labels on A4 sheets. The QR code is drawn as vector rectangles (one per run of
 * dark modules), so it stays sharp at any printer resolution and 1,000 labels take little time.
 */
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { type SheetLayout, labelOrigin, labelsPerSheet, mm } from "./label-layouts.js";

export type Label = { url: string; tag: string; name: string; entityName: string };

type Doc = PDFKit.PDFDocument;
type Box = { x: number; y: number; width: number; height: number };

/**
 * The PDF as a stream: it is drawn a page at a time, letting the event loop send each page
 * before the next one, so a large sheet neither blocks the server nor waits whole in memory.
 */
export function labelPdf(labels: Label[], sheet: SheetLayout, title: string): Doc {
  const doc = new PDFDocument({ size: "A4", margin: 0, autoFirstPage: false, info: { Title: title, Creator: "Vigie" } });
  void drawAll(doc, labels, sheet).catch((error: unknown) => doc.destroy(error instanceof Error ? error : new Error(String(error))));
  return doc;
}

async function drawAll(doc: Doc, labels: Label[], sheet: SheetLayout): Promise<void> {
  const perPage = labelsPerSheet(sheet);
  for (let start = 0; start < labels.length; start += perPage) {
    doc.addPage({ size: "A4", margin: 0 });
    labels.slice(start, start + perPage).forEach((label, n) => drawLabel(doc, label, sheet, labelOrigin(sheet, n)));
    await new Promise((resolve) => setImmediate(resolve));
  }
  doc.end();
}

function drawLabel(doc: Doc, label: Label, sheet: SheetLayout, origin: { x: number; y: number }): void {
  const pad = mm(sheet.compact ? 1.5 : 2.5);
  const height = mm(sheet.height) - 2 * pad;
  // A wide label keeps the QR code as tall as it can be; a narrow one leaves the text half of the width.
  const qrSide = Math.min(height, mm(sheet.width) * (sheet.compact ? 0.5 : 0.45));
  drawQr(doc, label.url, origin.x + pad, origin.y + pad + (height - qrSide) / 2, qrSide);
  const gap = mm(sheet.compact ? 1 : 2);
  const text: Box = { x: origin.x + pad + qrSide + gap, y: origin.y + pad, width: mm(sheet.width) - 2 * pad - qrSide - gap, height };
  if (sheet.compact) drawCompactText(doc, label, text);
  else drawText(doc, label, text);
}

function drawQr(doc: Doc, url: string, x: number, y: number, side: number): void {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  // One module of white border inside the box; the label's own margin adds the rest of the quiet zone.
  const unit = side / (modules.size + 2);
  for (let row = 0; row < modules.size; row++) {
    let column = 0;
    while (column < modules.size) {
      if (!modules.get(row, column)) { column++; continue; }
      const from = column;
      while (column < modules.size && modules.get(row, column)) column++;
      doc.rect(x + (from + 1) * unit, y + (row + 1) * unit, (column - from) * unit, unit);
    }
  }
  doc.fillColor("black").fill();
}

function drawText(doc: Doc, label: Label, box: Box): void {
  let y = box.y + mm(1);
  y = write(doc, [label.tag], { font: "Helvetica-Bold", size: fitSize(doc, label.tag, "Helvetica-Bold", box.width, 13, 7) }, box.x, y, box.width);
  y += mm(1.5);
  const nameSize = 8;
  y = write(doc, wrap(doc, label.name, box.width, 3, "Helvetica", nameSize), { font: "Helvetica", size: nameSize }, box.x, y, box.width);
  const entitySize = 6.5;
  const entityY = Math.max(y + mm(1), box.y + box.height - entitySize * 1.2);
  write(doc, [label.entityName], { font: "Helvetica", size: entitySize, color: "#333333" }, box.x, entityY, box.width);
}

/** The tiny labels: the tag alone, broken after a dash when it does not fit on one line. */
function drawCompactText(doc: Doc, label: Label, box: Box): void {
  const size = fitSize(doc, label.tag, "Helvetica-Bold", box.width, 9, 7);
  const lines = wrap(doc, label.tag, box.width, 3, "Helvetica-Bold", size);
  const top = box.y + (box.height - lines.length * size * 1.15) / 2;
  write(doc, lines, { font: "Helvetica-Bold", size }, box.x, top, box.width);
}

type Style = { font: string; size: number; color?: string };

/** Writes lines from y, each cut to the width; returns the y below the last one. */
function write(doc: Doc, lines: string[], style: Style, x: number, y: number, width: number): number {
  doc.font(style.font).fontSize(style.size).fillColor(style.color ?? "black");
  let at = y;
  for (const line of lines) {
    doc.text(truncate(doc, line, width), x, at, { lineBreak: false });
    at += style.size * 1.15;
  }
  return at;
}

/** The largest size from max down to min (by half points) at which the text fits on one line. */
function fitSize(doc: Doc, text: string, font: string, width: number, max: number, min: number): number {
  doc.font(font);
  let size = max;
  while (size > min && doc.fontSize(size).widthOfString(text) > width) size -= 0.5;
  return size;
}

/** Greedy word wrap (spaces, and after dashes), at most maxLines; the last line keeps the rest and is cut later. */
export function wrap(doc: Doc, text: string, width: number, maxLines: number, font: string, size: number): string[] {
  doc.font(font).fontSize(size);
  const words = text.split(/(?<=[\s-])/);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line !== "" && lines.length < maxLines - 1 && doc.widthOfString(line + word) > width) {
      lines.push(line.trimEnd());
      line = "";
    }
    line += word;
  }
  if (line.trim() !== "") lines.push(line.trimEnd());
  return lines;
}

function truncate(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${text.slice(0, mid)}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}
