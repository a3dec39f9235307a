import { type ReactNode, createContext, useCallback, useContext, useMemo, useState } from "react";
import { readStored, writeStored } from "../../lib/storage.js";
import { useMe } from "../auth/useAuth.js";

/** Which entity the lists show: one entity (and maybe its sub-entities), or all the user may see. */
export type EntityScope = { entityId: number | null; recursive: boolean };

type EntityScopeValue = {
  scope: EntityScope;
  setScope: (scope: EntityScope) => void;
  /** The filters every list passes to the API. */
  scopeQuery: { entityId: number | undefined; recursive: boolean };
};

const EntityScopeContext = createContext<EntityScopeValue | null>(null);

function storageKey(userId: number) {
  return `vigie.entityScope.${userId}`;
}

function readScope(userId: number): EntityScope {
  try {
    const parsed = JSON.parse(readStored(storageKey(userId)) ?? "null") as Partial<EntityScope> | null;
    return {
      entityId: typeof parsed?.entityId === "number" ? parsed.entityId : null,
      recursive: parsed?.recursive !== false,
    };
  } catch {
    return { entityId: null, recursive: true };
  }
}

/** Stored per user on this browser, so two people sharing a desk keep their own choice. */
export function EntityScopeProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const [scope, setScopeState] = useState<EntityScope>(() => readScope(me.id));

  const setScope = useCallback(
    (next: EntityScope) => {
      setScopeState(next);
      writeStored(storageKey(me.id), JSON.stringify(next));
    },
    [me.id],
  );

  const value = useMemo<EntityScopeValue>(
    () => ({
      scope,
      setScope,
      scopeQuery: { entityId: scope.entityId ?? undefined, recursive: scope.recursive },
    }),
    [scope, setScope],
  );
  return <EntityScopeContext.Provider value={value}>{children}</EntityScopeContext.Provider>;
}

export function useEntityScope(): EntityScopeValue {
  const value = useContext(EntityScopeContext);
  if (!value) throw new Error("useEntityScope() needs an EntityScopeProvider");
  return value;
}
