// The Secret manifest is a resource shape the planner also writes, so it lives below mtls/ (src/resources/).
export * from '../resources/secret-manifest.js'
