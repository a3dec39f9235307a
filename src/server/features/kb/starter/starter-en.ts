import type { StarterArticle } from "./starter-types.js";

/** The starter library, in English: the failures the help desk handles every day. */
export const STARTER_EN: StarterArticle[] = [
  {
    key: "printer", category: "Printing", title: "The printer does not print or the queue is stuck", audience: "internal",
    tags: ["printer", "printing", "spooler"],
    body: `A document stays "Pending" or the printer no longer responds.

## Questions to ask
1. Does the printer show a message (paper jam, out of paper, toner)?
2. Can other people in the department print?
3. Is the printer on the network or plugged in by USB?

## Steps (level 1)
1. Have the paper, trays and covers checked; clear any jam following the diagram on the printer.
2. Switch the printer off for 30 seconds, then on again.
3. On the computer, clear the queue: **Settings > Bluetooth & devices > Printers**, open the queue, *Cancel all documents*.
4. If the queue does not clear, restart the spooler (administrator command prompt):

\`\`\`bat
net stop spooler
del /Q /F %systemroot%\\System32\\spool\\PRINTERS\\*
net start spooler
\`\`\`

5. Print a test page from the printer's properties.
6. Network printer: check that it answers (\`ping <IP address>\`) and that its address has not changed.

## Escalate to level 2 when
- every computer is affected (print server);
- the printer shows a hardware error (service code): open an intervention.`,
  },
  {
    key: "network", category: "Network", title: "No network or no Internet access", audience: "portal",
    tags: ["network", "internet", "cable"],
    body: `The computer cannot reach websites nor the company's applications.

## What you can check yourself
1. The network cable is plugged in at both ends (the socket's light blinks).
2. Airplane mode is off.
3. Restart the computer.

## For the technician
1. One computer or the whole department? Several: a network incident, tell level 2.
2. \`ipconfig /all\`: an address in 169.254.x.x means DHCP does not answer.
3. \`ping <gateway>\`, then \`ping 8.8.8.8\`, then \`nslookup www.example.com\`: this tells cable, router or DNS apart.
4. Renew the address: \`ipconfig /release\` then \`ipconfig /renew\`; clear the DNS cache: \`ipconfig /flushdns\`.
5. Try another wall socket or another cable.
6. Check the proxy settings when only the browser is affected.`,
  },
  {
    key: "black-screen", category: "Workstations", title: "Black screen at start-up or while working", audience: "internal",
    tags: ["screen", "display", "start-up"],
    body: `The screen stays black although the computer seems on.

## Steps
1. Check that the monitor is on (light) and on the right input (HDMI, DisplayPort).
2. Unplug and replug the video cable at both ends; try another cable.
3. Laptop: press **Win + P** and choose *PC screen only*; try **Win + Ctrl + Shift + B** (restarts the graphics driver).
4. A cursor on a black background: **Ctrl + Alt + Del > Task Manager > Run new task**: \`explorer.exe\`.
5. No sign of life: unplug the power (and the battery if possible), hold the power button for 15 s, plug back in.
6. Beeps or blinking lights at start-up: write down the pattern, it is a hardware error code.

## Escalate when
- the screen stays black on another monitor: graphics card or motherboard, on-site intervention;
- the computer starts on a black screen after an update: safe mode, level 2.`,
  },
  {
    key: "virus", category: "Security", title: "Suspected virus or intrusion", audience: "portal",
    tags: ["virus", "security", "ransomware"],
    body: `Advertising pop-ups, renamed or unreadable files, antivirus turned off, a ransom message, a suspicious email opened.

## Do this at once
1. **Unplug the network cable and turn Wi-Fi off.** Do not shut the computer down.
2. Call the help desk. Never pay a ransom, never call a number shown on screen.
3. Write down what you saw and did (attachment opened, site visited, time).

## For the technician
1. Isolate the computer (network off) and tell the security officer.
2. Run a full scan with the company's antivirus, offline if possible.
3. Check the user's accounts: change their password from another computer.
4. Encrypted files (ransomware): delete nothing, escalate to level 2 at once; restore from backups.
5. Find the originating email in the mail system and report it so it is removed from other mailboxes.`,
  },
  {
    key: "slow-pc", category: "Workstations", title: "The computer is slow", audience: "portal",
    tags: ["slowness", "performance", "workstation"],
    body: `The computer takes long to start or applications respond slowly.

## What you can do
1. Restart the computer (a real restart, not sleep).
2. Close the tabs and applications you do not need.
3. Let the computer finish its updates.

## For the technician
1. **Task Manager** (Ctrl + Shift + Esc): which process uses the processor, memory or disk?
2. Disk space: under 10 % free slows everything; clean up with *Disk Cleanup* and empty Downloads.
3. Start-up programs: *Startup* tab, disable what is not needed.
4. Quick antivirus scan.
5. Check the disk's health and the computer's age in its asset record: a hard disk older than 5 years is replaced by an SSD.
6. Slow only in one network application: it may be the server, ask other users.`,
  },
  {
    key: "email", category: "Email", title: "Email does not work (sending or receiving)", audience: "internal",
    tags: ["email", "outlook", "mail"],
    body: `Messages no longer leave, no longer arrive, or Outlook keeps asking for the password.

## Steps
1. Does webmail work? Yes: the problem is on the computer. No: the account or the server.
2. Does Outlook show *Disconnected* or *Work Offline* (Send/Receive tab)? Turn it off.
3. Messages stuck in the Outbox: an attachment too large (over 20 MB); delete the message and send a sharing link.
4. Mailbox full: empty Deleted Items and archive.
5. Password asked again and again: did the password change recently? Remove the saved credentials in *Credential Manager* and restart Outlook.
6. Recreate the Outlook profile: **Control Panel > Mail > Show Profiles**.

## Escalate when
- several users are affected;
- a recipient gets a bounce (NDR): attach the bounce to the ticket.`,
    knownError: {
      symptom: "Outlook keeps asking for the password after a password change.",
      cause: "The old password stays saved in Windows Credential Manager.",
      workaround: "Use webmail meanwhile.",
      fix: "Remove the Office/Outlook credentials in Credential Manager, restart Outlook and type the new password.",
    },
  },
  {
    key: "account", category: "Accounts and access", title: "Locked account or forgotten password", audience: "portal",
    tags: ["password", "account", "lockout"],
    body: `The message "The account is locked" appears, or you forgot your password.

## What you can do
1. Check **Caps Lock** and the keyboard language (FR/EN) at the bottom of the screen.
2. After 5 wrong attempts the account locks: wait 15 minutes before trying again.
3. Use the *Forgot password* link on the sign-in page if your company turned it on.

## For the technician
1. **Check the caller's identity** (call back their known number or an agreed question) before anything else.
2. Unlock the account in the directory; if it locks again, look for a device still using the old password (phone, mapped drive).
3. Reset the password to a temporary one that must be changed at next sign-in.
4. Never send a password by email.`,
  },
  {
    key: "wifi", category: "Network", title: "Wi-Fi does not connect or keeps dropping", audience: "portal",
    tags: ["wifi", "wireless", "network"],
    body: `The computer does not see the Wi-Fi network, cannot join it, or the connection drops.

## What you can do
1. Check that Wi-Fi is on (function key or the icon at the bottom right) and airplane mode is off.
2. Move closer to an access point.
3. Forget the network and join it again: **Settings > Network & Internet > Wi-Fi > Manage known networks**.
4. Restart the computer.

## For the technician
1. Do other devices connect in the same place? No: access point or controller, level 2.
2. Company network with a certificate: check the computer's date and time, and that the certificate has not expired.
3. Update or reinstall the Wi-Fi driver; turn off the adapter's power saving in Device Manager.
4. \`netsh wlan show wlanreport\` produces a report of the disconnections.`,
  },
  {
    key: "vpn", category: "Network", title: "The VPN does not connect", audience: "internal",
    tags: ["vpn", "remote work", "remote access"],
    body: `Working from home, the VPN client fails, or company applications stay out of reach once connected.

## Steps
1. Does Internet work without the VPN (open a public site)? No: see "No network or no Internet access".
2. The VPN client's error: credentials, certificate, timeout? Write it in the ticket.
3. Credentials refused: has the password expired? Is the account locked?
4. Check the computer's date and time (a certificate is refused when the time is wrong).
5. Some networks (hotel, phone hotspot) block VPNs: try another network.
6. Restart the VPN client, then the computer; reinstall the client as a last resort.
7. Connected but nothing works: \`nslookup <internal server>\`; no answer means the VPN's DNS, escalate to level 2.`,
  },
];
