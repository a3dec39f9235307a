import type { Page } from "../../../shared/api/common.js";
import {
  type Contract, type CreateContractBody, CreateContractBodySchema, type ListContractsQuery, type UpdateContractBody,
  UpdateContractBodySchema,
} from "../../../shared/api/contracts.js";
import { type ContractType, addMonths } from "../../../shared/domain/assets.js";
import type { Db } from "../../db/database.js";
import { flag, now } from "../../db/values.js";
import { contains } from "../../db/dialect.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { AppError, notFound } from "../../http/errors.js";
import { diffFields, recordHistory } from "../history/history.service.js";
import { findEntityRow } from "../identity/entity.repo.js";
import { assertCan, entityScope, inEntity, inScope } from "../identity/access.js";
import { contractDates } from "./contract-dates.js";
import * as repo from "./contract.repo.js";
import { checkSupplierUsable } from "./reference-use.js";
import { assertContractUnused, slaOnContractTermsChanged } from "../sla/sla-contract.service.js";

export function toContract(row: repo.ContractListRow): Contract {
  return {
    id: row.id, entityId: row.entity_id, entityName: row.entity_name, contractType: row.contract_type as ContractType,
    name: row.name, number: row.number, supplierId: row.supplier_id, supplierName: row.supplier_name,
    startDate: row.start_date, durationMonths: row.duration_months, endDate: row.end_date, noticeMonths: row.notice_months,
    noticeDate: row.notice_date, tacitRenewal: row.tacit_renewal === 1, yearlyCostCents: row.yearly_cost_cents, notes: row.notes,
    assetCount: Number(row.asset_count ?? 0), createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** The fields history shows, under their API names. */
function historyFields(row: repo.ContractRow) {
  return {
    contractType: row.contract_type, name: row.name, number: row.number, supplierId: row.supplier_id, startDate: row.start_date,
    durationMonths: row.duration_months, endDate: row.end_date, noticeMonths: row.notice_months, noticeDate: row.notice_date,
    tacitRenewal: row.tacit_renewal === 1, yearlyCostCents: row.yearly_cost_cents, notes: row.notes,
  };
}

export async function presentContract(db: Db, id: number): Promise<Contract> {
  return toContract(await repo.selectContracts(db).where("c.id", "=", id).executeTakeFirstOrThrow());
}

/** The contract, if the actor may `permission` in its entity: NOT_FOUND when missing, FORBIDDEN when out of reach. */
export async function loadContract(db: Db, ctx: Ctx, id: number, permission: "asset.read" | "asset.manage"): Promise<repo.ContractRow> {
  const row = await repo.findContractRow(db, id);
  if (!row) throw notFound("CONTRACT_NOT_FOUND", `Contract ${id}`);
  await assertCan(db, ctx.actor, permission, row.entity_id);
  return row;
}

export async function getContract(ctx: Ctx, id: number): Promise<Contract> {
  await loadContract(ctx.db, ctx, id, "asset.read");
  return presentContract(ctx.db, id);
}

const SORTS = {
  end_date: { column: "c.end_date", cursor: (r: repo.ContractListRow) => [r.end_date, r.id] },
  name: { column: "c.name", cursor: (r: repo.ContractListRow) => [r.name, r.id] },
} as const;

/** The contracts of the actor's entities, soonest end first (or by name), with the filters a manager uses. */
export async function listContracts(ctx: Ctx, query: ListContractsQuery): Promise<Page<Contract>> {
  let q = repo.selectContracts(ctx.db).where(inScope("c.entity_id", entityScope(ctx.actor, "asset.read")));
  if (query.entityId) q = q.where(inEntity("c.entity_id", query.entityId, true));
  if (query.contractType) q = q.where("c.contract_type", "=", query.contractType);
  if (query.supplierId) q = q.where("c.supplier_id", "=", query.supplierId);
  if (query.endingBefore) q = q.where("c.end_date", "<=", query.endingBefore);
  if (query.noticeBefore) q = q.where("c.notice_date", "<=", query.noticeBefore);
  // A plain "contains" until the search module arrives: no index serves it, so it only filters
  // the rows the sort index walks (an entity holds tens or hundreds of contracts, not millions).
  if (query.q) {
    const text = query.q;
    q = q.where((eb) => eb.or([contains("c.name", text), contains("c.number", text)]));
  }
  const sort = SORTS[query.sort];
  if (query.cursor) {
    const [value, id] = decodeCursor(query.cursor, ["string", "number"]);
    q = q.where((eb) => eb(eb.refTuple(sort.column, "c.id"), ">", eb.tuple(value as string, id as number)));
  }
  const rows = await q.orderBy(sort.column).orderBy("c.id").limit(query.limit + 1).execute();
  return toPage(rows, query.limit, toContract, sort.cursor);
}

/** Read in the caller's transaction: on SQLite a second connection would wait for it for ever. */
async function ownEntityId(db: Db, ctx: Ctx): Promise<number> {
  const me = await db.selectFrom("app_user").select("entity_id").where("id", "=", ctx.actor.userId).executeTakeFirstOrThrow();
  return me.entity_id;
}

function checkNotice(durationMonths: number, noticeMonths: number): void {
  if (noticeMonths > durationMonths) {
    throw new AppError("VALIDATION_FAILED", "The notice period is longer than the contract",
      [{ path: "body.noticeMonths", message: "the notice period is longer than the contract" }]);
  }
}

export async function createContract(ctx: Ctx, input: CreateContractBody): Promise<Contract> {
  const body = CreateContractBodySchema.parse(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const entityId = body.entityId ?? (await ownEntityId(trx, ctx));
    if (!(await findEntityRow(trx, entityId))) throw notFound("ENTITY_NOT_FOUND", `Entity ${entityId}`);
    await assertCan(trx, ctx.actor, "asset.manage", entityId);
    if (body.supplierId) await checkSupplierUsable(trx, body.supplierId, entityId);
    const dates = contractDates(body.startDate, body.durationMonths, body.noticeMonths);
    const at = now();
    const row = await trx.insertInto("contract").values({
      entity_id: entityId, contract_type: body.contractType, name: body.name, number: body.number ?? null,
      supplier_id: body.supplierId ?? null, start_date: body.startDate, duration_months: body.durationMonths,
      end_date: dates.endDate, notice_months: body.noticeMonths, notice_date: dates.noticeDate, tacit_renewal: flag(body.tacitRenewal),
      yearly_cost_cents: body.yearlyCostCents ?? null, notes: body.notes ?? null, created_at: at, updated_at: at,
    }).returning("id").executeTakeFirstOrThrow();
    await recordHistory(trx, ctx.actor, { recordType: "contract", recordId: row.id, entityId, action: "create", label: body.name });
    return row.id;
  });
  return presentContract(ctx.db, id);
}

/**
 * Changes a contract. A new start, duration or notice period gives new end and notice dates
 * (start + duration: a renewed contract whose duration changes starts its count again).
 */
export async function updateContract(ctx: Ctx, id: number, input: UpdateContractBody): Promise<Contract> {
  const body = UpdateContractBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadContract(trx, ctx, id, "asset.manage");
    if (body.supplierId && body.supplierId !== row.supplier_id) await checkSupplierUsable(trx, body.supplierId, row.entity_id);
    const startDate = body.startDate ?? row.start_date;
    const durationMonths = body.durationMonths ?? row.duration_months;
    const noticeMonths = body.noticeMonths ?? row.notice_months;
    checkNotice(durationMonths, noticeMonths);
    const datesChanged = startDate !== row.start_date || durationMonths !== row.duration_months || noticeMonths !== row.notice_months;
    // Only the notice changed: the (maybe renewed) end stays, the notice date follows it.
    const dates = startDate !== row.start_date || durationMonths !== row.duration_months
      ? contractDates(startDate, durationMonths, noticeMonths)
      : { endDate: row.end_date, noticeDate: addMonths(row.end_date, -noticeMonths) };
    const after = { ...body, ...(datesChanged ? dates : {}) };
    const changes = diffFields(historyFields(row), after);
    if (changes.length === 0) return;
    await trx.updateTable("contract").set({
      contract_type: body.contractType, name: body.name, number: body.number, supplier_id: body.supplierId,
      start_date: startDate, duration_months: durationMonths, notice_months: noticeMonths,
      end_date: dates.endDate, notice_date: dates.noticeDate,
      tacit_renewal: body.tacitRenewal === undefined ? undefined : flag(body.tacitRenewal),
      yearly_cost_cents: body.yearlyCostCents, notes: body.notes, updated_at: now(),
    }).where("id", "=", id).execute();
    await recordHistory(trx, ctx.actor, { recordType: "contract", recordId: id, entityId: row.entity_id, action: "update", changes });
    // Its SLA and support hours apply to the tickets opened while it is in force.
    if (datesChanged) await slaOnContractTermsChanged(trx, row.entity_id);
  });
  return presentContract(ctx.db, id);
}

