import type { CreateLocationBody, Location, UpdateLocationBody } from "../../../../shared/api/asset-references.js";
import { LOCATIONS_PATH, useReferenceMutation } from "./useReferences.js";

export function useCreateLocation() {
  return useReferenceMutation<CreateLocationBody, Location>([LOCATIONS_PATH], (body) => ({ path: LOCATIONS_PATH, method: "POST", body }));
}

export function useUpdateLocation() {
  return useReferenceMutation<{ id: number; body: UpdateLocationBody }, Location>([LOCATIONS_PATH],
    ({ id, body }) => ({ path: `${LOCATIONS_PATH}/${id}`, method: "PATCH", body }));
}

export function useDeleteLocation() {
  return useReferenceMutation<number>([LOCATIONS_PATH], (id) => ({ path: `${LOCATIONS_PATH}/${id}`, method: "DELETE" }));
}
