// Which certificate authorities the desktop's realtime socket trusts, on runtimes with
// and without tls.getCACertificates.
import { describe, expect, it } from 'vitest'
import { certificateTrust, type CertificateKind } from './certificate-trust'

const lists: Record<CertificateKind, string[]> = {
  system: ['company-ca', 'shared-root'],
  bundled: ['shared-root', 'mozilla-root'],
  extra: ['extra-ca'],
}

describe('certificateTrust', () => {
  it('trusts the operating system’s store, Node’s bundled list and NODE_EXTRA_CA_CERTS, each once', () => {
    expect(certificateTrust({ getCACertificates: (kind) => lists[kind] })).toEqual({
      ca: ['company-ca', 'shared-root', 'mozilla-root', 'extra-ca'],
      description: "the operating system's certificates (2) and Node's own",
    })
  })

  it('leaves Node’s default list where the runtime cannot list certificates', () => {
    expect(certificateTrust({})).toEqual({
      ca: undefined,
      description: "Node's certificates only (this runtime cannot read the system's)",
    })
  })

  it('leaves Node’s default list, and says why, when the system store cannot be read', () => {
    const failing = (kind: CertificateKind) => {
      if (kind === 'system') throw new Error('the keychain is locked')
      return lists[kind]
    }
    expect(certificateTrust({ getCACertificates: failing })).toEqual({
      ca: undefined,
      description: "Node's certificates only (the system's: the keychain is locked)",
    })
  })
})
