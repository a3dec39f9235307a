import type { Ctx } from "../../http/context.js";
import { forbidden } from "../../http/errors.js";
import { recordHistory } from "../history/history.service.js";
import { findRootEntityRow } from "../identity/entity.repo.js";
import { assertCan } from "../identity/access.js";
import { forgetPriorityMatrix, loadPriorityMatrix } from "./ticket-write.js";

const MATRIX_KEY = "tickets.priority_matrix";

export async function getPriorityMatrix(ctx: Ctx): Promise<{ matrix: number[][] }> {
  return { matrix: await loadPriorityMatrix(ctx.db) };
}

/**
 * The urgency × impact matrix applies to the whole install, so only an admin of the root
 * entity changes it. Existing tickets keep their priority; new computations use the new one.
 */
export async function setPriorityMatrix(ctx: Ctx, matrix: number[][]): Promise<{ matrix: number[][] }> {
  await ctx.db.transaction().execute(async (trx) => {
    const root = await findRootEntityRow(trx);
    if (!root) throw forbidden();
    await assertCan(trx, ctx.actor, "entity.write", root.id);
    const before = await loadPriorityMatrix(trx);
    const value = JSON.stringify(matrix);
    await trx.insertInto("setting").values({ key: MATRIX_KEY, value })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value })).execute();
    await recordHistory(trx, ctx.actor, { recordType: "entity", recordId: root.id, entityId: root.id, action: "update",
      changes: [{ field: "priorityMatrix", oldValue: JSON.stringify(before), newValue: value }] });
  });
  forgetPriorityMatrix(ctx.db);
  return { matrix };
}
