import type { StarterArticle } from "./starter-types.js";

/** La bibliothèque de départ, en français : les pannes que la hotline traite chaque jour. */
export const STARTER_FR: StarterArticle[] = [
  {
    key: "printer", category: "Impression", title: "L’imprimante n’imprime pas ou la file d’attente est bloquée", audience: "internal",
    tags: ["imprimante", "impression", "spouleur"],
    body: `Un document reste « En attente » ou l’imprimante ne réagit plus.

## Questions à poser
1. L’imprimante affiche-t-elle un message (bourrage, papier, toner) ?
2. Les autres personnes du service impriment-elles ?
3. L’imprimante est-elle en réseau ou branchée en USB ?

## Étapes (niveau 1)
1. Faire vérifier le papier, les bacs et les capots ; retirer tout bourrage en suivant le schéma de l’imprimante.
2. Éteindre l’imprimante 30 secondes puis la rallumer.
3. Sur le poste, vider la file : **Paramètres > Bluetooth et appareils > Imprimantes**, ouvrir la file, *Annuler tous les documents*.
4. Si la file ne se vide pas, redémarrer le spouleur (invite de commandes administrateur) :

\`\`\`bat
net stop spooler
del /Q /F %systemroot%\\System32\\spool\\PRINTERS\\*
net start spooler
\`\`\`

5. Imprimer une page de test depuis les propriétés de l’imprimante.
6. Imprimante réseau : vérifier qu’elle répond (\`ping <adresse IP>\`) et que l’adresse n’a pas changé.

## Escalader au niveau 2 si
- tous les postes sont touchés (serveur d’impression) ;
- l’imprimante affiche une erreur matérielle (code de service) : ouvrir une intervention.`,
  },
  {
    key: "network", category: "Réseau", title: "Pas de réseau ou pas d’accès à Internet", audience: "portal",
    tags: ["réseau", "internet", "câble"],
    body: `Le poste n’accède plus aux sites Internet ni aux applications de l’entreprise.

## Ce que vous pouvez vérifier vous-même
1. Le câble réseau est bien branché des deux côtés (le voyant de la prise clignote).
2. Le mode Avion est désactivé.
3. Redémarrez l’ordinateur.

## Pour le technicien
1. Un seul poste ou tout le service ? Plusieurs postes : incident réseau, prévenir le niveau 2.
2. \`ipconfig /all\` : une adresse en 169.254.x.x signifie que le DHCP ne répond pas.
3. \`ping <passerelle>\` puis \`ping 8.8.8.8\` puis \`nslookup www.example.com\` : on situe la panne (câble, routeur, DNS).
4. Renouveler l’adresse : \`ipconfig /release\` puis \`ipconfig /renew\` ; vider le cache DNS : \`ipconfig /flushdns\`.
5. Essayer une autre prise murale ou un autre câble.
6. Vérifier le proxy dans les paramètres si seul le navigateur est touché.`,
  },
  {
    key: "black-screen", category: "Postes de travail", title: "Écran noir au démarrage ou pendant l’utilisation", audience: "internal",
    tags: ["écran", "affichage", "démarrage"],
    body: `L’écran reste noir alors que l’ordinateur semble allumé.

## Étapes
1. Vérifier que l’écran est allumé (voyant) et sur la bonne entrée (HDMI, DisplayPort).
2. Débrancher et rebrancher le câble vidéo, des deux côtés ; essayer un autre câble.
3. Portable : appuyer sur **Win + P** et choisir *Écran du PC uniquement* ; essayer **Win + Ctrl + Maj + B** (relance le pilote graphique).
4. Un curseur visible sur fond noir : **Ctrl + Alt + Suppr > Gestionnaire des tâches > Exécuter une nouvelle tâche** : \`explorer.exe\`.
5. Aucun signe de vie : débrancher le secteur (et la batterie si possible), maintenir le bouton d’alimentation 15 s, rebrancher.
6. Bips ou voyants qui clignotent au démarrage : noter la séquence, c’est un code de panne matérielle.

## Escalader si
- l’écran reste noir sur un autre écran : carte graphique ou carte mère, intervention sur site ;
- le poste démarre sur un écran noir après une mise à jour : démarrage en mode sans échec, niveau 2.`,
  },
  {
    key: "virus", category: "Sécurité", title: "Suspicion de virus ou de piratage", audience: "portal",
    tags: ["virus", "sécurité", "rançongiciel"],
    body: `Fenêtres publicitaires, fichiers renommés ou illisibles, antivirus désactivé, message demandant une rançon, courriel suspect ouvert.

## À faire tout de suite
1. **Débranchez le câble réseau et coupez le Wi-Fi.** N’éteignez pas l’ordinateur.
2. Appelez la hotline. Ne payez jamais de rançon, ne rappelez jamais un numéro affiché à l’écran.
3. Notez ce que vous avez vu et fait (pièce jointe ouverte, site visité, heure).

## Pour le technicien
1. Isoler le poste (réseau coupé) et prévenir le responsable sécurité.
2. Lancer une analyse complète avec l’antivirus de l’entreprise, hors ligne si possible.
3. Vérifier les comptes de l’utilisateur : changer son mot de passe depuis un autre poste.
4. Fichiers chiffrés (rançongiciel) : ne rien supprimer, escalader immédiatement au niveau 2 ; restauration depuis les sauvegardes.
5. Rechercher dans la messagerie le courriel à l’origine et le signaler pour qu’il soit retiré des autres boîtes.`,
  },
  {
    key: "slow-pc", category: "Postes de travail", title: "L’ordinateur est lent", audience: "portal",
    tags: ["lenteur", "performance", "poste"],
    body: `Le poste met longtemps à démarrer ou les applications répondent lentement.

## Ce que vous pouvez faire
1. Redémarrez l’ordinateur (un vrai redémarrage, pas une mise en veille).
2. Fermez les onglets et applications inutiles.
3. Laissez l’ordinateur terminer ses mises à jour.

## Pour le technicien
1. **Gestionnaire des tâches** (Ctrl + Maj + Échap) : quel processus occupe le processeur, la mémoire ou le disque ?
2. Espace disque : moins de 10 % libre ralentit tout ; nettoyer avec *Nettoyage de disque* et vider les téléchargements.
3. Programmes au démarrage : onglet *Démarrage*, désactiver ce qui n’est pas nécessaire.
4. Analyse antivirus rapide.
5. Vérifier l’état du disque et l’âge du poste dans sa fiche matériel : un disque mécanique de plus de 5 ans se remplace par un SSD.
6. Lenteur seulement sur une application réseau : c’est peut-être le serveur, demander aux autres utilisateurs.`,
  },
  {
    key: "email", category: "Messagerie", title: "La messagerie ne fonctionne pas (envoi ou réception)", audience: "internal",
    tags: ["messagerie", "outlook", "courriel"],
    body: `Les messages ne partent plus, n’arrivent plus, ou Outlook demande le mot de passe en boucle.

## Étapes
1. Le webmail fonctionne-t-il ? Oui : le problème vient du poste. Non : le compte ou le serveur.
2. Outlook affiche-t-il *Déconnecté* ou *Travail hors connexion* (onglet Envoi/Réception) ? Le désactiver.
3. Messages bloqués dans la boîte d’envoi : une pièce jointe trop lourde (plus de 20 Mo) ; supprimer le message et envoyer un lien de partage.
4. Boîte pleine : vider les éléments supprimés et archiver.
5. Mot de passe demandé en boucle : le mot de passe a-t-il changé récemment ? Supprimer les identifiants enregistrés dans le *Gestionnaire d’identification* puis relancer Outlook.
6. Recréer le profil Outlook : **Panneau de configuration > Courrier > Afficher les profils**.

## Escalader si
- plusieurs utilisateurs sont touchés ;
- un correspondant reçoit un message de rejet (NDR) : joindre le rejet au ticket.`,
    knownError: {
      symptom: "Outlook demande le mot de passe en boucle après un changement de mot de passe.",
      cause: "L’ancien mot de passe reste enregistré dans le Gestionnaire d’identification de Windows.",
      workaround: "Utiliser le webmail en attendant.",
      fix: "Supprimer les identifiants Office/Outlook dans le Gestionnaire d’identification, puis relancer Outlook et saisir le nouveau mot de passe.",
    },
  },
  {
    key: "account", category: "Comptes et accès", title: "Compte verrouillé ou mot de passe oublié", audience: "portal",
    tags: ["mot de passe", "compte", "verrouillage"],
    body: `Le message « Le compte est verrouillé » s’affiche, ou vous avez oublié votre mot de passe.

## Ce que vous pouvez faire
1. Vérifiez la touche **Verr. Maj** et la langue du clavier (FR/EN) en bas de l’écran.
2. Après 5 essais erronés, le compte se verrouille : patientez 15 minutes avant de réessayer.
3. Utilisez le lien *Mot de passe oublié* de la page de connexion si votre entreprise l’a activé.

## Pour le technicien
1. **Vérifier l’identité** de l’appelant (rappel sur son numéro connu ou question convenue) avant toute action.
2. Déverrouiller le compte dans l’annuaire ; si le verrouillage revient, chercher un appareil qui utilise l’ancien mot de passe (téléphone, lecteur réseau).
3. Réinitialiser le mot de passe avec un mot de passe temporaire et l’obligation de le changer à la prochaine connexion.
4. Ne jamais communiquer un mot de passe par courriel.`,
  },
  {
    key: "wifi", category: "Réseau", title: "Le Wi-Fi ne se connecte pas ou se coupe", audience: "portal",
    tags: ["wifi", "sans fil", "réseau"],
    body: `L’ordinateur ne voit pas le réseau Wi-Fi, ne s’y connecte pas, ou la connexion se coupe.

## Ce que vous pouvez faire
1. Vérifiez que le Wi-Fi est activé (touche de fonction ou icône en bas à droite) et que le mode Avion est coupé.
2. Rapprochez-vous d’une borne.
3. Oubliez le réseau puis reconnectez-vous : **Paramètres > Réseau et Internet > Wi-Fi > Gérer les réseaux connus**.
4. Redémarrez l’ordinateur.

## Pour le technicien
1. Les autres appareils se connectent-ils au même endroit ? Non : borne ou contrôleur, niveau 2.
2. Réseau d’entreprise avec certificat : vérifier la date et l’heure du poste, et que le certificat n’a pas expiré.
3. Mettre à jour ou réinstaller le pilote Wi-Fi ; désactiver l’économie d’énergie de la carte dans le Gestionnaire de périphériques.
4. \`netsh wlan show wlanreport\` produit un rapport des déconnexions.`,
  },
  {
    key: "vpn", category: "Réseau", title: "Le VPN ne se connecte pas", audience: "internal",
    tags: ["vpn", "télétravail", "accès distant"],
    body: `En télétravail, le client VPN échoue ou les applications de l’entreprise restent inaccessibles une fois connecté.

## Étapes
1. Internet fonctionne-t-il sans VPN (ouvrir un site public) ? Non : voir l’article « Pas de réseau ».
2. Le message d’erreur du client VPN : identifiants, certificat, délai dépassé ? Le noter dans le ticket.
3. Identifiants refusés : le mot de passe a-t-il expiré ? Le compte est-il verrouillé ?
4. Vérifier la date et l’heure du poste (un certificat est refusé si l’heure est fausse).
5. Certains réseaux (hôtel, partage de connexion) bloquent le VPN : essayer un autre réseau.
6. Redémarrer le client VPN, puis le poste ; réinstaller le client en dernier recours.
7. Connecté mais rien ne marche : \`nslookup <serveur interne>\` ; sans réponse, c’est le DNS du VPN, escalader au niveau 2.`,
  },
];
