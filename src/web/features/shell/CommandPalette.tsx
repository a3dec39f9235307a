import { useComputedColorScheme, useMantineColorScheme } from "@mantine/core";
import { Spotlight, type SpotlightActionData } from "@mantine/spotlight";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { LanguageIcon, LogoutIcon, MoonIcon, PlusIcon, SearchIcon, TicketIcon } from "../../components/icons.js";
import { currentLanguage } from "../../i18n/index.js";
import { can, isPortalOnly } from "../../lib/permissions.js";
import { useLogout, useMe } from "../auth/useAuth.js";
import { paletteFilter, usePaletteSearch } from "../search/palette.js";
import { navItemsFor } from "./nav-items.js";
import { useChangeLanguage } from "./useChangeLanguage.js";

/**
 * Ctrl+K: jump anywhere. The pages and commands whose name matches what is typed come first, so
 * "toke" + Enter still opens the API tokens; the global search's results (tickets, articles, people,
 * assets) follow, and are first when no page or command matches.
 */
export function CommandPalette() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  const changeLanguage = useChangeLanguage();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme("light");
  const otherLanguage = currentLanguage() === "fr" ? "en" : "fr";
  const [query, setQuery] = useState("");
  const searchGroups = usePaletteSearch(query);

  const goTo: SpotlightActionData[] = navItemsFor(me).map((item) => ({
    id: `nav:${item.to}:${item.label}`,
    label: t(item.label),
    description: item.to,
    leftSection: <item.icon size={18} />,
    onClick: () => void navigate(item.to),
  }));

  const ticketActions: SpotlightActionData[] = can(me, "ticket.read")
    ? [
        {
          id: "cmd:ticket-new",
          label: t("palette.newTicket"),
          description: "/tickets/new",
          leftSection: <PlusIcon size={18} />,
          onClick: () => void navigate("/tickets/new"),
        },
        {
          id: "cmd:ticket-queue",
          label: t("palette.ticketQueue"),
          description: "/tickets",
          leftSection: <TicketIcon size={18} />,
          onClick: () => void navigate("/tickets"),
        },
      ]
    : isPortalOnly(me) && can(me, "ticket.create")
      ? [
          {
            id: "cmd:request-new",
            label: t("portal.newRequest"),
            description: "/requests/new",
            leftSection: <PlusIcon size={18} />,
            onClick: () => void navigate("/requests/new"),
          },
        ]
      : [];

  const commands: SpotlightActionData[] = [
    ...ticketActions,
    {
      id: "cmd:theme",
      label: scheme === "dark" ? t("header.themeLight") : t("header.themeDark"),
      leftSection: <MoonIcon size={18} />,
      onClick: () => setColorScheme(scheme === "dark" ? "light" : "dark"),
    },
    {
      id: "cmd:language",
      label: t("palette.switchLanguage", { language: t(`languages.${otherLanguage}`, { lng: otherLanguage }) }),
      leftSection: <LanguageIcon size={18} />,
      onClick: () => changeLanguage(otherLanguage),
    },
    {
      id: "cmd:signout",
      label: t("header.signOut"),
      leftSection: <LogoutIcon size={18} />,
      onClick: () => logout.mutate(undefined, { onSettled: () => void navigate("/login") }),
    },
  ];

  return (
    <Spotlight
      actions={[
        { group: t("palette.goTo"), actions: goTo },
        { group: t("palette.commands"), actions: commands },
        ...searchGroups,
      ]}
      query={query}
      onQueryChange={setQuery}
      filter={paletteFilter}
      scrollable
      maxHeight={480}
      shortcut={["mod + K"]}
      nothingFound={t("palette.nothingFound")}
      highlightQuery
      searchProps={{
        leftSection: <SearchIcon size={18} />,
        placeholder: t("palette.placeholder"),
        "aria-label": t("palette.placeholder"),
      }}
    />
  );
}
