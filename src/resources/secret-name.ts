/** A Kubernetes Secret name (a DNS subdomain): lower-case letters, digits, `-` and `.`, at most 253 characters. */
export const isSecretName = (name: string): boolean =>
  name.length <= 253 && /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)
