// The feed an update policy names, or why there is none. A policy that is off, names no
// feed or names one Call Tray must not use means no update checks at all.
import type { UpdatePolicy } from './update-policy'
import type { UpdateFeed } from './updater'

export type FeedChoice = { ok: true; feed: UpdateFeed } | { ok: false; reason: string }

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

export function feedFromPolicy(policy: UpdatePolicy): FeedChoice {
  if (!policy.enabled) return { ok: false, reason: 'updates are turned off by policy' }
  if (policy.feedUrl === null) return { ok: false, reason: 'the policy names no update feed' }
  let url: URL
  try {
    url = new URL(policy.feedUrl)
  } catch {
    return { ok: false, reason: `the update feed "${policy.feedUrl}" is not a URL` }
  }
  // Installers are verified against the feed's sha512, so the feed itself must be trusted.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    return { ok: false, reason: `the update feed must use https:// (got ${url.protocol}//)` }
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'the update feed URL must not carry a user name or password' }
  }
  if (!Number.isFinite(policy.deferHours) || policy.deferHours < 0) {
    return { ok: false, reason: `deferHours must be 0 or more (got ${policy.deferHours})` }
  }
  const channel = policy.channel === '' || policy.channel === 'latest' ? null : policy.channel
  return { ok: true, feed: { url: url.href, channel } }
}
