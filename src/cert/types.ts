/** A certificate and its private key, both PEM (the key unencrypted PKCS#8). */
export interface KeyPair {
  certPem: string
  keyPem: string
}

/** What `cert init` makes: a CA and one client certificate signed by it. */
export interface InitOptions {
  /** Common name of the client certificate. */
  cn: string
  /** Organization of both subjects, when given. */
  org?: string
  /** Days the client certificate is valid. */
  days: number
  /** Days the CA certificate is valid. */
  caDays: number
  /** RSA modulus sizes. */
  caBits?: number
  clientBits?: number
  /** The moment the certificates start from; defaults to the current time. */
  now?: Date
}

/** What `cert issue` makes: one client certificate from an existing CA. */
export interface IssueOptions {
  cn: string
  org?: string
  days: number
  clientBits?: number
  now?: Date
}

/** A problem with the files or the CA: exit 2, nothing written. `file` is the name the user gave. */
export class CertError extends Error {
  override name = 'CertError' as const
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message)
  }
}
