// The certificate authorities the realtime socket trusts in the desktop app: the
// operating system's store (where IT installs the company CA of a TLS-inspecting
// gateway, and which Chromium, so net.fetch, already trusts) on top of Node's bundled
// list and NODE_EXTRA_CA_CERTS. tls.getCACertificates arrived in Node 22.15 / 23.5;
// without it, or when the store cannot be read, Node's default list stands.

export type CertificateKind = 'system' | 'bundled' | 'extra'

/** What node:tls offers, as far as this module needs it (the function may be missing). */
export interface CertificateSource {
  getCACertificates?: (kind: CertificateKind) => string[]
}

export interface CertificateTrust {
  /** PEM certificates to trust; undefined means Node's default list. */
  ca: string[] | undefined
  /** For the log: where the trusted certificates come from. */
  description: string
}

export function certificateTrust(source: CertificateSource): CertificateTrust {
  const read = source.getCACertificates
  if (typeof read !== 'function') {
    return {
      ca: undefined,
      description: "Node's certificates only (this runtime cannot read the system's)",
    }
  }
  try {
    const system = read('system')
    const ca = [...new Set([...system, ...read('bundled'), ...read('extra')])]
    return {
      ca,
      description: `the operating system's certificates (${system.length}) and Node's own`,
    }
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error)
    return { ca: undefined, description: `Node's certificates only (the system's: ${cause})` }
  }
}