/** Deletes a contract and its list of covered assets (the assets stay); refused while it carries an SLA or tickets name it. */
export async function deleteContract(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadContract(trx, ctx, id, "asset.manage");
    await assertContractUnused(trx, id);
    await trx.deleteFrom("contract_asset").where("contract_id", "=", id).execute();
    await trx.deleteFrom("contract").where("id", "=", id).execute();
    await recordHistory(trx, ctx.actor, { recordType: "contract", recordId: id, entityId: row.entity_id, action: "delete", label: row.name });
  });
}

/** The contracts covering one asset that the actor may read, soonest end first. */
export async function listAssetContracts(ctx: Ctx, assetId: number): Promise<{ data: Contract[] }> {
  const asset = await ctx.db.selectFrom("asset").select("entity_id").where("id", "=", assetId).executeTakeFirst();
  if (!asset) throw notFound("ASSET_NOT_FOUND", `Asset ${assetId}`);
  await assertCan(ctx.db, ctx.actor, "asset.read", asset.entity_id);
  const rows = await repo.selectContracts(ctx.db)
    .where("c.id", "in", (eb) => eb.selectFrom("contract_asset").select("contract_id").where("asset_id", "=", assetId))
    .where(inScope("c.entity_id", entityScope(ctx.actor, "asset.read")))
    // An asset is covered by a handful of contracts; the bound only guards against a runaway list.
    .orderBy("c.end_date").orderBy("c.id").limit(200).execute();
  return { data: rows.map(toContract) };
}
