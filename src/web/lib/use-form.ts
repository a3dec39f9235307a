import { useCallback, useState } from "react";
import type { FieldErrors } from "./validation.js";

/** Controlled form values and per-field errors; editing a field clears its error. */
export function useForm<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const setField = useCallback(<K extends keyof T>(name: K, value: T[K]) => {
    setValues((old) => ({ ...old, [name]: value }));
    setErrors((old) => {
      if (!(name in old)) return old;
      const next = { ...old };
      delete next[name as string];
      return next;
    });
  }, []);

  const reset = useCallback((next: T) => {
    setValues(next);
    setErrors({});
  }, []);

  return { values, setField, errors, setErrors, reset };
}

/** Text inputs give "": the API wants null to clear an optional field. */
export function emptyToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

export function emptyToUndefined(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}
