// Whatever the renderer sends, every problem lands on the field to fix, with a
// sentence, before anything goes over the network.
import { describe, expect, it } from 'vitest'
import { checkSignInInput } from './sign-in-input'

const token = {
  method: 'token',
  serverUrl: 'chat.example.com',
  userId: 'iaZWAXecuCuBx4FnX',
  authToken: 'demo-token',
}
const password = {
  method: 'password',
  serverUrl: 'chat.example.com',
  user: 'agent1',
  password: 'agent1-password',
}

function errorOf(input: unknown) {
  const checked = checkSignInInput(input)
  return checked.ok ? null : checked.error
}

describe('checkSignInInput', () => {
  it('accepts a token sign-in, trimmed, with the server normalized', () => {
    expect(
      checkSignInInput({ ...token, serverUrl: ' https://chat.example.com/home/ ', userId: ' u1 ' }),
    ).toEqual({
      ok: true,
      value: {
        method: 'token',
        server: { base: 'https://chat.example.com', host: 'chat.example.com' },
        credentials: { userId: 'u1', authToken: 'demo-token' },
      },
    })
  })

  it('accepts a password sign-in and keeps the password exactly as typed', () => {
    expect(
      checkSignInInput({ ...password, password: ' pass with spaces ', code: ' 246810 ' }),
    ).toEqual({
      ok: true,
      value: {
        method: 'password',
        server: { base: 'https://chat.example.com', host: 'chat.example.com' },
        user: 'agent1',
        password: ' pass with spaces ',
        code: '246810',
      },
    })
  })

  it.each([
    ['serverUrl', 'empty', { ...token, serverUrl: '' }, 'Enter the server address.'],
    ['serverUrl', 'blank', { ...token, serverUrl: '   ' }, 'Enter the server address.'],
    [
      'serverUrl',
      'overlong',
      { ...token, serverUrl: `chat.example.com/${'a'.repeat(2048)}` },
      'That server address is too long.',
    ],
    [
      'serverUrl',
      'clear-text http to another host',
      { ...token, serverUrl: 'http://chat.example.com' },
      /^Plain http:\/\/ would send your credentials unencrypted/,
    ],
    [
      'serverUrl',
      'not an address',
      { ...token, serverUrl: 'chat example com' },
      /is not a server address/,
    ],
    [
      'serverUrl',
      'another scheme',
      { ...token, serverUrl: 'ftp://chat.example.com' },
      /Only https:\/\//,
    ],
    ['userId', 'empty', { ...token, userId: '' }, 'Enter your user id.'],
    ['userId', 'blank', { ...token, userId: ' \t ' }, 'Enter your user id.'],
    ['userId', 'overlong', { ...token, userId: 'u'.repeat(257) }, 'That user id is too long.'],
    [
      'userId',
      'with a space inside',
      { ...token, userId: 'iaZW AXec' },
      /cannot contain spaces, line breaks or accented letters/,
    ],
    ['authToken', 'empty', { ...token, authToken: '' }, 'Enter your access token.'],
    ['authToken', 'blank', { ...token, authToken: '   ' }, 'Enter your access token.'],
    [
      'authToken',
      'overlong',
      { ...token, authToken: 't'.repeat(1025) },
      'That access token is too long.',
    ],
    [
      'authToken',
      'with a line break inside',
      { ...token, authToken: 'abc\r\nX-Evil: 1' },
      /cannot contain spaces, line breaks or accented letters/,
    ],
    [
      'authToken',
      'not ASCII',
      { ...token, authToken: 'tökén' },
      /cannot contain spaces, line breaks or accented letters/,
    ],
    ['user', 'empty', { ...password, user: '' }, 'Enter your username or e-mail.'],
    ['user', 'blank', { ...password, user: '  ' }, 'Enter your username or e-mail.'],
    [
      'user',
      'overlong',
      { ...password, user: 'a'.repeat(257) },
      'That username or e-mail is too long.',
    ],
    [
      'user',
      'missing',
      { method: 'password', serverUrl: 'x.example.com', password: 'p' },
      'Enter your username or e-mail.',
    ],
    ['password', 'empty', { ...password, password: '' }, 'Enter your password.'],
    [
      'password',
      'overlong',
      { ...password, password: 'p'.repeat(1025) },
      'That password is too long.',
    ],
    ['password', 'not text', { ...password, password: 12345 }, 'Enter your password.'],
    ['code', 'blank', { ...password, code: '   ' }, 'Enter the code.'],
    ['code', 'overlong', { ...password, code: '1'.repeat(65) }, 'That code is too long.'],
  ])('puts a %s that is %s on its field', (field, _case, input, message) => {
    const error = errorOf(input)
    expect(error?.field).toBe(field)
    expect(error?.message).toMatch(message)
  })

  it.each([
    ['no method', { serverUrl: 'chat.example.com' }],
    ['an unknown method', { ...token, method: 'oauth' }],
    ['not an object', 'sign me in'],
    ['nothing', null],
  ])('asks to choose a method for %s', (_case, input) => {
    expect(errorOf(input)).toEqual({
      field: null,
      message: 'Choose how to sign in: with a password or with an access token.',
    })
  })
})
