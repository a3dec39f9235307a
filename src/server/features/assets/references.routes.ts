import { z } from "zod";
import {
  AssetKindListSchema, AssetKindSchema, AssetModelListSchema, AssetModelSchema, ContactBodySchema, ContactParamsSchema,
  CreateFieldBodySchema, CreateKindBodySchema, CreateLocationBodySchema, CreateModelBodySchema, CreateSupplierBodySchema,
  FieldParamsSchema, KindParamsSchema, ListKindsQuerySchema, ListLocationsQuerySchema, ListManufacturersQuerySchema,
  ListModelsQuerySchema, ListSuppliersQuerySchema, LocationListSchema, LocationParamsSchema, LocationSchema, ManufacturerBodySchema,
  ManufacturerListSchema, ManufacturerParamsSchema, ManufacturerSchema, ModelParamsSchema, ReorderFieldsBodySchema,
  SupplierListSchema, SupplierParamsSchema, SupplierSchema, UpdateContactBodySchema, UpdateFieldBodySchema, UpdateKindBodySchema,
  UpdateLocationBodySchema, UpdateModelBodySchema, UpdateSupplierBodySchema,
} from "../../../shared/api/asset-references.js";
import { type RouteSpec, route } from "../../http/route.js";
import * as models from "./catalog.models.service.js";
import * as manufacturers from "./catalog.service.js";
import * as kinds from "./kind.service.js";
import * as locations from "./location.service.js";
import * as contacts from "./supplier.contact.service.js";
import * as suppliers from "./supplier.service.js";

const NoContent = z.null();
const tag = "asset-references";

const kindRoutes = [
  route({ method: "GET", url: "/api/asset-kinds", tag, auth: "user", summary: "The kinds of assets with their fields, in order",
    query: ListKindsQuerySchema, response: AssetKindListSchema, handler: (ctx, { query }) => kinds.listKinds(ctx, query) }),
  route({ method: "POST", url: "/api/asset-kinds", tag, auth: "user", status: 201, summary: "Create a kind of asset (global)",
    body: CreateKindBodySchema, response: AssetKindSchema, handler: (ctx, { body }) => kinds.createKind(ctx, body) }),
  route({ method: "PATCH", url: "/api/asset-kinds/:kindId", tag, auth: "user", summary: "Rename a kind, change its tag pattern, family or state",
    params: KindParamsSchema, body: UpdateKindBodySchema, response: AssetKindSchema,
    handler: (ctx, { params, body }) => kinds.updateKind(ctx, params.kindId, body) }),
  route({ method: "DELETE", url: "/api/asset-kinds/:kindId", tag, auth: "user", status: 204,
    summary: "Delete an admin's kind no asset nor model uses (else deactivate it)", params: KindParamsSchema, response: NoContent,
    handler: async (ctx, { params }) => { await kinds.deleteKind(ctx, params.kindId); return null; } }),
  route({ method: "POST", url: "/api/asset-kinds/:kindId/fields", tag, auth: "user", status: 201, summary: "Add a field to a kind",
    params: KindParamsSchema, body: CreateFieldBodySchema, response: AssetKindSchema,
    handler: (ctx, { params, body }) => kinds.addField(ctx, params.kindId, body) }),
  route({ method: "PUT", url: "/api/asset-kinds/:kindId/fields/order", tag, auth: "user", summary: "Put a kind's fields in a new order",
    params: KindParamsSchema, body: ReorderFieldsBodySchema, response: AssetKindSchema,
    handler: (ctx, { params, body }) => kinds.reorderFields(ctx, params.kindId, body) }),
  route({ method: "PATCH", url: "/api/asset-kinds/:kindId/fields/:fieldId", tag, auth: "user",
    summary: "Relabel a field, change its options or whether it is required", params: FieldParamsSchema, body: UpdateFieldBodySchema,
    response: AssetKindSchema, handler: (ctx, { params, body }) => kinds.updateField(ctx, params.kindId, params.fieldId, body) }),
  route({ method: "DELETE", url: "/api/asset-kinds/:kindId/fields/:fieldId", tag, auth: "user", status: 204,
    summary: "Delete an admin's field (built-in ones stay)", params: FieldParamsSchema, response: NoContent,
    handler: async (ctx, { params }) => { await kinds.deleteField(ctx, params.kindId, params.fieldId); return null; } }),
];

const locationRoutes = [
  route({ method: "GET", url: "/api/locations", tag, auth: "user", summary: "The locations usable in an entity (its own and its parents'), in tree order",
    query: ListLocationsQuerySchema, response: LocationListSchema, handler: (ctx, { query }) => locations.listLocations(ctx, query) }),
  route({ method: "POST", url: "/api/locations", tag, auth: "user", status: 201, summary: "Create a location",
    body: CreateLocationBodySchema, response: LocationSchema, handler: (ctx, { body }) => locations.createLocation(ctx, body) }),
  route({ method: "PATCH", url: "/api/locations/:locationId", tag, auth: "user",
    summary: "Rename, move, retype or (de)activate a location (the branch follows)", params: LocationParamsSchema,
    body: UpdateLocationBodySchema, response: LocationSchema, handler: (ctx, { params, body }) => locations.updateLocation(ctx, params.locationId, body) }),
  route({ method: "DELETE", url: "/api/locations/:locationId", tag, auth: "user", status: 204,
    summary: "Delete an unused location without places below it (else deactivate it)", params: LocationParamsSchema, response: NoContent,
    handler: async (ctx, { params }) => { await locations.deleteLocation(ctx, params.locationId); return null; } }),
];

