export { expandPaths, type ExpandedPaths } from './expand-paths.js'
export { readInput, readStdin, DEFAULT_MAX_BYTES, STDIN_NAME, type ReadResult } from './read-input.js'
export {
  writeFileAtomic,
  stageFileAtomic,
  writeFaults,
  syncDirectory,
  cleanStaleTempFiles,
  isTempFileName,
  adoptStagedWrite,
  handOverStagedWrite,
  StagingStopped,
  type CreateGate,
  type StagedWrite,
} from './atomic-write.js'
export { Staging, sharedGate, type StageJob } from './staging.js'
export {
  DriftError,
  loadFingerprints,
  readForReplace,
  type Drift,
  type Expected,
  type Fingerprint,
} from './fingerprint.js'
export { removeLiveTempFiles, removeOwnTempFiles, tempFilesElsewhere } from './live-temp-files.js'
export { resolveWriteTarget } from './resolve-write-target.js'
export { decodeInput, firstInvalidUtf8 } from './decode-input.js'
export { describeFsError, errnoCode, ioDiagnostic } from './io-diagnostic.js'
