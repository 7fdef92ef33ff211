/** A Kubernetes Secret name (a DNS subdomain): lower-case letters, digits, `-` and `.`, at most 253 characters. */
export const isSecretName = (name: string): boolean =>
  name.length <= 253 && /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)

/** A Kubernetes namespace name (a DNS-1123 label): lower-case letters, digits and `-`, at most 63 characters. */
export const isNamespaceName = (name: string): boolean =>
  name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)
