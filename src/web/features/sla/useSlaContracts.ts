import { useQuery } from "@tanstack/react-query";
import type { ContractPage } from "../../../shared/api/contracts.js";
import type { ContractSla, TicketContract } from "../../../shared/api/sla.js";
import { api } from "../../api/client.js";
import { POLICIES } from "./useSla.js";

/** The contracts a ticket may be worked under; keyed under the ticket's URL, so a change of the ticket refreshes them. */
export function useTicketContracts(ticketId: number, enabled: boolean) {
  return useQuery({
    queryKey: [`/api/tickets/${ticketId}`, "contracts"],
    queryFn: ({ signal }) => api<{ data: TicketContract[] }>(`/api/sla/tickets/${ticketId}/contracts`, { signal }),
    select: (list) => list.data,
    enabled,
  });
}

/** The contracts of exactly this entity (the list answers its sub-entities' too), for the SLA forms. */
export function useEntityContracts(entityId: number | null) {
  return useQuery({
    queryKey: ["/api/contracts", "of-entity", entityId],
    queryFn: ({ signal }) => api<ContractPage>("/api/contracts", { query: { entityId: entityId ?? undefined, sort: "name", limit: 200 }, signal }),
    select: (page) => page.data.filter((c) => c.entityId === entityId),
    enabled: entityId !== null,
  });
}

/** A contract's support hours and SLAs; keyed under the SLA lists, so a save there refreshes it. */
export function useContractSla(contractId: number) {
  return useQuery({
    queryKey: [POLICIES, "contract", contractId],
    queryFn: ({ signal }) => api<ContractSla>(`/api/sla/contracts/${contractId}`, { signal }),
  });
}
