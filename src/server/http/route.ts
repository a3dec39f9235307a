import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ValidationIssue } from "../../shared/api/errors.js";
import { AppError } from "./errors.js";
import type { Ctx, PublicCtx } from "./context.js";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

type Input<P, Q, B> = { params: Out<P>; query: Out<Q>; body: Out<B>; req: FastifyRequest; reply: FastifyReply };

/**
 * One endpoint: its schemas validate the request and generate the OpenAPI document, so
 * the two cannot drift. `auth: "user"` routes get a Ctx with an actor or answer 401;
 * what the actor may see is decided by the services through access.ts.
 */
export type RouteSpec<P = unknown, Q = unknown, B = unknown, R = unknown> = {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  response: Schema;
  status?: number;
  /** Bytes accepted before the body is refused (413), without buffering it whole. */
  bodyLimit?: number;
  /** A non-JSON body, e.g. "text/csv" for imports. */
  bodyType?: string;
  /**
   * The tickets a successful call changed, e.g. `live: ({ params }) => params.id`: once it is
   * committed, the screens showing them refresh (features/live). Every ticket-changing route has one.
   */
  live?: (done: Input<P, Q, B> & { result: R }) => number | readonly number[];
} & (
  | { auth: "public"; handler: (ctx: PublicCtx, input: Input<P, Q, B>) => Promise<R> }
  | { auth: "user"; handler: (ctx: Ctx, input: Input<P, Q, B>) => Promise<R> }
);

export function route<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R = unknown,
>(spec: RouteSpec<P, Q, B, R>): RouteSpec {
  return spec as RouteSpec;
}

export function toIssues(error: z.ZodError, prefix: string): ValidationIssue[] {
  return error.issues.map((i) => {
    const issue: ValidationIssue = { path: [prefix, ...i.path.map(String)].filter(Boolean).join("."), message: i.message, code: i.code };
    if ("minimum" in i) issue.minimum = Number(i.minimum);
    if ("maximum" in i) issue.maximum = Number(i.maximum);
    if ("format" in i && typeof i.format === "string") issue.format = i.format;
    if ("origin" in i && typeof i.origin === "string") issue.origin = i.origin;
    return issue;
  });
}

/** Validates each part, collecting every problem of every part before answering 400. */
export function parseInput(spec: RouteSpec, req: FastifyRequest) {
  const issues: ValidationIssue[] = [];
  const parse = (schema: unknown, value: unknown, where: string) => {
    if (!schema) return undefined;
    const result = (schema as Schema).safeParse(value ?? (where === "body" ? undefined : {}));
    if (result.success) return result.data;
    issues.push(...toIssues(result.error, where));
    return undefined;
  };
  const input = {
    params: parse(spec.params, req.params, "params"),
    query: parse(spec.query, req.query, "query"),
    body: parse(spec.body, req.body, "body"),
  };
  if (issues.length > 0) throw new AppError("VALIDATION_FAILED", "The request is not valid", issues);
  return input;
}
