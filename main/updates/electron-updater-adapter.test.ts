// The adapter on electron-updater's own classes (DebUpdater here, as a deb install gets),
// run in Node with a stand-in for Electron's app and a feed served on 127.0.0.1: the
// updater's own parser reads the feed, its own download checks the sha512.
import { createHash } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import {
  createServer,
  request,
  type IncomingMessage,
  type RequestOptions,
  type Server,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DebUpdater } from 'electron-updater'
import type { AppAdapter } from 'electron-updater/out/AppAdapter'
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { RecordingLogger } from '../../test/support/app-fakes'
import { createElectronUpdater } from './electron-updater-adapter'
import type { Updater } from './updater'

const INSTALLER = 'call-tray_0.2.0_amd64.deb'
const installerBytes = Buffer.from('a stand-in for the 0.2.0 deb\n'.repeat(200))
const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64')

/** A channel file as electron-builder writes it next to the installers. */
function channelFile(version: string, releaseDate: string, digest = sha512(installerBytes)) {
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${INSTALLER}`,
    `    sha512: ${digest}`,
    `    size: ${installerBytes.length}`,
    `path: ${INSTALLER}`,
    `sha512: ${digest}`,
    `releaseDate: '${releaseDate}'`,
    '',
  ].join('\n')
}

/** What the feed folder holds; tests change it. */
let feed: Record<string, string | Buffer> = {}
const requested: string[] = []
let server: Server
let feedUrl: string
let scratch: string

/** electron-updater's own executor (download, sha512 check), over Node's http instead of Electron's net. */
class NodeExecutor extends ElectronHttpExecutor {
  override createRequest(
    options: RequestOptions,
    callback: (response: IncomingMessage) => void,
  ): ReturnType<ElectronHttpExecutor['createRequest']> {
    return request(options, callback) as unknown as ReturnType<
      ElectronHttpExecutor['createRequest']
    >
  }
}

function testApp(version: string): AppAdapter {
  return {
    version,
    name: 'Call Tray',
    isPackaged: true,
    // As the build writes it (electron-builder.yml `publish`): no provider options, no URL.
    appUpdateConfigPath: path.join(scratch, 'app-update.yml'),
    userDataPath: path.join(scratch, 'user-data'),
    baseCachePath: path.join(scratch, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch() {},
    quit() {},
    onQuit() {},
  }
}

function adapter(version = '0.1.0'): Updater {
  const updater = new DebUpdater(null, testApp(version))
  Object.assign(updater, { httpExecutor: new NodeExecutor() })
  return createElectronUpdater(updater, new RecordingLogger())
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'call-tray-updater-'))
  await writeFile(
    path.join(scratch, 'app-update.yml'),
    'provider: custom\nupdaterCacheDirName: call-tray-updater\n',
  )
  server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1))
    requested.push(name)
    const body = feed[name]
    if (body === undefined) return res.writeHead(404).end()
    res.writeHead(200, { 'content-length': Buffer.byteLength(body) }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/call-tray/`
})

afterEach(() => {
  feed = {}
  requested.length = 0
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await rm(scratch, { recursive: true, force: true })
})

describe('the electron-updater adapter', () => {
  it('reads the latest version and its release date from the feed’s latest-linux.yml', async () => {
    feed['call-tray/latest-linux.yml'] = channelFile('0.2.0', '2026-11-30T09:15:00.000Z')
    const updater = adapter()
    updater.useFeed({ url: feedUrl, channel: null })
    await expect(updater.check()).resolves.toEqual({
      version: '0.2.0',
      releaseDate: '2026-11-30T09:15:00.000Z',
    })
    // Checking does not download: the controller decides when.
    expect(requested).toEqual(['call-tray/latest-linux.yml'])
  })

  it('reads the pinned channel’s file instead', async () => {
    feed['call-tray/beta-linux.yml'] = channelFile('0.3.0-beta.1', '2026-12-01T00:00:00.000Z')
    const updater = adapter()
    updater.useFeed({ url: feedUrl, channel: 'beta' })
    await expect(updater.check()).resolves.toMatchObject({ version: '0.3.0-beta.1' })
    expect(requested).toEqual(['call-tray/beta-linux.yml'])
  })

  it('offers nothing when the feed holds the running version', async () => {
    feed['call-tray/latest-linux.yml'] = channelFile('0.2.0', '2026-11-30T09:15:00.000Z')
    const updater = adapter('0.2.0')
    updater.useFeed({ url: feedUrl, channel: null })
    await expect(updater.check()).resolves.toBeNull()
  })

  it('asks no one without a feed: the installed app-update.yml names none', async () => {
    await expect(adapter().check()).rejects.toThrow(/Custom provider not specified/)
    expect(requested).toEqual([])
  })

  it('fails a check on a channel file its parser rejects', async () => {
    feed['call-tray/latest-linux.yml'] = 'files: []\n'
    const updater = adapter()
    updater.useFeed({ url: feedUrl, channel: null })
    await expect(updater.check()).rejects.toThrow()
  })

  it('downloads an installer whose sha512 matches the feed', async () => {
    feed['call-tray/latest-linux.yml'] = channelFile('0.2.0', '2026-11-30T09:15:00.000Z')
    feed[`call-tray/${INSTALLER}`] = installerBytes
    const updater = adapter()
    updater.useFeed({ url: feedUrl, channel: null })
    await updater.check()
    await expect(updater.download()).resolves.toBeUndefined()
    expect(requested).toContain(`call-tray/${INSTALLER}`)
  })

  it('refuses an installer whose sha512 does not match the feed', async () => {
    const wrong = sha512(Buffer.from('something else'))
    feed['call-tray/latest-linux.yml'] = channelFile('0.2.0', '2026-11-30T09:15:00.000Z', wrong)
    feed[`call-tray/${INSTALLER}`] = installerBytes
    const updater = adapter()
    updater.useFeed({ url: feedUrl, channel: null })
    await updater.check()
    await expect(updater.download()).rejects.toThrow(/sha512 checksum mismatch/)
  })
})
