import { z } from "zod";
import { ERRORS } from "../../shared/api/errors.js";
import type { RouteSpec } from "./route.js";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: unknown, io: "input" | "output"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema as z.ZodType, { io, unrepresentable: "any", target: "draft-2020-12" });
  return rest;
}

function parameters(schema: unknown, where: "path" | "query") {
  if (!schema) return [];
  const obj = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(obj.properties ?? {}).map(([name, s]) => ({
    name, in: where, required: where === "path" || (obj.required ?? []).includes(name), schema: s,
  }));
}

const ErrorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: Object.keys(ERRORS) },
        message: { type: "string" },
        issues: {
          type: "array",
          items: {
            type: "object",
            required: ["path", "message"],
            properties: {
              path: { type: "string" }, message: { type: "string" }, code: { type: "string" },
              minimum: { type: "number" }, maximum: { type: "number" }, format: { type: "string" }, origin: { type: "string" },
            },
          },
        },
      },
    },
  },
};

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function buildOpenApi(routes: RouteSpec[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of [...routes].sort((a, b) => a.url.localeCompare(b.url))) {
    const path = r.url.replace(/:(\w+)/g, "{$1}");
    const status = String(r.status ?? 200);
    const body = r.body
      ? { required: true, content: { [r.bodyType ?? "application/json"]: { schema: jsonSchema(r.body, "input") } } }
      : undefined;
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      tags: [r.tag],
      summary: r.summary,
      operationId: `${r.method.toLowerCase()}${path.replace(/[{}]/g, "").replace(/[/:-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
      ...(r.auth === "public" ? { security: [] } : {}),
      parameters: [...parameters(r.params, "path"), ...parameters(r.query, "query")],
      ...(body ? { requestBody: body } : {}),
      responses: {
        [status]: status === "204"
          ? { description: "Done" }
          : { description: "Success", content: { "application/json": { schema: jsonSchema(r.response, "output") } } },
        default: { description: "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Vigie API", version, description: "Service desk and IT asset management. Errors carry a stable code." },
    servers: [{ url: "/" }],
    security: [{ session: [] }, { bearer: [] }],
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "vigie_session" },
        bearer: { type: "http", scheme: "bearer", description: "An API token created by an administrator" },
      },
      schemas: { Error: ErrorSchema },
    },
    paths,
  };
}
