import { isPortalOnly } from "../../lib/permissions.js";
import { useMe } from "../auth/useAuth.js";
import { PortalPage } from "./PortalPage.js";
import { WelcomePage } from "./WelcomePage.js";

export function HomePage() {
  const me = useMe();
  return isPortalOnly(me) ? <PortalPage /> : <WelcomePage />;
}
