/**
 * Reads a multipart/form-data upload off the request, one part at a time: each file is
 * streamed to the store's tmp/ directory and stops being written at the size limit.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { ATTACHMENT_MAX_FILES } from "../../../shared/api/attachments.js";
import { AppError } from "../../http/errors.js";
import type { ReceivedUpload } from "./attachment.service.js";
import { discardTemp, receiveToTemp } from "./file-store.js";

export type ReceivedForm = { files: ReceivedUpload[]; fields: Record<string, string> };

/** Room for the form's boundaries, headers and fields around the files themselves. */
const FORM_OVERHEAD = 1024 * 1024;

function tooLarge(maxBytes: number): AppError {
  return new AppError("FILE_TOO_LARGE", `A file may not exceed ${maxBytes} bytes`,
    [{ path: "body.file", message: `at most ${maxBytes} bytes`, code: "too_big", maximum: maxBytes, origin: "file" }]);
}

/**
 * Receives every part of the form. A file over the limit is cut at the limit and thrown
 * away; the rest of the request is still read (and dropped) when its announced length is
 * bounded, so the browser gets the answer, and otherwise the connection is closed.
 * On any error, the temporary files already written are removed.
 */
export async function receiveUpload(req: FastifyRequest, reply: FastifyReply, filesDir: string, maxBytes: number): Promise<ReceivedForm> {
  const length = Number(req.headers["content-length"] ?? Number.NaN);
  const budget = ATTACHMENT_MAX_FILES * maxBytes + FORM_OVERHEAD;
  // Announced too long: answer before reading anything, and stop the connection.
  if (length > budget) {
    reply.header("connection", "close");
    throw tooLarge(maxBytes);
  }
  const form: ReceivedForm = { files: [], fields: {} };
  let overLimit = false;
  try {
    const parts = req.parts({
      limits: { fileSize: maxBytes, files: ATTACHMENT_MAX_FILES, fields: 5, fieldSize: 200, parts: ATTACHMENT_MAX_FILES + 5 },
    });
    for await (const part of parts) {
      if (part.type === "field") {
        form.fields[part.fieldname] = String(part.value);
      } else if (overLimit) {
        part.file.resume();
      } else {
        // Without an announced length the rest could be endless: stop reading at the limit.
        if (!Number.isFinite(length)) part.file.once("limit", () => part.file.destroy(tooLarge(maxBytes)));
        const received = await receiveToTemp(filesDir, part.file);
        form.files.push({ ...received, fileName: cleanFileName(part.filename) });
        if (part.file.truncated) overLimit = true;
      }
    }
  } catch (error) {
    // The parts left unread would stall a kept-alive connection.
    reply.header("connection", "close");
    await discardAll(form);
    throw asClientError(error);
  }
  if (overLimit) {
    await discardAll(form);
    throw tooLarge(maxBytes);
  }
  if (form.files.length === 0) {
    throw new AppError("VALIDATION_FAILED", "Send at least one file", [{ path: "body.file", message: "required", code: "invalid_type" }]);
  }
  return form;
}

/** The parser reports a malformed form with a bare Error; disk errors carry a code and stay 500s. */
function asClientError(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof AppError || "code" in error || "statusCode" in error) return error;
  return new AppError("BAD_REQUEST", `Malformed form: ${error.message}`);
}

export async function discardAll(form: ReceivedForm): Promise<void> {
  await Promise.all(form.files.map((file) => discardTemp(file.tempPath)));
}

/** The name as the user's system gave it, without any folder part, control character or excess length. */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? "").split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.normalize("NFC").replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  const short = Array.from(clean).slice(-200).join("");
  return short === "" || short === "." || short === ".." ? "fichier" : short;
}
