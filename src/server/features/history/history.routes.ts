import { HistoryPageSchema, HistoryParamsSchema, HistoryQuerySchema } from "../../../shared/api/history.js";
import { route } from "../../http/route.js";
import { listHistory } from "./history.service.js";

export const historyRoutes = [
  route({
    method: "GET",
    url: "/api/history/:recordType/:id",
    tag: "history",
    summary: "History of a record: who changed which field, when, old → new (newest first)",
    auth: "user",
    params: HistoryParamsSchema,
    query: HistoryQuerySchema,
    response: HistoryPageSchema,
    handler: (ctx, { params, query }) => listHistory(ctx, params.recordType, params.id, query),
  }),
];
