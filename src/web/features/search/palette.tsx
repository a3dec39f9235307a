import type { SpotlightActionData, SpotlightActionGroupData, SpotlightFilterFunction } from "@mantine/spotlight";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { BookIcon, LaptopIcon, SearchIcon, TicketIcon, UserIcon } from "../../components/icons.js";
import { isPortalOnly } from "../../lib/permissions.js";
import { useMe } from "../auth/useAuth.js";
import { articleLink, assetLink, snippetText, ticketLink, userLink } from "./links.js";
import { useGlobalSearch } from "./useSearch.js";

const SEARCH_PREFIX = "search:";

/**
 * The global search's groups for the Ctrl+K palette, after the pages and commands that match, so
 * Enter opens the best result when none does; empty under two characters. Results are the
 * server's: the palette must not filter them again.
 */
export function usePaletteSearch(query: string): SpotlightActionGroupData[] {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const portal = isPortalOnly(me);
  const search = useGlobalSearch(query, { limit: 5 });
  const data = query.trim().length >= 2 ? search.data : undefined;

  // The palette selects its first action as one types, before the results arrive: select the first again once
  // they are in (the palette's store keeps index 0; its Enter clicks the element marked data-selected).
  useEffect(() => {
    if (data) selectFirstAction();
  }, [data]);

  if (!data) return [];
  const go = (to: string) => () => void navigate(to);
  const groups: SpotlightActionGroupData[] = [
    { group: t("search.groups.tickets"), actions: data.tickets.map((h) => ({
      id: `${SEARCH_PREFIX}ticket:${h.id}`, label: `#${h.id} ${h.title}`, description: snippetText(h.snippet) || undefined,
      leftSection: <TicketIcon size={18} />, onClick: go(ticketLink(h.id, portal)),
    })) },
    { group: t("search.groups.articles"), actions: data.articles.map((h) => ({
      id: `${SEARCH_PREFIX}article:${h.id}`, label: h.title, description: snippetText(h.snippet) || undefined,
      leftSection: <BookIcon size={18} />, onClick: go(articleLink(h.id, portal)),
    })) },
    { group: t("search.groups.users"), actions: data.users.map((h) => ({
      id: `${SEARCH_PREFIX}user:${h.id}`, label: h.name, description: [h.login, h.email, h.phone].filter(Boolean).join(" · "),
      leftSection: <UserIcon size={18} />, onClick: go(userLink(h.id)),
    })) },
    { group: t("search.groups.assets"), actions: data.assets.map((h) => ({
      id: `${SEARCH_PREFIX}asset:${h.id}`, label: `${h.assetTag} — ${h.name}`, description: snippetText(h.snippet) || h.serial || undefined,
      leftSection: <LaptopIcon size={18} />, onClick: go(assetLink(h.id)),
    })) },
  ];
  const seeAll: SpotlightActionGroupData = { group: t("search.title"), actions: [{
    id: `${SEARCH_PREFIX}all`, label: t("search.paletteSeeAll", { q: search.debounced }), leftSection: <SearchIcon size={18} />,
    onClick: go(`/search?q=${encodeURIComponent(search.debounced)}`),
  }] };
  return [...groups.filter((g) => g.actions.length > 0), seeAll];
}

function selectFirstAction() {
  const list = document.querySelector(".mantine-Spotlight-actionsList");
  list?.querySelectorAll("[data-selected]").forEach((e) => e.removeAttribute("data-selected"));
  list?.querySelector("[data-action]")?.setAttribute("data-selected", "true");
}

function matches(text: string | undefined, query: string): boolean {
  return (text ?? "").toLocaleLowerCase().includes(query);
}

/** The palette's own filter: navigation and commands by their label, search results as the server ranked them. */
export const paletteFilter: SpotlightFilterFunction = (query, actions) => {
  const q = query.trim().toLocaleLowerCase();
  return actions.flatMap((item): (SpotlightActionData | SpotlightActionGroupData)[] => {
    if (!("actions" in item)) return matches(item.label, q) || matches(item.description, q) ? [item] : [];
    if (item.actions.every((a) => a.id.startsWith(SEARCH_PREFIX))) return [item];
    const kept = item.actions.filter((a) => matches(a.label, q) || matches(a.description, q));
    return kept.length > 0 ? [{ ...item, actions: kept }] : [];
  });
};
