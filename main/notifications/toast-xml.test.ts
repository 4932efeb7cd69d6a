import { describe, expect, it } from 'vitest'
import { escapeXml, incomingCallToastXml, parseToastArguments, toastArguments } from './toast-xml'

describe('incoming call toast', () => {
  const xml = incomingCallToastXml({
    callId: 'call&1',
    title: 'Incoming call from <Funke> "O"',
    body: 'Answer in Rocket.Chat',
  })

  it('stays on screen as an incoming call, silent (the ringtone sounds), with Show and Decline', () => {
    expect(xml).toContain('scenario="incomingCall"')
    expect(xml).toContain('<audio silent="true"/>')
    expect(xml).toContain('content="Decline" arguments="call-tray=decline&amp;callId=call%261"')
    expect(xml).toContain('content="Show calls" arguments="call-tray=show&amp;callId=call%261"')
  })

  it('escapes what the caller controls', () => {
    expect(xml).toContain('<text>Incoming call from &lt;Funke&gt; &quot;O&quot;</text>')
    expect(escapeXml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&apos;')
  })

  it('drops what XML 1.0 forbids, so a caller cannot make the toast invalid', () => {
    const hostile = incomingCallToastXml({
      callId: 'c1',
      title: 'Incoming call from Fun\uffffke\ufffe \u0001O\u001f \ud800x\udfff',
      body: 'Answer in Rocket.Chat',
    })
    expect(hostile).toContain('<text>Incoming call from Funke O x</text>')
    expect(escapeXml('keep\ttab 📞 \u00e9\ufffd')).toBe('keep\ttab 📞 \u00e9\ufffd')
  })

  it('reads its own arguments back and nothing else', () => {
    expect(parseToastArguments(toastArguments({ action: 'decline', callId: 'call&1' }))).toEqual({
      action: 'decline',
      callId: 'call&1',
    })
    expect(parseToastArguments('call-tray=accept&callId=x')).toBeNull()
    expect(parseToastArguments('call-tray=show')).toBeNull()
    expect(parseToastArguments('')).toBeNull()
  })
})
