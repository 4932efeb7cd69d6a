// French, as a French-speaking contact-center agent expects it (vouvoiement).
import { translation } from './catalog'

export const fr = translation({
  'app.name': 'Call Tray',

  'header.openRocketChat': 'Ouvrir Rocket.Chat',
  'header.pause': 'Suspendre les notifications',
  'header.settings': 'Paramètres',
  'header.signOut': 'Se déconnecter',
  'header.userTitle': '{name} (@{username})',
  'pause.for15Minutes': 'Pendant 15 minutes',
  'pause.for1Hour': 'Pendant 1 heure',
  'pause.untilResumed': 'Jusqu’à ce que je les réactive',
  'pause.bannerUntilResumed': 'Notifications suspendues jusqu’à ce que vous les réactiviez',
  'pause.bannerUntil': 'Notifications suspendues jusqu’à {time}',
  'pause.resume': 'Réactiver',

  'calls.list': 'Appels',
  'calls.openToAnswer': 'Ouvrir Rocket.Chat pour répondre à {name}',
  'calls.decline': 'Refuser',
  'calls.declineFrom': 'Refuser l’appel de {name}',
  'calls.declineArmed': 'Appuyez encore pour refuser',
  'calls.declineArmedFor': 'Appuyez encore pour refuser {name}',
  'calls.declining': 'Refus en cours…',
  'calls.declineFailed': 'Impossible de refuser cet appel. Refusez-le dans Rocket.Chat.',
  'calls.badgeActive': 'En ligne',
  'calls.badgeConnecting': 'Connexion',
  'calls.badgeIncoming': 'Entrant',
  'calls.badgeCalling': 'Appel en cours',
  'calls.directionIncoming': 'Appel entrant',
  'calls.directionOutgoing': 'Appel sortant',
  'calls.extension': 'Poste {extension}',
  'calls.features': 'Fonctions',
  'feature.audio': 'Audio',
  'feature.screenShare': 'Partage d’écran',
  'feature.transfer': 'Transfert',
  'feature.hold': 'Mise en attente',

  'recent.title': 'Récents',
  'outcome.missed': 'Manqué',
  'outcome.answeredElsewhere': 'Pris ailleurs',
  'outcome.ended': 'Terminé',
  'outcome.declined': 'Refusé',
  'missed.notRunning': 'Call Tray n’était pas lancé',
  'missed.asleep': 'l’ordinateur était en veille',
  'missed.offline': 'Call Tray ne joignait pas le serveur',
  'missed.streamDown':
    'la connexion en direct était coupée (vérification toutes les quelques secondes)',
  'missed.notificationsPaused': 'les notifications étaient suspendues',
  'missed.doNotDisturb': 'le mode Ne pas déranger était actif',
  'missed.because': 'Pendant la sonnerie, {reasons}.',

  'status.retryingNow': 'Nouvelle tentative…',
  'status.retryingInSeconds': 'Nouvelle tentative dans {seconds} s',
  'status.retryingInMinutes': 'Nouvelle tentative dans {minutes} min',
  'status.retryingInMinutesSeconds': 'Nouvelle tentative dans {minutes} min {seconds} s',
  'status.waitingForNetwork': 'En attente du réseau',
  'status.connectingTitle': 'Connexion…',
  'status.connectingBody': 'Connexion à {host}.',
  'status.offlineTitle': 'Hors ligne',
  'status.offlineBody':
    'Impossible de joindre {host}. Les appels réapparaîtront dès que le serveur répondra.',
  'status.rateLimitedTitle': 'Petite pause',
  'status.rateLimitedBody': '{host} a demandé à Call Tray de ralentir un instant.',
  'status.unsupportedTitle': 'Les appels ne sont pas disponibles ici',
  'status.unsupportedBody':
    'Call Tray ne peut pas recevoir d’appels de {host} pour votre compte : il n’y a donc rien à surveiller. Adressez-vous à votre administrateur.',
  'status.emptyTitle': 'Aucun appel pour le moment',
  'status.emptyBody': 'Call Tray sonnera dès qu’un appel arrivera.',
  'status.policyBody':
    'Tant que ce n’est pas corrigé, Call Tray ne se connecte pas et ne surveille pas les appels. Contactez votre service informatique.',
  'status.notificationsBlocked': 'Votre ordinateur bloque les notifications de Call Tray.',
  'status.allowNotifications': 'Autoriser les notifications',
  'status.noReply': 'Call Tray n’a pas répondu. Réessayez.',
  'status.notConnectedTitle': 'Call Tray n’est pas connecté',
  'status.notConnectedBody':
    'Cette fenêtre ne fonctionne que dans l’application Call Tray. Ouvrez-la depuis l’icône de la barre des tâches.',
  'status.startFailedTitle': 'Call Tray n’a pas pu démarrer',
  'status.startFailedBody':
    'Fermez cette fenêtre et rouvrez-la depuis l’icône de la barre des tâches.',
  'policy.unreadable': 'La stratégie Call Tray de votre administrateur est illisible',

  'notice.reconcileSlowed':
    'Les appels arrivent par la connexion en direct ; le serveur ralentit les autres vérifications pour l’instant.',
  'notice.pollingShared':
    'Interrogation seule : les postes de ce réseau se partagent la limite de requêtes du serveur, un appel peut donc s’afficher jusqu’à {late} en retard. Autoriser les connexions WebSocket vers le serveur (via le proxy) règle le problème.',
  'duration.seconds': '{seconds} s',
  'duration.minutes': '{minutes} min',
  'duration.hours': '{hours} h',
  'duration.hoursMinutes': '{hours} h {minutes} min',

  'signIn.title': 'Se connecter à Rocket.Chat',
  'signIn.lead': 'Call Tray sonne ici dès qu’un appel arrive.',
  'signIn.serverUrl': 'Adresse du serveur',
  'signIn.user': 'Nom d’utilisateur ou e-mail',
  'signIn.password': 'Mot de passe',
  'signIn.userId': 'ID utilisateur',
  'signIn.authToken': 'Jeton d’accès personnel',
  'signIn.code': 'Code',
  'signIn.method': 'Se connecter avec',
  'signIn.methodPassword': 'Mot de passe',
  'signIn.methodToken': 'Jeton d’accès',
  'signIn.back': 'Retour',
  'signIn.submit': 'Se connecter',
  'signIn.verify': 'Vérifier',
  'signIn.pending': 'Connexion…',
  'signIn.failed': 'Call Tray n’a pas pu terminer la connexion. Réessayez.',
  'signIn.signedOut': 'Déconnecté — reconnectez-vous',
  'signIn.signedOutDetail': 'Déconnecté — reconnectez-vous.',

  'signInError.alreadySignedIn': 'Vous êtes déjà connecté. Déconnectez-vous d’abord.',
  'signInError.alreadySigningIn': 'Connexion déjà en cours. Patientez un instant.',
  'signInError.unexpected': 'La connexion a échoué de façon inattendue. Réessayez.',
  'signInError.network':
    'Impossible de joindre {host} : {cause}. Vérifiez l’adresse et votre connexion réseau.',
  'signInError.timeout':
    '{host} n’a pas répondu dans les {seconds} s. Vérifiez l’adresse ou réessayez dans un instant.',
  'signInError.tls':
    'Impossible d’établir une connexion sécurisée avec {host} ({cause}). Si l’adresse est correcte, cet ordinateur ne fait pas confiance au certificat du serveur : votre service informatique peut vous aider.',
  'signInError.rateLimited':
    'Le serveur limite les requêtes venant de ce réseau. Réessayez dans {seconds} s.',
  'signInError.serverError':
    '{host} a rencontré un problème (HTTP {status}). Réessayez dans un instant.',
  'signInError.notRocketChat':
    'Cette adresse ne semble pas être celle d’un serveur Rocket.Chat ({why}). Vérifiez l’adresse, y compris un éventuel sous-chemin comme /chat.',
  'signInError.whyNoApiInfo': 'rien n’a répondu à /api/info',
  'signInError.whyAskedForSignIn': 'un intermédiaire a d’abord demandé une connexion',
  'signInError.whyRefused': 'il a refusé avec {code}',
  'signInError.whyNoSignIn': 'il n’offre pas de connexion Rocket.Chat',
  'signInError.passwordOrWebSocket':
    'Le nom d’utilisateur ou le mot de passe est incorrect, ou votre compte exige un code à deux facteurs que {host} ne demande que par WebSocket, ce qui n’a pas fonctionné depuis ce poste ({reason}).',
  'signInError.wrongPassword': 'Le nom d’utilisateur ou le mot de passe est incorrect.',
  'signInError.tokenRejected':
    'Le serveur n’a pas accepté cet identifiant utilisateur et ce jeton d’accès. Vérifiez les deux, ou créez un nouveau jeton d’accès personnel.',
  'signInError.noMediaCalls':
    '{host} ne propose pas les appels média (Rocket.Chat est peut-être trop ancien, ou la fonction est désactivée). Call Tray en a besoin pour sonner : adressez-vous à votre administrateur.',
  'signInError.refused': 'Le serveur a refusé la connexion ({code}).',

  'settings.title': 'Paramètres',
  'settings.back': 'Retour',
  'settings.managed': 'Géré par votre administrateur',
  'settings.saveFailed': 'Impossible d’enregistrer ce paramètre. Réessayez.',
  'settings.storageEncrypted': 'Chiffré avec le trousseau de cet ordinateur',
  'settings.storageWeak':
    'Enregistré avec une protection faible (pas de trousseau sur cet ordinateur)',
  'settings.storageSessionOnly': 'Conservé pour cette session seulement',
  'settings.ringtone': 'Sonnerie',
  'settings.volume': 'Volume de la sonnerie',
  'settings.volumeValue': '{percent} %',
  'settings.outgoing': 'Notifier aussi les appels sortants',
  'settings.startAtLogin': 'Lancer à l’ouverture de session',
  'settings.poll': 'Intervalle d’interrogation minimal',
  'settings.pollNote': 'La limite de requêtes du serveur reste prioritaire',
  'settings.ringOn': 'Sonner sur',
  'settings.alsoRingOn': 'Sonner aussi sur',
  'settings.alsoRingOnNote': 'Par ex. les haut-parleurs quand vous portez un casque',
  'settings.systemDefault': 'Sortie par défaut du système',
  'settings.nowhereElse': 'Nulle part ailleurs',
  'settings.notConnected': '{label} (non branché)',
  'settings.callWaiting': 'Bip discret pour un appel pendant un appel',
  'settings.breakThrough': 'Les appels passent outre Ne pas déranger',
  'settings.shortcut': 'Raccourci clavier pour l’appel qui sonne',
  'settings.language': 'Langue',
  'settings.languageSystem': 'Langue du système',
  'settings.sectionApp': 'Application',
  'settings.sectionSignIn': 'Connexion',

  'selfTest.button': 'Tester la sonnerie',
  'selfTest.intro':
    'Sonne 3 secondes, affiche une notification de test et vérifie comment les appels vous parviennent.',
  'selfTest.results': 'Résultats du test de sonnerie',
  'selfTest.couldNotStart': 'Le test n’a pas pu démarrer. Réessayez.',
  'selfTest.running': 'Test en cours…',
  'selfTest.allGood': 'Tout fonctionne.',
  'selfTest.problems': '{count, plural, one {# problème détecté.} other {# problèmes détectés.}}',
  'selfTest.ok': 'OK',
  'selfTest.problem': 'Problème',
  'selfTest.fix': 'Solution : {fix}',
  'selfTest.check.server': 'Serveur joignable',
  'selfTest.check.signIn': 'Connecté',
  'selfTest.check.voiceCalls': 'Appels vocaux disponibles',
  'selfTest.check.realtime': 'Connexion en direct',
  'selfTest.check.rateLimit': 'Limite de requêtes',
  'selfTest.check.notifications': 'Notifications autorisées',
  'selfTest.check.ringer': 'Sonnerie',

  'selfTest.serverAnswers': 'Rocket.Chat {version} répond.',
  'selfTest.fixCertificate':
    'Demandez au service informatique d’installer le certificat de l’entreprise sur cet ordinateur.',
  'selfTest.fixNetwork':
    'Vérifiez la connexion réseau, l’adresse du serveur et les paramètres du proxy.',
  'selfTest.signInAccepted': 'Le serveur accepte votre connexion.',
  'selfTest.signInRejected': 'Le serveur n’accepte pas votre connexion.',
  'selfTest.fixSignInAgain': 'Reconnectez-vous.',
  'selfTest.fixTryLater': 'Réessayez dans une minute.',
  'selfTest.voiceAvailable':
    'Les appels vocaux sont sous licence et votre compte peut les recevoir.',
  'selfTest.voiceUnknown':
    'Le serveur ne le précise pas ; les appels sont vérifiés comme d’habitude.',
  'selfTest.fixVoicePermission':
    'Demandez à votre administrateur Rocket.Chat un rôle autorisé à recevoir des appels vocaux.',
  'selfTest.fixEnableVoice':
    'Demandez à votre administrateur Rocket.Chat d’activer les appels vocaux (teams-voip).',
  'selfTest.realtimeUp': 'Les appels arrivent immédiatement par la connexion en direct.',
  'selfTest.realtimeDown':
    'La connexion en direct est coupée ({detail}) ; les appels apparaissent à la vérification suivante.',
  'selfTest.fixWebSocket':
    'Demandez au service informatique d’autoriser les connexions WebSocket vers le serveur à travers le proxy ou le pare-feu.',
  'selfTest.fixRateLimited':
    'Demandez à votre administrateur Rocket.Chat de relever la limite de requêtes de l’API ou d’en exempter ce site.',
  'selfTest.budgetLeft': 'Il reste {remaining} vérifications sur {limit} par minute',
  'selfTest.noRateLimit': 'Le serveur ne fixe aucune limite de requêtes',
  'selfTest.budget': '{budget}.',
  'selfTest.budgetShared': '{budget}, partagées avec d’autres postes.',
  'selfTest.budgetSharedLate':
    '{budget}, partagées avec d’autres postes : sans la connexion en direct, un appel peut apparaître jusqu’à {seconds} s en retard.',
  'selfTest.fixSharedBudget':
    'Rétablissez la connexion en direct, ou demandez à votre administrateur de relever la limite de requêtes de l’API.',
  'selfTest.fixNotifications':
    'Autorisez les notifications de Call Tray dans les paramètres du système et désactivez le mode Ne pas déranger.',
  'selfTest.fixRinger':
    'Branchez des haut-parleurs ou un casque, puis vérifiez le volume et le réglage de la sonnerie.',
  'selfTest.notChecked': 'Non vérifié : {cause}',
  'selfTest.fixAboveFirst': 'Corrigez d’abord la vérification ci-dessus.',
  'ringCheck.noDuration': 'Un test de sonnerie doit durer plus de zéro seconde.',
  'ringCheck.silent': 'La sonnerie est désactivée ou son volume est à 0.',
  'ringCheck.alreadyRinging': 'Un appel sonne : la sonnerie joue déjà.',
  'ringCheck.didNotStart': 'La page de sonnerie n’a pas commencé à jouer.',
  'ringCheck.fellBack':
    '« {output} » n’est pas branché : le test a sonné sur la sortie par défaut du système.',
  'ringCheck.rangOnDefault': 'Le test a sonné sur la sortie par défaut du système.',
  'ringCheck.rangOn': 'Le test a sonné sur « {output} ».',
  'ringCheck.rangOnDefaultAnd':
    'Le test a sonné sur la sortie par défaut du système et sur « {also} ».',
  'ringCheck.rangOnBoth': 'Le test a sonné sur « {output} » et sur « {also} ».',
  'ringCheck.couldNotPlay': 'La sonnerie n’a pas pu être jouée : {error}',
  'ringCheck.outputsUnlisted': 'Impossible de lister les sorties audio : {error}',
  'ringCheck.noOutput': 'Aucune sortie audio n’a été trouvée.',
  'ringCheck.ringsOnDefault': 'Les appels sonnent sur la sortie par défaut du système.',
  'ringCheck.ringsOn': 'Les appels sonnent sur « {output} ».',
  'ringCheck.disconnected':
    '« {output} » n’est pas branché : les appels sonnent sur la sortie par défaut du système.',

  'notify.incomingTitle': 'Appel entrant de {name}',
  'notify.incomingBody': 'Répondez dans Rocket.Chat',
  'notify.missedTitle': 'Appel manqué de {name}',
  'notify.callBack': 'Rappelez depuis Rocket.Chat',
  'notify.outgoingTitle': 'Appel vers {name}',
  'notify.outgoingBody': 'Appel sortant depuis Rocket.Chat',
  'notify.summaryTitle':
    '{count, plural, one {# autre appel sonne} other {# autres appels sonnent}}',
  'notify.summaryBody': 'Ouvrez Call Tray pour voir tous les appels qui sonnent',
  'notify.missedWhileAwayTitle':
    '{count, plural, one {# appel manqué pendant votre absence} other {# appels manqués pendant votre absence}}',
  'notify.namesAndMore': '{names} et {more} autres',
  'notify.extension': 'Poste {extension}',

  'tray.showCalls': 'Afficher les appels',
  'tray.signIn': 'Se connecter…',
  'tray.paused': 'Notifications suspendues',
  'tray.pause': 'Suspendre les notifications',
  'tray.resume': 'Réactiver les notifications',
  'tray.openRocketChat': 'Ouvrir Rocket.Chat',
  'tray.signOut': 'Se déconnecter',
  'tray.startAtLogin': 'Lancer à l’ouverture de session',
  'tray.testRing': 'Tester la sonnerie',
  'tray.restartToUpdate': 'Redémarrer pour mettre à jour',
  'tray.restartAfterCall': 'Redémarre pour la mise à jour à la fin de l’appel',
  'tray.quit': 'Quitter Call Tray',
  'tray.notSignedIn': 'Call Tray — non connecté',
  'tray.offline': 'Hors ligne — {retry}',
  'tray.serverBusy': 'Serveur occupé — {retry}',
  'tray.noCallsHere': 'Pas d’appels ici — {detail}',
  'tray.incoming': 'Appel entrant de {name}',
  'tray.incomingMore': 'Appel entrant de {name} (+{more} autres)',
  'announce.incoming': 'Appel entrant de {name}.',
  'announce.backOnline': 'De nouveau en ligne',
  'tray.calling': 'Appel vers {name}',
  'tray.connectingWith': 'Connexion de l’appel avec {name}',
  'tray.inCallWith': 'En ligne avec {name} · {duration}',
  'tray.pausedBackIn': 'Notifications suspendues — reprise dans {duration}',
  'tray.connecting': 'Connexion…',
  'tray.idle': 'Call Tray — aucun appel',
  'tray.idlePollingShared':
    'Call Tray — aucun appel · interrogation seule, les appels peuvent arriver en retard',
  'tray.retrying': 'nouvelle tentative',
  'tray.retryingIn': 'nouvelle tentative dans {seconds} s',

  'error.unauthorized': 'Le serveur a refusé vos identifiants. Reconnectez-vous.',
  'error.twoFactorInvalid': 'Ce code à deux facteurs a été refusé. Essayez un nouveau code.',
  'error.twoFactorTotp': 'Saisissez le code de votre application d’authentification.',
  'error.twoFactorEmail': 'Saisissez le code que Rocket.Chat a envoyé à votre e-mail.',
  'error.twoFactorPassword': 'Saisissez à nouveau votre mot de passe pour confirmer.',
  'error.rateLimited': 'Le serveur nous a demandé de ralentir. Nouvel essai dans {seconds} s.',
  'error.notSupported':
    'Ce serveur Rocket.Chat ne propose pas les appels (il est peut-être trop ancien ou la fonction est désactivée).',
  'error.serverError': 'Le serveur a rencontré un problème (HTTP {status}).',
  'error.network': 'Impossible de joindre le serveur ({cause}).',
  'error.timeout': 'Le serveur n’a pas répondu en {seconds} s.',
  'error.tls': 'Le certificat de sécurité du serveur a été refusé ({cause}).',
  'error.invalidResponse': 'La réponse du serveur est illisible : {detail}',
  'error.rejected': 'Le serveur a refusé la requête ({code}).',
  'voice.notLicensed': 'Les appels vocaux ne sont pas sous licence sur ce serveur.',
  'voice.disabled': 'Les appels vocaux sont désactivés sur ce serveur.',
  'voice.notPermitted': 'Votre compte n’est pas autorisé à recevoir des appels vocaux.',

  'storage.message': 'Conserver votre connexion sur cet ordinateur ?',
  'storage.sessionOnly': 'Conserver pour cette session seulement',
  'storage.storeAnyway': 'Enregistrer quand même',
  'storage.riskWeak':
    'Ce système n’a pas de trousseau utilisable par Call Tray (Electron a choisi « {backend} »). Si vous l’enregistrez quand même, votre connexion à {host} est chiffrée avec une clé intégrée à chaque copie de Call Tray : quiconque peut lire vos fichiers peut la récupérer.',
  'storage.riskPlain':
    'Call Tray ne peut rien chiffrer sur ce système pour l’instant. Si vous l’enregistrez quand même, votre connexion à {host} est stockée sans chiffrement : quiconque peut lire vos fichiers peut l’utiliser.',
  'storage.sessionOnlyExplained':
    'Conservée pour cette session seulement, elle est oubliée à la fermeture de Call Tray et vous vous reconnecterez la prochaine fois.',

  'policy.serverUrl.title': 'Adresse du serveur',
  'policy.serverUrl.description':
    'Le serveur Rocket.Chat auquel les agents se connectent, tel qu’il s’ouvre dans le navigateur (https://).',
  'policy.notifyOutgoingCalls.title': 'Notifier les appels sortants',
  'policy.notifyOutgoingCalls.description':
    'Afficher une notification pour les appels que l’agent passe, pas seulement pour les appels entrants.',
  'policy.ringtone.enabled.title': 'Sonnerie activée',
  'policy.ringtone.enabled.description': 'Jouer la sonnerie tant qu’un appel sonne.',
  'policy.ringtone.volumePercent.title': 'Volume de la sonnerie',
  'policy.ringtone.volumePercent.description': 'Le volume de la sonnerie en pourcentage (0–100).',
  'policy.startAtLogin.title': 'Lancer à l’ouverture de session',
  'policy.startAtLogin.description': 'Lancer Call Tray quand l’agent ouvre sa session.',
  'policy.pollFloorSeconds.title': 'Intervalle de vérification minimal',
  'policy.pollFloorSeconds.description':
    'Le délai minimal entre deux vérifications auprès du serveur, en secondes (1–60) ; la limite de requêtes du serveur reste prioritaire.',
  'policy.ringOnDevice.title': 'Sonner sur',
  'policy.ringOnDevice.description':
    'Le nom de la sortie audio sur laquelle joue la sonnerie, tel que le système l’affiche (par ex. "Haut-parleurs (Realtek Audio)") ; vide pour la sortie par défaut du système.',
  'policy.escalation.afterSeconds.title': 'Escalader après',
  'policy.escalation.afterSeconds.description':
    'Nombre de secondes pendant lesquelles un appel sonne sans réponse avant que Call Tray n’escalade (3–120).',
  'policy.escalation.flashTaskbar.title': 'Escalade : faire clignoter la barre des tâches',
  'policy.escalation.flashTaskbar.description':
    'Faire clignoter le bouton de la barre des tâches ou rebondir l’icône du Dock lors de l’escalade.',
  'policy.escalation.showWindow.title': 'Escalade : afficher la fenêtre',
  'policy.escalation.showWindow.description':
    'Afficher la fenêtre d’appel au premier plan, sans prendre le focus du clavier, lors de l’escalade.',
  'policy.escalation.fullVolume.title': 'Escalade : volume maximal',
  'policy.escalation.fullVolume.description': 'Monter la sonnerie à 100 % lors de l’escalade.',
  'policy.language.title': 'Langue',
  'policy.language.description':
    'La langue de Call Tray : {choices} ; system suit les langues préférées de l’ordinateur.',
  'policy.updates.enabled.title': 'Mises à jour activées',
  'policy.updates.enabled.description':
    'Laisser Call Tray rechercher et installer les mises à jour.',
  'policy.updates.feedUrl.title': 'Source des mises à jour',
  'policy.updates.feedUrl.description':
    'L’adresse https:// d’où viennent les mises à jour. Sans elle, Call Tray ne recherche aucune mise à jour.',
  'policy.updates.channel.title': 'Canal de mise à jour',
  'policy.updates.channel.description': 'Le canal de publication, par ex. latest ou beta.',
  'policy.updates.deferHours.title': 'Différer les mises à jour',
  'policy.updates.deferHours.description':
    'Nombre d’heures à attendre après la publication d’une mise à jour avant de l’installer (0–720).',
  'policy.locked.title': 'Paramètres verrouillés',
  'policy.locked.description':
    'Les paramètres que les agents ne peuvent pas modifier : n’importe lesquels parmi {settings}. Un paramètre verrouillé prend la valeur de la stratégie, ou la valeur par défaut intégrée.',
  'policy.admlDescription': 'Préréglages et verrous pour Call Tray.',
  'policy.supportedOn': 'Call Tray 0.1 et versions ultérieures',
  'policy.group.ringtone': 'Call Tray : sonnerie',
  'policy.group.escalation': 'Call Tray : escalade',
  'policy.group.updates': 'Call Tray : mises à jour',
  'policy.storedAt': 'Registre : {location} ({type}). JSON et plist : {path}.',
  'policy.storedAtToggle': 'Registre : {location} ({type}, 1 ou 0). JSON et plist : {path}.',
  'policy.onePerLine': 'Un nom de paramètre par ligne.',
  'policy.precedence':
    'HKEY_LOCAL_MACHINE l’emporte sur HKEY_CURRENT_USER. Une valeur que Call Tray ne peut pas utiliser l’empêche de se connecter jusqu’à ce qu’elle soit corrigée.',
})
