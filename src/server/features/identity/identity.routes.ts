import { z } from "zod";
import { IdParamsSchema, PageQuerySchema } from "../../../shared/api/common.js";
import {
  CreateEntityBodySchema, EntityPageSchema, EntitySchema, ListEntitiesQuerySchema, UpdateEntityBodySchema,
} from "../../../shared/api/entities.js";
import { CreateGrantBodySchema, GrantPageSchema, GrantSchema, ListGrantsQuerySchema } from "../../../shared/api/grants.js";
import {
  AddGroupMemberBodySchema, CreateGroupBodySchema, GroupMemberPageSchema, GroupMemberParamsSchema, GroupMemberSchema,
  GroupPageSchema, GroupSchema, ListGroupsQuerySchema, UpdateGroupBodySchema,
} from "../../../shared/api/groups.js";
import { ApiTokenPageSchema, CreateApiTokenBodySchema, CreatedApiTokenSchema, ListApiTokensQuerySchema } from "../../../shared/api/tokens.js";
import {
  CreateUserBodySchema, ImportUsersResultSchema, ListUsersQuerySchema, UpdateUserBodySchema, UserPageSchema, UserSchema,
} from "../../../shared/api/users.js";
import { CSV_IMPORT_LIMIT } from "../../../shared/domain/limits.js";
import { route } from "../../http/route.js";
import * as entities from "./entity.service.js";
import * as grants from "./grant.service.js";
import * as groups from "./group.service.js";
import * as tokens from "./token.service.js";
import { importUsers } from "./user-import.service.js";
import * as users from "./user.service.js";

const NoContent = z.null();
const ImportQuerySchema = z.object({ entityId: z.coerce.number().int().positive().optional() });

