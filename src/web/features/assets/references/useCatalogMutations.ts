import type {
  AssetKind, AssetModel, CreateFieldBody, CreateKindBody, CreateModelBody, Manufacturer, UpdateFieldBody, UpdateKindBody, UpdateModelBody,
} from "../../../../shared/api/asset-references.js";
import { KINDS_PATH, MANUFACTURERS_PATH, MODELS_PATH, useReferenceMutation } from "./useReferences.js";

// A kind's name shows in the models list: changing kinds refreshes both.
const KIND_LISTS = [KINDS_PATH, MODELS_PATH];

export function useCreateKind() {
  return useReferenceMutation<CreateKindBody, AssetKind>(KIND_LISTS, (body) => ({ path: KINDS_PATH, method: "POST", body }));
}
export function useUpdateKind() {
  return useReferenceMutation<{ id: number; body: UpdateKindBody }, AssetKind>(KIND_LISTS,
    ({ id, body }) => ({ path: `${KINDS_PATH}/${id}`, method: "PATCH", body }));
}
export function useDeleteKind() {
  return useReferenceMutation<number>(KIND_LISTS, (id) => ({ path: `${KINDS_PATH}/${id}`, method: "DELETE" }));
}
export function useAddField() {
  return useReferenceMutation<{ kindId: number; body: CreateFieldBody }, AssetKind>([KINDS_PATH],
    ({ kindId, body }) => ({ path: `${KINDS_PATH}/${kindId}/fields`, method: "POST", body }));
}
export function useUpdateField() {
  return useReferenceMutation<{ kindId: number; fieldId: number; body: UpdateFieldBody }, AssetKind>([KINDS_PATH],
    ({ kindId, fieldId, body }) => ({ path: `${KINDS_PATH}/${kindId}/fields/${fieldId}`, method: "PATCH", body }));
}
export function useReorderFields() {
  return useReferenceMutation<{ kindId: number; fieldIds: number[] }, AssetKind>([KINDS_PATH],
    ({ kindId, fieldIds }) => ({ path: `${KINDS_PATH}/${kindId}/fields/order`, method: "PUT", body: { fieldIds } }));
}
export function useDeleteField() {
  return useReferenceMutation<{ kindId: number; fieldId: number }>([KINDS_PATH],
    ({ kindId, fieldId }) => ({ path: `${KINDS_PATH}/${kindId}/fields/${fieldId}`, method: "DELETE" }));
}

const MAKER_LISTS = [MANUFACTURERS_PATH, MODELS_PATH];

export function useCreateManufacturer() {
  return useReferenceMutation<{ name: string }, Manufacturer>(MAKER_LISTS, (body) => ({ path: MANUFACTURERS_PATH, method: "POST", body }));
}
export function useRenameManufacturer() {
  return useReferenceMutation<{ id: number; name: string }, Manufacturer>(MAKER_LISTS,
    ({ id, name }) => ({ path: `${MANUFACTURERS_PATH}/${id}`, method: "PATCH", body: { name } }));
}
export function useDeleteManufacturer() {
  return useReferenceMutation<number>(MAKER_LISTS, (id) => ({ path: `${MANUFACTURERS_PATH}/${id}`, method: "DELETE" }));
}

export function useCreateModel() {
  return useReferenceMutation<CreateModelBody, AssetModel>([MODELS_PATH, MANUFACTURERS_PATH, KINDS_PATH],
    (body) => ({ path: MODELS_PATH, method: "POST", body }));
}
export function useUpdateModel() {
  return useReferenceMutation<{ id: number; body: UpdateModelBody }, AssetModel>([MODELS_PATH],
    ({ id, body }) => ({ path: `${MODELS_PATH}/${id}`, method: "PATCH", body }));
}
export function useDeleteModel() {
  return useReferenceMutation<number>([MODELS_PATH, MANUFACTURERS_PATH, KINDS_PATH], (id) => ({ path: `${MODELS_PATH}/${id}`, method: "DELETE" }));
}
