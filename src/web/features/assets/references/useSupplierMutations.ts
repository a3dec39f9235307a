import type {
  ContactBody, CreateSupplierBody, Supplier, UpdateContactBody, UpdateSupplierBody,
} from "../../../../shared/api/asset-references.js";
import { SUPPLIERS_PATH, useReferenceMutation } from "./useReferences.js";

export function useCreateSupplier() {
  return useReferenceMutation<CreateSupplierBody, Supplier>([SUPPLIERS_PATH], (body) => ({ path: SUPPLIERS_PATH, method: "POST", body }));
}
export function useUpdateSupplier() {
  return useReferenceMutation<{ id: number; body: UpdateSupplierBody }, Supplier>([SUPPLIERS_PATH],
    ({ id, body }) => ({ path: `${SUPPLIERS_PATH}/${id}`, method: "PATCH", body }));
}
export function useDeleteSupplier() {
  return useReferenceMutation<number>([SUPPLIERS_PATH], (id) => ({ path: `${SUPPLIERS_PATH}/${id}`, method: "DELETE" }));
}
export function useAddContact() {
  return useReferenceMutation<{ supplierId: number; body: ContactBody }, Supplier>([SUPPLIERS_PATH],
    ({ supplierId, body }) => ({ path: `${SUPPLIERS_PATH}/${supplierId}/contacts`, method: "POST", body }));
}
export function useUpdateContact() {
  return useReferenceMutation<{ supplierId: number; contactId: number; body: UpdateContactBody }, Supplier>([SUPPLIERS_PATH],
    ({ supplierId, contactId, body }) => ({ path: `${SUPPLIERS_PATH}/${supplierId}/contacts/${contactId}`, method: "PATCH", body }));
}
export function useDeleteContact() {
  return useReferenceMutation<{ supplierId: number; contactId: number }>([SUPPLIERS_PATH],
    ({ supplierId, contactId }) => ({ path: `${SUPPLIERS_PATH}/${supplierId}/contacts/${contactId}`, method: "DELETE" }));
}
