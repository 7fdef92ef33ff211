import { classify } from '../../resources/classify.js'
import type { Doc } from '../../yaml/parse.js'
import { renderPlaced } from '../context.js'
import type { StreamPlan } from '../plan.js'
import { DEFAULT_MOUNT_PATH, DEFAULT_SECRET_NAME } from '../../resources/wanted-state.js'
import type { MtlsOptions } from '../types.js'
import type { RevertContext } from './context.js'
import { revertDelegate, revertSecrets, revertUpgraderConfig, revertUpgraderCronJob } from './revert-k8s.js'
import { revertCompose, revertHelmValues } from './revert-shapes.js'

/**
 * `--revert`: the inverse of the migration, planned the same way (changes as data, splices on the text).
 * `url` is the non-mTLS endpoint to restore. Legacy delegates and everything else pass through.
 */
export function planRevertStream(src: string, eol: string, file: string, docs: Doc[], url: string): StreamPlan {
  const resources = docs.map((doc, i) => classify(doc, i))
  const options: MtlsOptions = {
    endpoint: url,
    secretName: DEFAULT_SECRET_NAME,
    secretNameExplicit: false,
    mountPath: DEFAULT_MOUNT_PATH,
    tiService: false,
    grpcAuthority: true,
  }
  const rctx: RevertContext = {
    src,
    eol,
    file,
    options,
    resources,
    edits: [],
    diagnostics: [],
    secretByDelegate: new Map(),
    modeByDelegate: new Map(),
    url,
    removedSecrets: [],
  }
  for (const res of resources) {
    if (res.type === 'delegate') revertDelegate(rctx, res)
    else if (res.type === 'upgrader-config') revertUpgraderConfig(rctx, res)
    else if (res.type === 'upgrader-cronjob') revertUpgraderCronJob(rctx, res)
    else if (res.type === 'helm-values') revertHelmValues(rctx, res)
    else if (res.type === 'compose') revertCompose(rctx, res)
  }
  revertSecrets(rctx)
  renderPlaced(rctx)
  return { resources, edits: rctx.edits, diagnostics: rctx.diagnostics }
}