/** The CRUD of users, groups, entities, role grants and API tokens; each service checks rights. */
export const identityRoutes = [
  route({ method: "GET", url: "/api/users", tag: "users", auth: "user", summary: "List users (paginated, filtered)",
    query: ListUsersQuerySchema, response: UserPageSchema, handler: (ctx, { query }) => users.listUsers(ctx, query) }),
  route({ method: "POST", url: "/api/users", tag: "users", auth: "user", summary: "Create a user", status: 201,
    body: CreateUserBodySchema, response: UserSchema, handler: (ctx, { body }) => users.createUser(ctx, body) }),
  route({ method: "POST", url: "/api/users/import", tag: "users", auth: "user", bodyType: "text/csv", bodyLimit: CSV_IMPORT_LIMIT,
    summary: "Import users from CSV (all or nothing; existing logins are updated)",
    body: z.string().describe("CSV text; header: login;firstName;lastName;email;phone;mobile;jobTitle;entity;language"),
    query: ImportQuerySchema, response: ImportUsersResultSchema,
    handler: (ctx, { body, query }) => importUsers(ctx, body, query.entityId) }),
  route({ method: "GET", url: "/api/users/:id", tag: "users", auth: "user", summary: "Get a user",
    params: IdParamsSchema, response: UserSchema, handler: (ctx, { params }) => users.getUser(ctx, params.id) }),
  route({ method: "PATCH", url: "/api/users/:id", tag: "users", auth: "user", summary: "Update a user",
    params: IdParamsSchema, body: UpdateUserBodySchema, response: UserSchema,
    handler: (ctx, { params, body }) => users.updateUser(ctx, params.id, body) }),
  route({ method: "DELETE", url: "/api/users/:id", tag: "users", auth: "user", summary: "Delete a user", status: 204,
    params: IdParamsSchema, response: NoContent, handler: async (ctx, { params }) => { await users.deleteUser(ctx, params.id); return null; } }),

  route({ method: "GET", url: "/api/groups", tag: "groups", auth: "user", summary: "List groups (teams)",
    query: ListGroupsQuerySchema, response: GroupPageSchema, handler: (ctx, { query }) => groups.listGroups(ctx, query) }),
  route({ method: "POST", url: "/api/groups", tag: "groups", auth: "user", summary: "Create a group", status: 201,
    body: CreateGroupBodySchema, response: GroupSchema, handler: (ctx, { body }) => groups.createGroup(ctx, body) }),
  route({ method: "GET", url: "/api/groups/:id", tag: "groups", auth: "user", summary: "Get a group",
    params: IdParamsSchema, response: GroupSchema, handler: (ctx, { params }) => groups.getGroup(ctx, params.id) }),
  route({ method: "PATCH", url: "/api/groups/:id", tag: "groups", auth: "user", summary: "Update a group",
    params: IdParamsSchema, body: UpdateGroupBodySchema, response: GroupSchema,
    handler: (ctx, { params, body }) => groups.updateGroup(ctx, params.id, body) }),
  route({ method: "DELETE", url: "/api/groups/:id", tag: "groups", auth: "user", summary: "Delete a group", status: 204,
    params: IdParamsSchema, response: NoContent, handler: async (ctx, { params }) => { await groups.deleteGroup(ctx, params.id); return null; } }),
  route({ method: "GET", url: "/api/groups/:id/members", tag: "groups", auth: "user", summary: "List a group's members",
    params: IdParamsSchema, query: PageQuerySchema, response: GroupMemberPageSchema,
    handler: (ctx, { params, query }) => groups.listGroupMembers(ctx, params.id, query) }),
  route({ method: "POST", url: "/api/groups/:id/members", tag: "groups", auth: "user", summary: "Add a member", status: 201,
    params: IdParamsSchema, body: AddGroupMemberBodySchema, response: GroupMemberSchema,
    handler: (ctx, { params, body }) => groups.addGroupMember(ctx, params.id, body) }),
  route({ method: "DELETE", url: "/api/groups/:id/members/:userId", tag: "groups", auth: "user", summary: "Remove a member",
    status: 204, params: GroupMemberParamsSchema, response: NoContent,
    handler: async (ctx, { params }) => { await groups.removeGroupMember(ctx, params.id, params.userId); return null; } }),

  route({ method: "GET", url: "/api/entities", tag: "entities", auth: "user", summary: "List entities (sorted by complete name)",
    query: ListEntitiesQuerySchema, response: EntityPageSchema, handler: (ctx, { query }) => entities.listEntities(ctx, query) }),
  route({ method: "POST", url: "/api/entities", tag: "entities", auth: "user", summary: "Create an entity", status: 201,
    body: CreateEntityBodySchema, response: EntitySchema, handler: (ctx, { body }) => entities.createEntity(ctx, body) }),
  route({ method: "GET", url: "/api/entities/:id", tag: "entities", auth: "user", summary: "Get an entity",
    params: IdParamsSchema, response: EntitySchema, handler: (ctx, { params }) => entities.getEntity(ctx, params.id) }),
  route({ method: "PATCH", url: "/api/entities/:id", tag: "entities", auth: "user", summary: "Update or move an entity",
    params: IdParamsSchema, body: UpdateEntityBodySchema, response: EntitySchema,
    handler: (ctx, { params, body }) => entities.updateEntity(ctx, params.id, body) }),
  route({ method: "DELETE", url: "/api/entities/:id", tag: "entities", auth: "user", summary: "Delete an empty entity", status: 204,
    params: IdParamsSchema, response: NoContent, handler: async (ctx, { params }) => { await entities.deleteEntity(ctx, params.id); return null; } }),

  route({ method: "GET", url: "/api/grants", tag: "grants", auth: "user", summary: "List role grants",
    query: ListGrantsQuerySchema, response: GrantPageSchema, handler: (ctx, { query }) => grants.listGrants(ctx, query) }),
  route({ method: "POST", url: "/api/grants", tag: "grants", auth: "user", summary: "Grant a role on an entity (or change it)", status: 201,
    body: CreateGrantBodySchema, response: GrantSchema, handler: (ctx, { body }) => grants.createGrant(ctx, body) }),
  route({ method: "DELETE", url: "/api/grants/:id", tag: "grants", auth: "user", summary: "Remove a role grant", status: 204,
    params: IdParamsSchema, response: NoContent, handler: async (ctx, { params }) => { await grants.deleteGrant(ctx, params.id); return null; } }),

  route({ method: "GET", url: "/api/tokens", tag: "tokens", auth: "user", summary: "List API tokens",
    query: ListApiTokensQuerySchema, response: ApiTokenPageSchema, handler: (ctx, { query }) => tokens.listApiTokens(ctx, query) }),
  route({ method: "POST", url: "/api/tokens", tag: "tokens", auth: "user", summary: "Create an API token (the secret is shown once)",
    status: 201, body: CreateApiTokenBodySchema, response: CreatedApiTokenSchema,
    handler: (ctx, { body }) => tokens.createApiToken(ctx, body) }),
  route({ method: "DELETE", url: "/api/tokens/:id", tag: "tokens", auth: "user", summary: "Revoke an API token", status: 204,
    params: IdParamsSchema, response: NoContent, handler: async (ctx, { params }) => { await tokens.revokeApiToken(ctx, params.id); return null; } }),
];
