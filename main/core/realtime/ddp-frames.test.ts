import { describe, expect, it } from 'vitest'
import { isAuthError, readFrame } from './ddp-frames'

/** Meteor accounts-base's answer to an unknown resume token, as a DDP method result. */
const LOGGED_OUT = {
  msg: 'result',
  id: '1',
  error: {
    isClientSafe: true,
    error: 403,
    reason: "You've been logged out by the server. Please log in again.",
    message: "You've been logged out by the server. Please log in again. [403]",
    errorType: 'Meteor.Error',
  },
}

describe('readFrame', () => {
  it('reads the frames of a session', () => {
    const frames = [
      { msg: 'connected', session: 'abc' },
      { msg: 'ping' },
      { msg: 'ping', id: '7' },
      { msg: 'pong', id: '3' },
      { msg: 'result', id: '1', result: { id: 'u', token: 't', type: 'resume' } },
      { msg: 'ready', subs: ['2'] },
      { msg: 'nosub', id: '2', error: { error: 'not-allowed', message: '[not-allowed]' } },
      { msg: 'failed', version: '1' },
      {
        msg: 'changed',
        collection: 'stream-notify-user',
        id: 'id',
        fields: { eventName: 'u/media-signal', args: [{ type: 'new' }] },
      },
    ]
    for (const frame of frames) {
      expect(readFrame(JSON.stringify(frame))).toMatchObject({
        kind: 'frame',
        frame: { msg: frame.msg },
      })
    }
  })

  it('skips valid DDP a listener has no use for', () => {
    const frames = [
      { server_id: '0' },
      { msg: 'updated', methods: ['1'] },
      { msg: 'added', collection: 'users', id: 'u', fields: {} },
      { msg: 'removed', collection: 'users', id: 'u' },
      { msg: 'error', reason: 'Bad request' },
    ]
    for (const frame of frames)
      expect(readFrame(JSON.stringify(frame))).toEqual({ kind: 'skipped' })
  })

  it.each([
    ['not JSON', 'this is not json {'],
    ['an array', '[1,2,3]'],
    ['a number', '42'],
    ['no msg', '{"hello":"world"}'],
    ['a ready without subs', '{"msg":"ready"}'],
    ['an unknown msg', '{"msg":"surprise"}'],
    ['a result without id', '{"msg":"result"}'],
    ['a changed with bad fields', '{"msg":"changed","collection":"x","fields":{"args":1}}'],
  ])('reports %s as garbage', (_label, text) => {
    expect(readFrame(text).kind).toBe('garbage')
  })

  it('reads the logged-out login error as an auth error', () => {
    const reading = readFrame(JSON.stringify(LOGGED_OUT))
    expect(reading.kind).toBe('frame')
    if (reading.kind !== 'frame' || reading.frame.msg !== 'result') return
    expect(reading.frame.error && isAuthError(reading.frame.error)).toBe(true)
  })

  it('tells auth errors from other login errors', () => {
    expect(isAuthError({ error: 401 })).toBe(true)
    expect(isAuthError({ error: '403' })).toBe(true)
    expect(isAuthError({ error: 'too-many-requests' })).toBe(false)
    expect(isAuthError({ error: 400 })).toBe(false)
  })
})
