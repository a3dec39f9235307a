import { Box, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { VigieLogo } from "../../components/icons.js";
import { LanguageMenu } from "../shell/LanguageMenu.js";
import { ThemeToggle } from "../shell/ThemeToggle.js";

/** The frame of the pages seen before signing in: a centred card, language and theme on top. */
export function AuthFrame({
  title,
  subtitle,
  width = 400,
  children,
}: {
  title: string;
  subtitle?: string;
  width?: number;
  children: ReactNode;
}) {
  return (
    <Box mih="100dvh" className="auth-background">
      <Group justify="flex-end" p="sm" gap={6}>
        <LanguageMenu />
        <ThemeToggle />
      </Group>
      <Center px="md" pb="xl">
        <Stack w="100%" maw={width} gap="lg">
          <Group gap="sm" justify="center">
            <VigieLogo size={40} />
            <Text fw={800} fz={28}>
              Vigie
            </Text>
          </Group>
          <Paper withBorder shadow="sm" p="xl" radius="md" component="main">
            <Title order={1} fz="h3" mb={subtitle ? 4 : "md"}>
              {title}
            </Title>
            {subtitle && (
              <Text c="dimmed" size="sm" mb="md">
                {subtitle}
              </Text>
            )}
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
