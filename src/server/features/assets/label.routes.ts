import type { FastifyRequest } from "fastify";
import {
  AssetByTagParamsSchema, AssetByTagSchema, LabelsBodySchema, LabelsResponseSchema,
} from "../../../shared/api/inventory.js";
import { route } from "../../http/route.js";
import { contentDisposition } from "../attachments/attachment.routes.js";
import { SHEETS } from "./label-layouts.js";
import { labelPdf } from "./label-pdf.js";
import { getAssetIdByTag, loadLabels } from "./label.service.js";

/** Where the web app is served: the request's own origin (behind a proxy, VIGIE_TRUST_PROXY makes it the public one). */
function publicBase(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

export const labelRoutes = [
  route({ method: "POST", url: "/api/assets/labels", tag: "assets", auth: "user",
    summary: "QR-code labels of assets on A4 sheets (PDF): L7160 3×7, L7163 2×7, L7651 5×13 (QR and tag only), 3x8 70×37 mm. "
      + "An asset the caller may not read answers 404 for the whole sheet",
    body: LabelsBodySchema, response: LabelsResponseSchema,
    handler: async (ctx, { body, req, reply }) => {
      const labels = await loadLabels(ctx, body.assetIds, publicBase(req));
      const date = new Date().toISOString().slice(0, 10);
      reply.header("Content-Type", "application/pdf")
        .header("Content-Disposition", contentDisposition("attachment", `etiquettes-${body.layout}-${date}.pdf`));
      return reply.send(labelPdf(labels, SHEETS[body.layout], `Étiquettes ${date}`));
    } }),
  route({ method: "GET", url: "/api/assets/by-tag/:tag", tag: "assets", auth: "user",
    summary: "The asset with this tag (as typed or in capitals), among those the caller may read",
    params: AssetByTagParamsSchema, response: AssetByTagSchema,
    handler: (ctx, { params }) => getAssetIdByTag(ctx, params.tag) }),
];
