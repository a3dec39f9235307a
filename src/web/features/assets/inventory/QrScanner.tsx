import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** The browser's own decoder (Chrome on Android, Safari 17+); TypeScript's DOM types do not have it yet. */
type Detector = { detect: (source: HTMLVideoElement) => Promise<{ rawValue: string }[]> };
type DetectorClass = { new (options: { formats: string[] }): Detector; getSupportedFormats?: () => Promise<string[]> };

/** A frame every ~150 ms is plenty for a hand-held label and spares the phone's battery. */
const FRAME_MS = 150;
/** The same label seen again within this delay is one scan, not many. */
const REPEAT_MS = 2500;

async function makeDecoder(): Promise<(video: HTMLVideoElement) => Promise<string | undefined>> {
  const Native = (window as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (Native && (await Native.getSupportedFormats?.())?.includes("qr_code")) {
    const detector = new Native({ formats: ["qr_code"] });
    return async (video) => (await detector.detect(video))[0]?.rawValue;
  }
  const jsQR = (await import("jsqr")).default;
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  return async (video) => {
    if (!context || video.videoWidth === 0) return undefined;
    // Decoding a downscaled frame is faster and still reads a label held at arm's length.
    const scale = Math.min(1, 640 / Math.max(video.videoWidth, video.videoHeight));
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" })?.data;
  };
}

type Problem = "insecure" | "unsupported" | "denied" | "failed";

/** The camera and its decoding loop, mounted while the dialog is open (unmounting stops the camera). */
function CameraView({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const onCodeRef = useRef(onCode);
  useEffect(() => {
    onCodeRef.current = onCode;
  }, [onCode]);

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const seen = new Map<string, number>();
    async function start() {
      if (!window.isSecureContext) return setProblem("insecure");
      if (!navigator.mediaDevices?.getUserMedia) return setProblem("unsupported");
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false });
      } catch (error) {
        return setProblem(error instanceof DOMException && error.name === "NotAllowedError" ? "denied" : "failed");
      }
      if (stopped || !video.current) return stream.getTracks().forEach((track) => track.stop());
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      const decode = await makeDecoder();
      const tick = async () => {
        if (stopped || !video.current) return;
        const code = await decode(video.current).catch(() => undefined);
        const now = Date.now();
        if (code && now - (seen.get(code) ?? 0) > REPEAT_MS) {
          seen.set(code, now);
          navigator.vibrate?.(60);
          onCodeRef.current(code);
        }
        timer = setTimeout(() => void tick(), FRAME_MS);
      };
      void tick();
    }
    void start();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  if (problem) return <Alert color="orange" variant="light" role="alert">{t(`inventory.scanner.problems.${problem}`)}</Alert>;
  return (
    <>
      <video ref={video} playsInline muted aria-label={t("inventory.scanner.video")}
        style={{ width: "100%", maxHeight: "60dvh", objectFit: "cover", borderRadius: 8, background: "#000" }} />
      <Text size="sm" c="dimmed" ta="center">{t("inventory.scanner.hint")}</Text>
    </>
  );
}

/**
 * The phone's back camera in a full-screen dialog: each QR code read is handed to `onCode`,
 * and the camera stays on for the next label until the technician closes it.
 */
export function QrScanner({ opened, onClose, onCode, lastResult }: {
  opened: boolean;
  onClose: () => void;
  onCode: (code: string) => void;
  lastResult?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t("inventory.scanner.title")} fullScreen radius={0} transitionProps={{ duration: 0 }}>
      <Stack gap="sm">
        {opened && <CameraView onCode={onCode} />}
        <div aria-live="polite">{lastResult}</div>
        <Group justify="center">
          <Button size="lg" onClick={onClose}>{t("inventory.scanner.done")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
