// Option resolution (src/pipeline/) checks names too, so the rule lives below it (src/resources/).
export { isNamespaceName, isSecretName } from '../resources/secret-name.js'
