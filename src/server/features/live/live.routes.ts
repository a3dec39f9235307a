import { z } from "zod";
import { IdParamsSchema } from "../../../shared/api/common.js";
import { LiveStreamSchema, PresenceListSchema } from "../../../shared/api/live.js";
import { route } from "../../http/route.js";
import { openLiveStream } from "./live-stream.js";
import { leavePresence, listPresence, reportPresence } from "./presence.service.js";

export const liveRoutes = [
  route({ method: "GET", url: "/api/live", tag: "live", auth: "user",
    summary: "Server-Sent Events: the tickets I may see that change, who opens them, my new notifications",
    response: LiveStreamSchema, handler: (ctx, { req, reply }) => openLiveStream(ctx, req, reply) }),
  route({ method: "GET", url: "/api/tickets/:id/presence", tag: "live", auth: "user",
    summary: "Who else has this ticket open now (staff)",
    params: IdParamsSchema, response: PresenceListSchema, handler: (ctx, { params }) => listPresence(ctx, params.id) }),
  route({ method: "PUT", url: "/api/tickets/:id/presence", tag: "live", auth: "user",
    summary: "I have this ticket open (repeat every 20 s; a minute without news means gone); answers who else is there",
    params: IdParamsSchema, response: PresenceListSchema, handler: (ctx, { params }) => reportPresence(ctx, params.id) }),
  route({ method: "DELETE", url: "/api/tickets/:id/presence", tag: "live", auth: "user", status: 204,
    summary: "I left this ticket", params: IdParamsSchema, response: z.null(),
    handler: (ctx, { params }) => leavePresence(ctx, params.id) }),
];
