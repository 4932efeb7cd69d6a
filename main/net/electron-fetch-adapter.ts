// An axios adapter that speaks through any fetch-like function. The packaged app
// hands it Electron's `net.fetch`, so requests from main use Chromium's network
// stack: the system proxy (PAC, WPAD, authenticating proxies) and the operating
// system's certificate store apply, as they do in the agent's browser.
//
// axios's own fetch adapter does the heavy lifting (timeout through an abort
// signal, `maxRedirects: 0` → `redirect: 'manual'`, the `maxContentLength` cap
// while streaming); this module only plugs the function in and translates its
// failures into the codes main/core/http-errors.ts classifies.
import axios, { type AxiosAdapter } from 'axios'
import { normalizeFetchError } from './fetch-errors'

/** What `net.fetch` and the global `fetch` both are, as far as axios uses them. */
export type FetchLike = (input: string | Request, init?: RequestInit) => Promise<Response>

export function createFetchAdapter(fetchImpl: FetchLike): AxiosAdapter {
  // A Request passes aborts (axios's timeout) on through a controller it alone keeps
  // alive: if nothing holds the Request while the fetch runs, garbage collection can
  // take it and the timeout never reaches the fetch. Hold every one until it settles.
  const inFlight = new Set<unknown>()
  const translated = async (input: URL | Request | string, init?: RequestInit) => {
    inFlight.add(input)
    try {
      return await fetchImpl(input instanceof URL ? input.href : input, init)
    } catch (error) {
      throw normalizeFetchError(error)
    } finally {
      inFlight.delete(input)
    }
  }
  const fetchAdapter = axios.getAdapter('fetch', { env: { fetch: translated } })
  // Never send the Electron session's cookies along: the API authenticates by header only.
  return (config) => fetchAdapter({ ...config, withCredentials: false })
}
