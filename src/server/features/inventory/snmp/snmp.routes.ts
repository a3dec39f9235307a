import { AssetInventoryParamsSchema } from "../../../../shared/api/asset-inventory.js";
import { OkSchema } from "../../../../shared/api/common.js";
import {
  CreateSnmpCredentialBodySchema, CreateSnmpRangeBodySchema, ListSnmpScansQuerySchema, PrinterSuppliesPageSchema, PrinterSuppliesSchema, SnmpCredentialPageSchema,
  SnmpCredentialParamsSchema, SnmpCredentialSchema, SnmpListQuerySchema, SnmpRangePageSchema, SnmpRangeParamsSchema, SnmpRangeSchema,
  SnmpScanPageSchema, SnmpScanParamsSchema, SnmpScanSchema, SnmpSettingsBodySchema, SnmpSettingsSchema, UpdateSnmpCredentialBodySchema,
  UpdateSnmpRangeBodySchema,
} from "../../../../shared/api/snmp.js";
import { type RouteSpec, route } from "../../../http/route.js";
import { getPrinterSupplies, listPrinterSupplies } from "./printer-supply.service.js";
import { createSnmpCredential, deleteSnmpCredential, listSnmpCredentials, updateSnmpCredential } from "./snmp-credential.service.js";
import { createSnmpRange, deleteSnmpRange, getSnmpRange, listSnmpRanges, updateSnmpRange } from "./snmp-range.service.js";
import { getSnmpScan, listSnmpScans, startSnmpScan } from "./snmp-scan.service.js";
import { getSnmpSettings, updateSnmpSettings } from "./snmp-settings.service.js";

const tag = "inventory-snmp";

/** SNMP discovery run by Vigie: credentials, IP ranges, scans and printer supplies. */
export const snmpRoutes: RouteSpec[] = [
  route({ method: "GET", url: "/api/inventory/snmp/credentials", tag, auth: "user", summary: "The SNMP credentials of the caller's entities (secrets only as set or not)",
    query: SnmpListQuerySchema, response: SnmpCredentialPageSchema, handler: (ctx, { query }) => listSnmpCredentials(ctx, query) }),
  route({ method: "POST", url: "/api/inventory/snmp/credentials", tag, auth: "user", status: 201,
    summary: "Adds an SNMP credential to an entity: a v1/v2c community or a v3 user (asset.manage)",
    body: CreateSnmpCredentialBodySchema, response: SnmpCredentialSchema, handler: (ctx, { body }) => createSnmpCredential(ctx, body) }),
  route({ method: "PATCH", url: "/api/inventory/snmp/credentials/:credentialId", tag, auth: "user",
    summary: "Changes an SNMP credential; a secret left out is kept, null clears it", params: SnmpCredentialParamsSchema,
    body: UpdateSnmpCredentialBodySchema, response: SnmpCredentialSchema, handler: (ctx, { params, body }) => updateSnmpCredential(ctx, params.credentialId, body) }),
  route({ method: "DELETE", url: "/api/inventory/snmp/credentials/:credentialId", tag, auth: "user",
    summary: "Deletes an SNMP credential; the ranges that tried it no longer do", params: SnmpCredentialParamsSchema,
    response: OkSchema, handler: (ctx, { params }) => deleteSnmpCredential(ctx, params.credentialId) }),
  route({ method: "GET", url: "/api/inventory/snmp/ranges", tag, auth: "user", summary: "The IP ranges of the caller's entities, with their last scan",
    query: SnmpListQuerySchema, response: SnmpRangePageSchema, handler: (ctx, { query }) => listSnmpRanges(ctx, query) }),
  route({ method: "POST", url: "/api/inventory/snmp/ranges", tag, auth: "user", status: 201,
    summary: "Adds an IP range to scan (at most 4096 addresses) with the credentials to try in order (asset.manage)",
    body: CreateSnmpRangeBodySchema, response: SnmpRangeSchema, handler: (ctx, { body }) => createSnmpRange(ctx, body) }),
  route({ method: "GET", url: "/api/inventory/snmp/ranges/:rangeId", tag, auth: "user", summary: "One IP range with its last scan",
    params: SnmpRangeParamsSchema, response: SnmpRangeSchema, handler: (ctx, { params }) => getSnmpRange(ctx, params.rangeId) }),
  route({ method: "PATCH", url: "/api/inventory/snmp/ranges/:rangeId", tag, auth: "user", summary: "Changes an IP range",
    params: SnmpRangeParamsSchema, body: UpdateSnmpRangeBodySchema, response: SnmpRangeSchema,
    handler: (ctx, { params, body }) => updateSnmpRange(ctx, params.rangeId, body) }),
  route({ method: "DELETE", url: "/api/inventory/snmp/ranges/:rangeId", tag, auth: "user",
    summary: "Deletes an IP range and its scans; the devices found stay in the fleet", params: SnmpRangeParamsSchema,
    response: OkSchema, handler: (ctx, { params }) => deleteSnmpRange(ctx, params.rangeId) }),
  route({ method: "POST", url: "/api/inventory/snmp/ranges/:rangeId/scans", tag, auth: "user", status: 201,
    summary: "Starts a scan of the range as a background job (or answers the one already under way)", params: SnmpRangeParamsSchema,
    response: SnmpScanSchema, handler: (ctx, { params }) => startSnmpScan(ctx, params.rangeId) }),
  route({ method: "GET", url: "/api/inventory/snmp/scans", tag, auth: "user", summary: "The scans of the caller's entities, newest first, with their progress",
    query: ListSnmpScansQuerySchema, response: SnmpScanPageSchema, handler: (ctx, { query }) => listSnmpScans(ctx, query) }),
  route({ method: "GET", url: "/api/inventory/snmp/scans/:scanId", tag, auth: "user", summary: "One scan and its progress",
    params: SnmpScanParamsSchema, response: SnmpScanSchema, handler: (ctx, { params }) => getSnmpScan(ctx, params.scanId) }),
  route({ method: "GET", url: "/api/inventory/snmp/settings", tag, auth: "user",
    summary: "The low-supply threshold and whether a ticket is opened; `canManage` when the caller may change them",
    response: SnmpSettingsSchema, handler: (ctx) => getSnmpSettings(ctx) }),
  route({ method: "PUT", url: "/api/inventory/snmp/settings", tag, auth: "user", summary: "Changes the low-supply alert's settings (admin of the root entity)",
    body: SnmpSettingsBodySchema, response: SnmpSettingsSchema, handler: (ctx, { body }) => updateSnmpSettings(ctx, body) }),
  route({ method: "GET", url: "/api/inventory/snmp/printers", tag, auth: "user",
    summary: "The printers of the caller's entities with the supplies and page counter their last scan read",
    query: SnmpListQuerySchema, response: PrinterSuppliesPageSchema, handler: (ctx, { query }) => listPrinterSupplies(ctx, query) }),
  route({ method: "GET", url: "/api/assets/:assetId/printer-supplies", tag, auth: "user",
    summary: "A printer's supplies and page counter as its last SNMP scan read them (empty for other assets)",
    params: AssetInventoryParamsSchema, response: PrinterSuppliesSchema, handler: (ctx, { params }) => getPrinterSupplies(ctx, params.assetId) }),
];
