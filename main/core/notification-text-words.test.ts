// A notification's icon and colour vary by platform and theme; its title alone must say
// what happened, in words.
import { describe, expect, it } from 'vitest'
import { call } from '../../test/support/app-fakes'
import {
  incomingCallText,
  missedCallText,
  missedWhileAwayText,
  summaryText,
} from './notification-text'

describe('notification titles say what happened in words', () => {
  it.each([
    ['an incoming call', incomingCallText(call()), /incoming call from funke olasupo/i],
    ['a missed call', missedCallText(call()), /missed call from funke olasupo/i],
    ['more calls ringing', summaryText(2), /2 more calls ringing/i],
    ['one more call ringing', summaryText(1), /1 more call ringing/i],
    [
      'calls missed while away',
      missedWhileAwayText([call(), call({ id: 'c2' }), call({ id: 'c3' })]),
      /3 missed calls/i,
    ],
  ])('%s', (_what, text, words) => {
    expect(text.title).toMatch(words)
  })
})
