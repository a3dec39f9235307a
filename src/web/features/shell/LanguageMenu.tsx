import { Button, Menu } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LANGUAGES } from "../../../shared/domain/limits.js";
import { LanguageIcon } from "../../components/icons.js";
import { currentLanguage } from "../../i18n/index.js";
import { useChangeLanguage } from "./useChangeLanguage.js";

export function LanguageMenu() {
  const { t } = useTranslation();
  const changeLanguage = useChangeLanguage();
  const language = currentLanguage();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          leftSection={<LanguageIcon size={16} />}
          aria-label={t("header.languageCurrent", {
            language: `${t(`languages.${language}`)} (${language.toUpperCase()})`,
          })}
        >
          {language.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("header.language")}</Menu.Label>
        {LANGUAGES.map((code) => (
          <Menu.Item
            key={code}
            lang={code}
            onClick={() => changeLanguage(code)}
            fw={code === language ? 700 : undefined}
            aria-current={code === language ? "true" : undefined}
          >
            {t(`languages.${code}`, { lng: code })}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
