import { Button, Group, Paper, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDuration } from "./ticket-ui.js";

/** Counts up from when the screen opens; pause and reset for a call put on hold or restarted. */
export function useCallTimer() {
  const [seconds, setSeconds] = useState(0);
  const [running, setRunning] = useState(true);
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setSeconds((value) => value + 1), 1000);
    return () => window.clearInterval(timer);
  }, [running]);
  return {
    seconds,
    running,
    toggle: () => setRunning((value) => !value),
    reset: () => setSeconds(0),
  };
}

export function CallTimer({ timer }: { timer: ReturnType<typeof useCallTimer> }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" px="sm" py={6} className="call-timer" data-running={timer.running || undefined}>
      <Group gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          {t("call.duration")}
        </Text>
        <Text fw={700} fz="lg" className="mono" role="timer" aria-live="off" aria-label={t("call.duration")} data-testid="call-timer">
          {formatDuration(timer.seconds)}
        </Text>
        <Button size="compact-sm" variant="light" onClick={timer.toggle}>
          {timer.running ? t("call.pause") : t("call.resume")}
        </Button>
        <Button size="compact-sm" variant="subtle" onClick={timer.reset}>
          {t("call.reset")}
        </Button>
      </Group>
    </Paper>
  );
}
