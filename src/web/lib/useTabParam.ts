import { useSearchParams } from "react-router";

/**
 * The open tab of a record page, kept in `?tab=` so a link or a reload opens the same tab.
 * The first tab is the default and leaves the address clean.
 */
export function useTabParam<T extends string>(tabs: readonly [T, ...T[]]): [T, (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get("tab");
  const tab = tabs.find((t) => t === asked) ?? tabs[0];
  const setTab = (value: string | null) => setParams(value && value !== tabs[0] ? { tab: value } : {}, { replace: true });
  return [tab, setTab];
}
