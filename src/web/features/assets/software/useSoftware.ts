import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  PreviewSoftwareBody, Software, SoftwareInstallation, SoftwarePreview, SoftwareRules, SoftwareSummary, UpdateSoftwareRulesBody,
} from "../../../../shared/api/software.js";
import { api } from "../../../api/client.js";
import { usePagedList } from "../../../api/paged.js";

const PATH = "/api/software";
const RULES_PATH = "/api/inventory/software-rules";

/** `entityId` is the app's entity selector: counts and machines of that entity and its sub-entities. */
export function useSoftwareList(q: string | undefined, entityId: number | undefined) {
  return usePagedList<SoftwareSummary>(PATH, { q, entityId });
}

export function useSoftware(id: number, entityId: number | undefined) {
  return useQuery({
    queryKey: [PATH, id, { entityId }],
    queryFn: ({ signal }) => api<Software>(`${PATH}/${id}`, { query: { entityId }, signal }),
  });
}

export function useSoftwareInstallations(id: number, versionId: number | undefined, entityId: number | undefined) {
  return usePagedList<SoftwareInstallation>(`${PATH}/${id}/installations`, { versionId, entityId, limit: 50 });
}

export function useSoftwareRules() {
  return useQuery({ queryKey: [RULES_PATH], queryFn: ({ signal }) => api<SoftwareRules>(RULES_PATH, { signal }) });
}

export function useSaveSoftwareRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSoftwareRulesBody) => api<SoftwareRules>(RULES_PATH, { method: "PUT", body }),
    onSuccess: (saved) => queryClient.setQueryData([RULES_PATH], saved),
  });
}

export function usePreviewSoftware() {
  return useMutation({ mutationFn: (body: PreviewSoftwareBody) => api<SoftwarePreview>(`${RULES_PATH}/preview`, { method: "POST", body }) });
}
