/**
 * The argument src/cli/plan-files.ts starts its planning workers with: seen in `process.argv` without
 * loading node:worker_threads, which a run on the main thread (one pre-commit check) never needs.
 */
export const PLAN_WORKER_ARG = '--delegate-mtls-plan-worker'
