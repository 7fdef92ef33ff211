/**
 * Which namespace `kubectl apply` puts a resource in: its `metadata.namespace`, else the namespace of the apply
 * (`-n`, else the context's default). delegate-mtls has no `--namespace`: a resource without one is in that one
 * unknown namespace, shared by every other resource without one and by no resource that names a namespace.
 * Every association between documents (a delegate and its Secret, its upgrader's ConfigMap and CronJob, an
 * `envFrom` ConfigMap and the container reading it, an HPA and its Deployment) matches on namespace and name.
 */
export const sameNamespace = (a: string | undefined, b: string | undefined): boolean => a === b

/** A key for a namespaced name: equal exactly when namespace and name are (an unset namespace is its own). */
export const namespacedKey = (namespace: string | undefined, name: string | undefined): string =>
  JSON.stringify([namespace ?? null, name ?? null])
