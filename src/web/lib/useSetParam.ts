import { useSearchParams } from "react-router";

/** Sets one query parameter of the address (null removes it), keeping the others, without a history step. */
export function useSetParam(): (name: string, value: string | null) => void {
  const [, setParams] = useSearchParams();
  return (name, value) => setParams((old) => {
    const next = new URLSearchParams(old);
    if (value) next.set(name, value);
    else next.delete(name);
    return next;
  }, { replace: true });
}
