// The English catalog: the source every other language is typed from (see catalog.ts).
// ICU message syntax: {name} is a placeholder, {count, plural, one {…} other {…}} a plural.
export const en = {
  'app.name': 'Call Tray',

  // Header and pause menu
  'header.openRocketChat': 'Open Rocket.Chat',
  'header.pause': 'Pause notifications',
  'header.settings': 'Settings',
  'header.signOut': 'Sign out',
  'header.userTitle': '{name} (@{username})',
  'pause.for15Minutes': 'For 15 minutes',
  'pause.for1Hour': 'For 1 hour',
  'pause.untilResumed': 'Until I resume',
  'pause.bannerUntilResumed': 'Notifications paused until you resume',
  'pause.bannerUntil': 'Notifications paused until {time}',
  'pause.resume': 'Resume',

  // Calls
  'calls.list': 'Calls',
  'calls.openToAnswer': 'Open Rocket.Chat to answer {name}',
  'calls.decline': 'Decline',
  'calls.declineFrom': 'Decline call from {name}',
  'calls.declineArmed': 'Press again to decline',
  'calls.declineArmedFor': 'Press again to decline {name}',
  'calls.declining': 'Declining…',
  'calls.declineFailed': 'Couldn’t decline this call. Decline it in Rocket.Chat instead.',
  'calls.badgeActive': 'In call',
  'calls.badgeConnecting': 'Connecting',
  'calls.badgeIncoming': 'Incoming',
  'calls.badgeCalling': 'Calling',
  'calls.directionIncoming': 'Incoming call',
  'calls.directionOutgoing': 'Outgoing call',
  'calls.extension': 'Ext. {extension}',
  'calls.features': 'Features',
  'feature.audio': 'Audio',
  'feature.screenShare': 'Screen sharing',
  'feature.transfer': 'Transfer',
  'feature.hold': 'Hold',

  // Recent calls
  'recent.title': 'Recent',
  'outcome.missed': 'Missed',
  'outcome.answeredElsewhere': 'Answered elsewhere',
  'outcome.ended': 'Ended',
  'outcome.declined': 'Declined',
  'missed.notRunning': 'Call Tray was not running',
  'missed.asleep': 'the computer was asleep',
  'missed.offline': 'Call Tray could not reach the server',
  'missed.streamDown': 'the live connection was down (checking every few seconds)',
  'missed.notificationsPaused': 'notifications were paused',
  'missed.doNotDisturb': 'do not disturb was on',
  'missed.because': 'While it rang, {reasons}.',

  // Status panels and banners
  'status.retryingNow': 'Retrying now…',
  'status.retryingInSeconds': 'Retrying in {seconds} s',
  'status.retryingInMinutes': 'Retrying in {minutes} min',
  'status.retryingInMinutesSeconds': 'Retrying in {minutes} min {seconds} s',
  'status.waitingForNetwork': 'Waiting for the network',
  'status.connectingTitle': 'Connecting…',
  'status.connectingBody': 'Reaching {host}.',
  'status.offlineTitle': 'Offline',
  'status.offlineBody': 'Can’t reach {host}. Calls will show up again once it answers.',
  'status.rateLimitedTitle': 'Taking a short break',
  'status.rateLimitedBody': '{host} asked Call Tray to slow down for a moment.',
  'status.unsupportedTitle': 'Calls aren’t available here',
  'status.unsupportedBody':
    'Call Tray can’t receive calls from {host} for your account, so there is nothing to watch. Ask your administrator.',
  'status.emptyTitle': 'No calls right now',
  'status.emptyBody': 'Call Tray will ring when a call comes in.',
  'status.policyBody':
    'Call Tray does not sign in or watch for calls until it is fixed. Contact your IT department.',
  'status.notificationsBlocked': 'Your computer blocks Call Tray’s notifications.',
  'status.allowNotifications': 'Allow notifications',
  'status.noReply': 'Call Tray didn’t respond. Try again.',
  'status.notConnectedTitle': 'Call Tray isn’t connected',
  'status.notConnectedBody':
    'This window only works inside the Call Tray app. Open it from the tray icon.',
  'status.startFailedTitle': 'Call Tray couldn’t start',
  'status.startFailedBody': 'Close this window and open it again from the tray icon.',
  'policy.unreadable': 'Your administrator’s Call Tray policy could not be read',

  // Online notices (engine)
  'notice.reconcileSlowed':
    'Calls arrive over the live connection; the server is slowing down other checks for now.',
  'notice.pollingShared':
    "Polling only: desks on this network share the server's request limit, so a call can show up to {late} late. Allowing WebSocket connections to the server (through the proxy) fixes this.",
  'duration.seconds': '{seconds} s',
  'duration.minutes': '{minutes} min',
  'duration.hours': '{hours} h',
  'duration.hoursMinutes': '{hours} h {minutes} min',

  // Sign-in
  'signIn.title': 'Sign in to Rocket.Chat',
  'signIn.lead': 'Call Tray rings here when a call comes in.',
  'signIn.serverUrl': 'Server address',
  'signIn.user': 'Username or e-mail',
  'signIn.password': 'Password',
  'signIn.userId': 'User ID',
  'signIn.authToken': 'Personal access token',
  'signIn.code': 'Code',
  'signIn.method': 'Sign in with',
  'signIn.methodPassword': 'Password',
  'signIn.methodToken': 'Access token',
  'signIn.back': 'Back',
  'signIn.submit': 'Sign in',
  'signIn.verify': 'Verify',
  'signIn.pending': 'Signing in…',
  'signIn.failed': 'Call Tray couldn’t finish signing in. Try again.',
  'signIn.signedOut': 'Signed out — sign in again',
  'signIn.signedOutDetail': 'Signed out — sign in again.',

  // Sign-in failures (main/session/sign-in-errors.ts), on the field to fix
  'signInError.alreadySignedIn': 'Already signed in. Sign out first.',
  'signInError.alreadySigningIn': 'Already signing in. Wait a moment.',
  'signInError.unexpected': 'Signing in failed unexpectedly. Try again.',
  'signInError.network':
    'Cannot reach {host}: {cause}. Check the address and your network connection.',
  'signInError.timeout':
    '{host} did not answer within {seconds} s. Check the address, or try again in a moment.',
  'signInError.tls':
    "A secure connection to {host} could not be set up ({cause}). If the address is right, this computer does not trust the server's certificate: your IT team can help.",
  'signInError.rateLimited':
    'The server is limiting requests from this network. Try again in {seconds} s.',
  'signInError.serverError': '{host} had a problem (HTTP {status}). Try again in a moment.',
  'signInError.notRocketChat':
    'This address does not look like a Rocket.Chat server ({why}). Check the address, including any sub-path such as /chat.',
  'signInError.whyNoApiInfo': 'nothing answered at /api/info',
  'signInError.whyAskedForSignIn': 'something in front of it asked for a sign-in first',
  'signInError.whyRefused': 'it refused with {code}',
  'signInError.whyNoSignIn': 'it has no Rocket.Chat sign-in',
  'signInError.passwordOrWebSocket':
    'The username or password is not correct, or your account needs a two-factor code that {host} asks for only over WebSocket, which did not work from here ({reason}).',
  'signInError.wrongPassword': 'The username or password is not correct.',
  'signInError.tokenRejected':
    'The server did not accept this user id and access token. Check both, or create a new personal access token.',
  'signInError.noMediaCalls':
    '{host} does not offer media calls (Rocket.Chat may be too old, or the feature is turned off). Call Tray needs them to ring: ask your administrator.',
  'signInError.refused': 'The server refused the sign-in ({code}).',

  // Settings
  'settings.title': 'Settings',
  'settings.back': 'Back',
  'settings.managed': 'Managed by your administrator',
  'settings.saveFailed': 'Couldn’t save this setting. Try again.',
  'settings.storageEncrypted': 'Encrypted with this computer’s keyring',
  'settings.storageWeak': 'Stored with weak protection (no keyring on this computer)',
  'settings.storageSessionOnly': 'Kept for this session only',
  'settings.ringtone': 'Ringtone',
  'settings.volume': 'Ringtone volume',
  'settings.volumeValue': '{percent} %',
  'settings.outgoing': 'Notify for outgoing calls',
  'settings.startAtLogin': 'Start at login',
  'settings.poll': 'Shortest poll interval',
  'settings.pollNote': 'The server’s rate limit still wins',
  'settings.ringOn': 'Ring on',
  'settings.alsoRingOn': 'Also ring on',
  'settings.alsoRingOnNote': 'E.g. the speakers while you wear a headset',
  'settings.systemDefault': 'System default',
  'settings.nowhereElse': 'Nowhere else',
  'settings.notConnected': '{label} (not connected)',
  'settings.callWaiting': 'Soft tone for a call during a call',
  'settings.breakThrough': 'Calls break through Do Not Disturb',
  'settings.shortcut': 'Keyboard shortcut for the ringing call',
  'settings.language': 'Language',
  'settings.languageSystem': 'System default',
  'settings.sectionApp': 'App',
  'settings.sectionSignIn': 'Sign-in',

  // Test ring
  'selfTest.button': 'Test ring',
  'selfTest.intro':
    'Rings for 3 seconds, shows a test notification and checks the way calls reach you.',
  'selfTest.results': 'Test ring results',
  'selfTest.couldNotStart': 'The test could not start. Try again.',
  'selfTest.running': 'Testing…',
  'selfTest.allGood': 'Everything works.',
  'selfTest.problems': '{count, plural, one {# problem found.} other {# problems found.}}',
  'selfTest.ok': 'OK',
  'selfTest.problem': 'Problem',
  'selfTest.fix': 'Fix: {fix}',
  'selfTest.check.server': 'Server reachable',
  'selfTest.check.signIn': 'Signed in',
  'selfTest.check.voiceCalls': 'Voice calls available',
  'selfTest.check.realtime': 'Live connection',
  'selfTest.check.rateLimit': 'Rate limit',
  'selfTest.check.notifications': 'Notifications allowed',
  'selfTest.check.ringer': 'Ringer',

  // Test ring details and fixes (main/core/self-test.ts)
  'selfTest.serverAnswers': 'Rocket.Chat {version} answers.',
  'selfTest.fixCertificate': 'Ask IT to install the company certificate on this computer.',
  'selfTest.fixNetwork': 'Check the network connection, the server address and the proxy settings.',
  'selfTest.signInAccepted': 'The server accepts your sign-in.',
  'selfTest.signInRejected': 'The server does not accept your sign-in.',
  'selfTest.fixSignInAgain': 'Sign in again.',
  'selfTest.fixTryLater': 'Try again in a minute.',
  'selfTest.voiceAvailable': 'Voice calls are licensed and your account may receive them.',
  'selfTest.voiceUnknown': 'The server does not say; calls are checked for as usual.',
  'selfTest.fixVoicePermission':
    'Ask your Rocket.Chat administrator for a role with a voice-call permission.',
  'selfTest.fixEnableVoice':
    'Ask your Rocket.Chat administrator to enable voice calls (teams-voip).',
  'selfTest.realtimeUp': 'Calls arrive over the live connection at once.',
  'selfTest.realtimeDown':
    'The live connection is down ({detail}); calls show at the next check instead.',
  'selfTest.fixWebSocket':
    'Ask IT to let WebSocket connections to the server through the proxy or firewall.',
  'selfTest.fixRateLimited':
    'Ask your Rocket.Chat administrator to raise the API rate limit or exempt this office.',
  'selfTest.budgetLeft': '{remaining} of {limit} checks a minute left',
  'selfTest.noRateLimit': 'The server sets no rate limit',
  'selfTest.budget': '{budget}.',
  'selfTest.budgetShared': '{budget}, shared with other desks.',
  'selfTest.budgetSharedLate':
    '{budget}, shared with other desks: without the live connection a call may show up to {seconds} s late.',
  'selfTest.fixSharedBudget':
    'Fix the live connection, or ask your administrator to raise the API rate limit.',
  'selfTest.fixNotifications':
    'Allow notifications for Call Tray in the system settings, and turn off do not disturb.',
  'selfTest.fixRinger':
    'Connect speakers or a headset, and check the volume and the ringtone setting.',
  'selfTest.notChecked': 'Not checked: {cause}',
  'selfTest.fixAboveFirst': 'Fix the check above first.',

  // What the test ring heard (main/alerting/ring-check.ts, alerting.ts)
  'ringCheck.noDuration': 'A test ring needs a duration above zero.',
  'ringCheck.silent': 'The ringtone is off or its volume is 0.',
  'ringCheck.alreadyRinging': 'A call is ringing: the ringtone is playing already.',
  'ringCheck.didNotStart': 'The ringtone page did not start playing.',
  'ringCheck.fellBack': '“{output}” is not connected: the test rang on the system default output.',
  'ringCheck.rangOnDefault': 'The test rang on the system default output.',
  'ringCheck.rangOn': 'The test rang on “{output}”.',
  'ringCheck.rangOnDefaultAnd': 'The test rang on the system default output and “{also}”.',
  'ringCheck.rangOnBoth': 'The test rang on “{output}” and “{also}”.',
  'ringCheck.couldNotPlay': 'The ringtone could not play: {error}',
  'ringCheck.outputsUnlisted': 'The audio outputs could not be listed: {error}',
  'ringCheck.noOutput': 'No audio output was found.',
  'ringCheck.ringsOnDefault': 'Calls ring on the system default output.',
  'ringCheck.ringsOn': 'Calls ring on “{output}”.',
  'ringCheck.disconnected': '“{output}” is not connected: calls ring on the system default output.',

  // Notifications
  'notify.incomingTitle': 'Incoming call from {name}',
  'notify.incomingBody': 'Answer in Rocket.Chat',
  'notify.missedTitle': 'Missed call from {name}',
  'notify.callBack': 'Call back from Rocket.Chat',
  'notify.outgoingTitle': 'Calling {name}',
  'notify.outgoingBody': 'Outgoing call from Rocket.Chat',
  'notify.summaryTitle': '{count, plural, one {# more call ringing} other {# more calls ringing}}',
  'notify.summaryBody': 'Open Call Tray to see every ringing call',
  'notify.missedWhileAwayTitle':
    '{count, plural, one {# missed call while you were away} other {# missed calls while you were away}}',
  'notify.namesAndMore': '{names} and {more} more',
  'notify.extension': 'Extension {extension}',

  // Tray
  'tray.showCalls': 'Show calls',
  'tray.signIn': 'Sign in…',
  'tray.paused': 'Notifications paused',
  'tray.pause': 'Pause notifications',
  'tray.resume': 'Resume notifications',
  'tray.openRocketChat': 'Open Rocket.Chat',
  'tray.signOut': 'Sign out',
  'tray.startAtLogin': 'Start at login',
  'tray.testRing': 'Test ring',
  'tray.restartToUpdate': 'Restart to update',
  'tray.restartAfterCall': 'Restarts to update when the call ends',
  'tray.quit': 'Quit Call Tray',
  'tray.notSignedIn': 'Call Tray — not signed in',
  'tray.offline': 'Offline — {retry}',
  'tray.serverBusy': 'Server busy — {retry}',
  'tray.noCallsHere': 'No calls here — {detail}',
  'tray.incoming': 'Incoming call from {name}',
  'tray.incomingMore': 'Incoming call from {name} (+{more} more)',
  'announce.incoming': 'Incoming call from {name}.',
  'announce.backOnline': 'Back online',
  'tray.calling': 'Calling {name}',
  'tray.connectingWith': 'Connecting call with {name}',
  'tray.inCallWith': 'In call with {name} · {duration}',
  'tray.pausedBackIn': 'Notifications paused — back in {duration}',
  'tray.connecting': 'Connecting…',
  'tray.idle': 'Call Tray — no calls',
  'tray.idlePollingShared': 'Call Tray — no calls · polling only, calls may show late',
  'tray.retrying': 'retrying',
  'tray.retryingIn': 'retrying in {seconds} s',

  // Errors the server causes (describeApiError)
  'error.unauthorized': 'The server did not accept your credentials. Sign in again.',
  'error.twoFactorInvalid': 'That two-factor code was not accepted. Try a new code.',
  'error.twoFactorTotp': 'Enter the code from your authenticator app.',
  'error.twoFactorEmail': 'Enter the code Rocket.Chat sent to your e-mail.',
  'error.twoFactorPassword': 'Enter your password again to confirm.',
  'error.rateLimited': 'The server asked us to slow down. Trying again in {seconds} s.',
  'error.notSupported':
    'This Rocket.Chat server does not offer media calls (it may be too old or the feature is off).',
  'error.serverError': 'The server had a problem (HTTP {status}).',
  'error.network': 'Cannot reach the server ({cause}).',
  'error.timeout': 'The server did not answer within {seconds} s.',
  'error.tls': "The server's security certificate was not accepted ({cause}).",
  'error.invalidResponse': "The server's answer could not be read: {detail}",
  'error.rejected': 'The server refused the request ({code}).',
  'voice.notLicensed': 'Voice calls are not licensed on this server.',
  'voice.disabled': 'Voice calls are turned off on this server.',
  'voice.notPermitted': 'Your account is not permitted to receive voice calls.',

  // The storage question (a native dialog)
  'storage.message': 'Keep your sign-in on this computer?',
  'storage.sessionOnly': 'Keep for this session only',
  'storage.storeAnyway': 'Store anyway',
  'storage.riskWeak':
    'This system has no keyring Call Tray can use (Electron selected "{backend}"). Stored anyway, your sign-in for {host} is encrypted with a key built into every copy of Call Tray: anyone who can read your files can recover it.',
  'storage.riskPlain':
    'Call Tray cannot encrypt anything on this system right now. Stored anyway, your sign-in for {host} is saved without encryption: anyone who can read your files can use it.',
  'storage.sessionOnlyExplained':
    'Kept for this session only, it is forgotten when Call Tray quits and you sign in again next time.',

  // Administrators' templates (scripts/policy-templates.ts): Group Policy names and help
  'policy.serverUrl.title': 'Server address',
  'policy.serverUrl.description':
    'The Rocket.Chat server agents sign in to, as opened in the browser (https://).',
  'policy.notifyOutgoingCalls.title': 'Notify for outgoing calls',
  'policy.notifyOutgoingCalls.description':
    'Show a notification for calls the agent places, not only for incoming ones.',
  'policy.ringtone.enabled.title': 'Ringtone on',
  'policy.ringtone.enabled.description': 'Play the ringtone while a call rings.',
  'policy.ringtone.volumePercent.title': 'Ringtone volume',
  'policy.ringtone.volumePercent.description': 'The ringtone volume in percent (0–100).',
  'policy.startAtLogin.title': 'Start at login',
  'policy.startAtLogin.description': 'Start Call Tray when the agent logs in.',
  'policy.pollFloorSeconds.title': 'Shortest poll interval',
  'policy.pollFloorSeconds.description':
    'The shortest time between two polls of the server, in seconds (1–60); the server’s rate limit still wins.',
  'policy.ringOnDevice.title': 'Ring on',
  'policy.ringOnDevice.description':
    'The name of the audio output the ringtone plays on, as the operating system shows it (e.g. "Speakers (Realtek Audio)"); empty for the system default.',
  'policy.escalation.afterSeconds.title': 'Escalate after',
  'policy.escalation.afterSeconds.description':
    'Seconds a call rings unanswered before Call Tray escalates (3–120).',
  'policy.escalation.flashTaskbar.title': 'Escalation: flash the taskbar',
  'policy.escalation.flashTaskbar.description':
    'Flash the taskbar button or bounce the Dock icon when escalating.',
  'policy.escalation.showWindow.title': 'Escalation: show the window',
  'policy.escalation.showWindow.description':
    'Show the call window on top, without taking keyboard focus, when escalating.',
  'policy.escalation.fullVolume.title': 'Escalation: full volume',
  'policy.escalation.fullVolume.description': 'Raise the ringtone to 100 % when escalating.',
  'policy.language.title': 'Language',
  'policy.language.description':
    'The language Call Tray speaks: {choices}; system follows the computer’s preferred languages.',
  'policy.updates.enabled.title': 'Updates on',
  'policy.updates.enabled.description': 'Let Call Tray check for and install updates.',
  'policy.updates.feedUrl.title': 'Update feed',
  'policy.updates.feedUrl.description':
    'The https:// address updates come from. Without one, Call Tray checks for no updates.',
  'policy.updates.channel.title': 'Update channel',
  'policy.updates.channel.description': 'The release channel, e.g. latest or beta.',
  'policy.updates.deferHours.title': 'Defer updates',
  'policy.updates.deferHours.description':
    'Hours to wait after an update is published before installing it (0–720).',
  'policy.locked.title': 'Locked settings',
  'policy.locked.description':
    'Settings agents cannot change: any of {settings}. A locked setting takes the policy’s value, or the built-in default.',
  'policy.admlDescription': 'Presets and locks for Call Tray.',
  'policy.supportedOn': 'Call Tray 0.1 and later',
  'policy.group.ringtone': 'Call Tray: ringtone',
  'policy.group.escalation': 'Call Tray: escalation',
  'policy.group.updates': 'Call Tray: updates',
  'policy.storedAt': 'Registry: {location} ({type}). JSON and plist: {path}.',
  'policy.storedAtToggle': 'Registry: {location} ({type}, 1 or 0). JSON and plist: {path}.',
  'policy.onePerLine': 'One setting name per line.',
  'policy.precedence':
    'HKEY_LOCAL_MACHINE wins over HKEY_CURRENT_USER. A value Call Tray cannot use stops it from signing in until it is fixed.',
} as const

export type EnglishCatalog = typeof en
