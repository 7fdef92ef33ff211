// Hand-written types for validators.cjs, which scripts/build-validators.mjs generates from schemas/.
// Add a declaration here when you add an input schema (`--check` reports a missing one).
import type { ErrorObject } from 'ajv'

/** An ajv standalone validator: returns whether `data` is valid and leaves the reasons in `errors`. */
export interface GeneratedValidator {
  (data: unknown): boolean
  /** Errors of the last call; `null` after a valid input. */
  errors?: ErrorObject[] | null
}

export declare const validateEnvVar: GeneratedValidator
export declare const validateVolumeMount: GeneratedValidator
export declare const validateVolume: GeneratedValidator
export declare const validateContainer: GeneratedValidator
export declare const validatePodSpec: GeneratedValidator
export declare const validateUpgraderConfig: GeneratedValidator
