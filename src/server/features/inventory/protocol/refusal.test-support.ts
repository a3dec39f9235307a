import { expect } from "vitest";
import { InventoryProtocolError } from "./protocol-error.js";

/** The protocol error `run` throws; fails the test if it throws none or another. */
export function refusalOf(run: () => unknown): InventoryProtocolError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InventoryProtocolError);
    return error as InventoryProtocolError;
  }
  throw new Error("expected a refusal");
}

/** The reason of the refusal, e.g. "BODY_TOO_LARGE". */
export const refusal = (run: () => unknown): string => refusalOf(run).reason;
