// The Windows toast for an incoming call. Electron's plain options have no button we
// can tell apart on Windows, so the toast is written as XML: `scenario="incomingCall"`
// keeps it on screen until handled, and each button carries arguments that come back
// through Notification.handleActivation.

export type ToastCommand = { action: 'show' | 'decline'; callId: string }

export function incomingCallToastXml(input: {
  callId: string
  title: string
  body: string
}): string {
  const show = escapeXml(toastArguments({ action: 'show', callId: input.callId }))
  const decline = escapeXml(toastArguments({ action: 'decline', callId: input.callId }))
  return [
    `<toast launch="${show}" activationType="foreground" scenario="incomingCall">`,
    '<visual><binding template="ToastGeneric">',
    `<text>${escapeXml(input.title)}</text>`,
    `<text>${escapeXml(input.body)}</text>`,
    '</binding></visual>',
    // Our own ringtone is the sound; a second one from Windows would only compete.
    '<audio silent="true"/>',
    '<actions>',
    `<action content="Show calls" arguments="${show}" activationType="foreground"/>`,
    `<action content="Decline" arguments="${decline}" activationType="foreground" hint-buttonStyle="Critical"/>`,
    '</actions>',
    '</toast>',
  ].join('')
}

export function toastArguments(command: ToastCommand): string {
  return new URLSearchParams({ 'call-tray': command.action, callId: command.callId }).toString()
}

/** Reads back what toastArguments wrote; anything else (another app's toast, a stale format) is null. */
export function parseToastArguments(text: string): ToastCommand | null {
  const params = new URLSearchParams(text)
  const action = params.get('call-tray')
  const callId = params.get('callId')
  if ((action !== 'show' && action !== 'decline') || !callId) return null
  return { action, callId }
}

/**
 * Everything XML 1.0 forbids, even escaped: C0 controls but tab, LF and CR, lone
 * surrogates, U+FFFE and U+FFFF. cleanDisplayText leaves some of them in a caller's
 * name, and one of them makes Windows reject the whole toast.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu

export function stripNonXmlCharacters(text: string): string {
  return text.replace(NOT_XML_CHAR, '')
}

export function escapeXml(text: string): string {
  return stripNonXmlCharacters(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}