const catalogRoutes = [
  route({ method: "GET", url: "/api/manufacturers", tag, auth: "user", summary: "The manufacturers, by name",
    query: ListManufacturersQuerySchema, response: ManufacturerListSchema, handler: (ctx, { query }) => manufacturers.listManufacturers(ctx, query) }),
  route({ method: "POST", url: "/api/manufacturers", tag, auth: "user", status: 201, summary: "Create a manufacturer (global)",
    body: ManufacturerBodySchema, response: ManufacturerSchema, handler: (ctx, { body }) => manufacturers.createManufacturer(ctx, body) }),
  route({ method: "PATCH", url: "/api/manufacturers/:manufacturerId", tag, auth: "user", summary: "Rename a manufacturer",
    params: ManufacturerParamsSchema, body: ManufacturerBodySchema, response: ManufacturerSchema,
    handler: (ctx, { params, body }) => manufacturers.renameManufacturer(ctx, params.manufacturerId, body) }),
  route({ method: "DELETE", url: "/api/manufacturers/:manufacturerId", tag, auth: "user", status: 204,
    summary: "Delete a manufacturer no asset nor model names", params: ManufacturerParamsSchema, response: NoContent,
    handler: async (ctx, { params }) => { await manufacturers.deleteManufacturer(ctx, params.manufacturerId); return null; } }),
  route({ method: "GET", url: "/api/asset-models", tag, auth: "user", summary: "The models, of a kind and a manufacturer when given, by name",
    query: ListModelsQuerySchema, response: AssetModelListSchema, handler: (ctx, { query }) => models.listModels(ctx, query) }),
  route({ method: "POST", url: "/api/asset-models", tag, auth: "user", status: 201, summary: "Create a model (global)",
    body: CreateModelBodySchema, response: AssetModelSchema, handler: (ctx, { body }) => models.createModel(ctx, body) }),
  route({ method: "PATCH", url: "/api/asset-models/:modelId", tag, auth: "user", summary: "Change a model",
    params: ModelParamsSchema, body: UpdateModelBodySchema, response: AssetModelSchema,
    handler: (ctx, { params, body }) => models.updateModel(ctx, params.modelId, body) }),
  route({ method: "DELETE", url: "/api/asset-models/:modelId", tag, auth: "user", status: 204, summary: "Delete a model no asset uses",
    params: ModelParamsSchema, response: NoContent,
    handler: async (ctx, { params }) => { await models.deleteModel(ctx, params.modelId); return null; } }),
];

const supplierRoutes = [
  route({ method: "GET", url: "/api/suppliers", tag, auth: "user", summary: "The suppliers usable in an entity (its own and its parents'), by name",
    query: ListSuppliersQuerySchema, response: SupplierListSchema, handler: (ctx, { query }) => suppliers.listSuppliers(ctx, query) }),
  route({ method: "GET", url: "/api/suppliers/:supplierId", tag, auth: "user", summary: "A supplier with its contacts",
    params: SupplierParamsSchema, response: SupplierSchema, handler: (ctx, { params }) => suppliers.getSupplier(ctx, params.supplierId) }),
  route({ method: "POST", url: "/api/suppliers", tag, auth: "user", status: 201, summary: "Create a supplier",
    body: CreateSupplierBodySchema, response: SupplierSchema, handler: (ctx, { body }) => suppliers.createSupplier(ctx, body) }),
  route({ method: "PATCH", url: "/api/suppliers/:supplierId", tag, auth: "user", summary: "Change a supplier",
    params: SupplierParamsSchema, body: UpdateSupplierBodySchema, response: SupplierSchema,
    handler: (ctx, { params, body }) => suppliers.updateSupplier(ctx, params.supplierId, body) }),
  route({ method: "DELETE", url: "/api/suppliers/:supplierId", tag, auth: "user", status: 204,
    summary: "Delete a supplier no asset nor contract names (else deactivate it)", params: SupplierParamsSchema, response: NoContent,
    handler: async (ctx, { params }) => { await suppliers.deleteSupplier(ctx, params.supplierId); return null; } }),
  route({ method: "POST", url: "/api/suppliers/:supplierId/contacts", tag, auth: "user", status: 201, summary: "Add a contact to a supplier",
    params: SupplierParamsSchema, body: ContactBodySchema, response: SupplierSchema,
    handler: (ctx, { params, body }) => contacts.addContact(ctx, params.supplierId, body) }),
  route({ method: "PATCH", url: "/api/suppliers/:supplierId/contacts/:contactId", tag, auth: "user", summary: "Change a supplier's contact",
    params: ContactParamsSchema, body: UpdateContactBodySchema, response: SupplierSchema,
    handler: (ctx, { params, body }) => contacts.updateContact(ctx, params.supplierId, params.contactId, body) }),
  route({ method: "DELETE", url: "/api/suppliers/:supplierId/contacts/:contactId", tag, auth: "user", status: 204,
    summary: "Remove a supplier's contact", params: ContactParamsSchema, response: NoContent,
    handler: async (ctx, { params }) => { await contacts.deleteContact(ctx, params.supplierId, params.contactId); return null; } }),
];

/** The fleet's reference lists: kinds and their fields, locations, manufacturers and models, suppliers and their contacts. */
export const referenceRoutes: RouteSpec[] = [...kindRoutes, ...locationRoutes, ...catalogRoutes, ...supplierRoutes];
