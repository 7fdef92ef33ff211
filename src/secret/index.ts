/** The client certificate Secret: certificate checks, the Secret manifest, redaction. */
export {
  checkClientCertificate,
  EXPIRY_WARNING_DAYS,
  MIN_RSA_BITS,
  type CertificateCheck,
  type CertificateInput,
} from './check-certificate.js'
export {
  CLIENT_CERT_KEY,
  CLIENT_KEY_KEY,
  isPlaceholderSecretData,
  REDACTED,
  redactSecretData,
  renderSecretManifest,
  type SecretSpec,
} from './render-secret.js'
