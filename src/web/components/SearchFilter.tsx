import { TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { type ReactNode, useState } from "react";

type Props = {
  /** The search in the address, as applied. */
  value: string | undefined;
  /** Called with the trimmed text, or null when it is empty. */
  onChange: (value: string | null) => void;
  label: string;
  placeholder: string;
  icon?: ReactNode;
  width: number;
};

/**
 * A list's search box: filters as one types, without a request per key press (300 ms pause, or
 * Enter at once). When the applied search changes from elsewhere (a saved view, "clear"), the text follows.
 */
export function SearchFilter({ value, onChange, label, placeholder, icon, width }: Props) {
  const applied = value ?? "";
  const [text, setText] = useState(applied);
  const [shown, setShown] = useState(applied);
  if (applied !== shown) {
    setShown(applied);
    setText(applied);
  }
  const commit = useDebouncedCallback((typed: string) => onChange(typed.trim() || null), 300);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      leftSection={icon}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => event.key === "Enter" && onChange(text.trim() || null)}
      w={{ base: "100%", sm: width }}
      size="xs"
      type="search"
    />
  );
}
