/**
 * Devices plugged into a computer ("Connexions directes"): monitors and printers an inventory
 * reported, or that a technician connected by hand. One device is on one computer at a time.
 */
import { z } from "zod";
import { ASSET_FAMILIES } from "../domain/assets.js";
import { IdSchema, PageQuerySchema, pageOf } from "./common.js";

/** The families a computer may have plugged into it, as in GLPI: screens, printers, peripherals, phones. */
export const CONNECTABLE_FAMILIES = ["monitor", "printer", "peripheral", "phone"] as const;

export const CONNECTION_SOURCES = ["inventory", "manual"] as const;

export const AssetConnectionParamsSchema = z.object({ assetId: IdSchema });
export const AssetConnectionItemParamsSchema = z.object({ assetId: IdSchema, connectionId: IdSchema });

export const ListAssetConnectionsQuerySchema = PageQuerySchema;

export const CreateAssetConnectionBodySchema = z.object({ deviceId: z.number().int().positive() });
export type CreateAssetConnectionBody = z.infer<typeof CreateAssetConnectionBodySchema>;

/** One end of a connection, as the lists show it. */
export const ConnectedAssetSchema = z.object({
  id: z.number(),
  assetTag: z.string(),
  name: z.string(),
  family: z.enum(ASSET_FAMILIES),
  kindCode: z.string().nullable(),
  kindName: z.string(),
  serial: z.string().nullable(),
  manufacturerName: z.string().nullable(),
  modelName: z.string().nullable(),
  entityName: z.string(),
});
export type ConnectedAsset = z.infer<typeof ConnectedAssetSchema>;

export const AssetConnectionSchema = z.object({
  id: z.number(),
  /** inventory: an agent reported it (its next inventory unplugs it when gone); manual: a technician's. */
  source: z.enum(CONNECTION_SOURCES),
  connectedAt: z.string(),
  computer: ConnectedAssetSchema,
  device: ConnectedAssetSchema,
});
export type AssetConnection = z.infer<typeof AssetConnectionSchema>;

/** The asset's open connections, newest first: a computer's devices, or the computer a device is on. */
export const AssetConnectionPageSchema = pageOf(AssetConnectionSchema);
