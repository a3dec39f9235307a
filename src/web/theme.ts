import { type CSSVariablesResolver, createTheme } from "@mantine/core";

/** Help text under the field, so inputs side by side stay aligned whether or not they have help. */
const HELP_BELOW: ("label" | "input" | "description" | "error")[] = ["label", "input", "description", "error"];

/**
 * Dense by default (help-desk screens hold a lot), with a blue dark enough for white text
 * to pass WCAG AA in both schemes.
 */
export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: "sm",
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: "700" },
  cursorType: "pointer",
  respectReducedMotion: true,
  components: {
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: "sm", highlightOnHover: true } },
    TextInput: { defaultProps: { inputWrapperOrder: HELP_BELOW } },
    PasswordInput: { defaultProps: { inputWrapperOrder: HELP_BELOW } },
    Textarea: { defaultProps: { inputWrapperOrder: HELP_BELOW } },
    Select: { defaultProps: { inputWrapperOrder: HELP_BELOW, checkIconPosition: "right" } },
    Button: { defaultProps: { size: "sm" } },
    Modal: { defaultProps: { size: "lg", overlayProps: { backgroundOpacity: 0.45 } } },
    Tooltip: { defaultProps: { openDelay: 400, withArrow: true } },
  },
});

/** Colours used as "light" badges, alerts and buttons: text on their pale background. */
const LIGHT_VARIANT_COLORS = ["blue", "red", "orange", "yellow", "green", "teal", "grape", "gray", "cyan", "violet"];

/**
 * Contrast fixes for the light scheme: Mantine's dimmed grey is 3.3:1 on white and the text of
 * "light" badges and alerts (shade 6 on shade 0) is near 2.5:1; shade 9 darkened a little reads
 * above 4.5:1 for every colour, orange and green included.
 */
export const cssVariablesResolver: CSSVariablesResolver = (mantine) => ({
  variables: {},
  light: {
    ...Object.fromEntries(
      LIGHT_VARIANT_COLORS.map((color) => [
        `--mantine-color-${color}-light-color`,
        `color-mix(in srgb, ${mantine.colors[color]?.[9] ?? "#000"} 78%, #000)`,
      ]),
    ),
    "--mantine-color-dimmed": mantine.colors.gray[7],
    "--mantine-color-placeholder": mantine.colors.gray[6],
    "--mantine-color-error": mantine.colors.red[9],
  },
  dark: {
    "--mantine-color-dimmed": mantine.colors.dark[1],
  },
});
