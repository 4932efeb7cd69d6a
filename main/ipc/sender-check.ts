// Only our own window's top frame, showing our own page, may call into main. A page
// that somehow navigated elsewhere, an iframe, or another WebContents is refused.

export interface IpcSenderInfo {
  sender: unknown
  senderFrame: { url: string; parent: unknown } | null
}

export function isTrustedSender(
  event: IpcSenderInfo,
  expected: { webContents: unknown; isOurPage(url: string): boolean },
): boolean {
  if (expected.webContents === null || event.sender !== expected.webContents) return false
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  return expected.isOurPage(frame.url)
}
