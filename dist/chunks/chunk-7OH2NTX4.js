import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  CLIENT_CERT_KEY,
  CLIENT_KEY_KEY,
  REDACTED,
  isPlaceholderSecretData,
  renderSecretManifest,
  require_dist
} from "./chunk-HNFRJ7ON.js";
import {
  InternalError,
  UsageError
} from "./chunk-GXJW6PMD.js";
import {
  __commonJS,
  __toESM
} from "./chunk-V2O42A2J.js";

// src/validate/generated/validators.cjs
var require_validators = __commonJS({
  "src/validate/generated/validators.cjs"(exports) {
    "use strict";
    exports.validateContainer = validate10;
    var schema11 = { $schema: "http://json-schema.org/draft-07/schema#", $id: "https://delegate-mtls.dev/schemas/container.json", title: "Container", description: "One container of a pod spec (core/v1 Container), limited to the fields delegate-mtls reads or writes. Other fields are allowed.", type: "object", required: ["name"], properties: { name: { description: "Name of the container, unique within the pod.", type: "string" }, image: { description: "Container image reference.", type: "string" }, env: { description: "Environment variables. `null` (an empty `env:` key in YAML) is accepted.", type: ["array", "null"], items: { $ref: "env-var.json" } }, envFrom: { description: "Sources that populate environment variables in bulk.", type: "array", items: { type: "object", properties: { configMapRef: { description: "ConfigMap whose keys become environment variables.", $ref: "#/definitions/namedRef" }, secretRef: { description: "Secret whose keys become environment variables.", $ref: "#/definitions/namedRef" } }, additionalProperties: !0 } }, volumeMounts: { description: "Volume mounts. `null` (an empty `volumeMounts:` key in YAML) is accepted.", type: ["array", "null"], items: { $ref: "volume-mount.json" } }, securityContext: { description: "Container-level security settings.", type: "object", properties: { runAsUser: { description: "UID the container process runs as.", type: "integer" }, runAsNonRoot: { description: "Require the container to run as a non-root user.", type: "boolean" } }, additionalProperties: !0 } }, additionalProperties: !0, definitions: { namedRef: { description: "Reference to an object by name in the pod's namespace.", type: "object", properties: { name: { description: "Name of the referenced object.", type: "string" } }, additionalProperties: !0 } } };
    function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null, errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.name === void 0) {
          let err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
          vErrors === null ? vErrors = [err0] : vErrors.push(err0), errors++;
        }
        if (data.name !== void 0 && typeof data.name != "string") {
          let err1 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err1] : vErrors.push(err1), errors++;
        }
        if (data.image !== void 0 && typeof data.image != "string") {
          let err2 = { instancePath: instancePath + "/image", schemaPath: "#/properties/image/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err2] : vErrors.push(err2), errors++;
        }
        if (data.env !== void 0) {
          let data2 = data.env;
          if (!Array.isArray(data2) && data2 !== null) {
            let err3 = { instancePath: instancePath + "/env", schemaPath: "#/properties/env/type", keyword: "type", params: { type: schema11.properties.env.type }, message: "must be array,null" };
            vErrors === null ? vErrors = [err3] : vErrors.push(err3), errors++;
          }
          if (Array.isArray(data2)) {
            let len0 = data2.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data3 = data2[i0];
              if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
                if (data3.name === void 0) {
                  let err4 = { instancePath: instancePath + "/env/" + i0, schemaPath: "env-var.json/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
                  vErrors === null ? vErrors = [err4] : vErrors.push(err4), errors++;
                }
                if (data3.name !== void 0 && typeof data3.name != "string") {
                  let err5 = { instancePath: instancePath + "/env/" + i0 + "/name", schemaPath: "env-var.json/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  vErrors === null ? vErrors = [err5] : vErrors.push(err5), errors++;
                }
                if (data3.value !== void 0 && typeof data3.value != "string") {
                  let err6 = { instancePath: instancePath + "/env/" + i0 + "/value", schemaPath: "env-var.json/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  vErrors === null ? vErrors = [err6] : vErrors.push(err6), errors++;
                }
                if (data3.valueFrom !== void 0) {
                  let data6 = data3.valueFrom;
                  if (!(data6 && typeof data6 == "object" && !Array.isArray(data6))) {
                    let err7 = { instancePath: instancePath + "/env/" + i0 + "/valueFrom", schemaPath: "env-var.json/properties/valueFrom/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    vErrors === null ? vErrors = [err7] : vErrors.push(err7), errors++;
                  }
                }
              } else {
                let err8 = { instancePath: instancePath + "/env/" + i0, schemaPath: "env-var.json/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                vErrors === null ? vErrors = [err8] : vErrors.push(err8), errors++;
              }
            }
          }
        }
        if (data.envFrom !== void 0) {
          let data7 = data.envFrom;
          if (Array.isArray(data7)) {
            let len1 = data7.length;
            for (let i1 = 0; i1 < len1; i1++) {
              let data8 = data7[i1];
              if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
                if (data8.configMapRef !== void 0) {
                  let data9 = data8.configMapRef;
                  if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
                    if (data9.name !== void 0 && typeof data9.name != "string") {
                      let err9 = { instancePath: instancePath + "/envFrom/" + i1 + "/configMapRef/name", schemaPath: "#/definitions/namedRef/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                      vErrors === null ? vErrors = [err9] : vErrors.push(err9), errors++;
                    }
                  } else {
                    let err10 = { instancePath: instancePath + "/envFrom/" + i1 + "/configMapRef", schemaPath: "#/definitions/namedRef/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    vErrors === null ? vErrors = [err10] : vErrors.push(err10), errors++;
                  }
                }
                if (data8.secretRef !== void 0) {
                  let data11 = data8.secretRef;
                  if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
                    if (data11.name !== void 0 && typeof data11.name != "string") {
                      let err11 = { instancePath: instancePath + "/envFrom/" + i1 + "/secretRef/name", schemaPath: "#/definitions/namedRef/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                      vErrors === null ? vErrors = [err11] : vErrors.push(err11), errors++;
                    }
                  } else {
                    let err12 = { instancePath: instancePath + "/envFrom/" + i1 + "/secretRef", schemaPath: "#/definitions/namedRef/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    vErrors === null ? vErrors = [err12] : vErrors.push(err12), errors++;
                  }
                }
              } else {
                let err13 = { instancePath: instancePath + "/envFrom/" + i1, schemaPath: "#/properties/envFrom/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                vErrors === null ? vErrors = [err13] : vErrors.push(err13), errors++;
              }
            }
          } else {
            let err14 = { instancePath: instancePath + "/envFrom", schemaPath: "#/properties/envFrom/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            vErrors === null ? vErrors = [err14] : vErrors.push(err14), errors++;
          }
        }
        if (data.volumeMounts !== void 0) {
          let data13 = data.volumeMounts;
          if (!Array.isArray(data13) && data13 !== null) {
            let err15 = { instancePath: instancePath + "/volumeMounts", schemaPath: "#/properties/volumeMounts/type", keyword: "type", params: { type: schema11.properties.volumeMounts.type }, message: "must be array,null" };
            vErrors === null ? vErrors = [err15] : vErrors.push(err15), errors++;
          }
          if (Array.isArray(data13)) {
            let len2 = data13.length;
            for (let i2 = 0; i2 < len2; i2++) {
              let data14 = data13[i2];
              if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
                if (data14.name === void 0) {
                  let err16 = { instancePath: instancePath + "/volumeMounts/" + i2, schemaPath: "volume-mount.json/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
                  vErrors === null ? vErrors = [err16] : vErrors.push(err16), errors++;
                }
                if (data14.mountPath === void 0) {
                  let err17 = { instancePath: instancePath + "/volumeMounts/" + i2, schemaPath: "volume-mount.json/required", keyword: "required", params: { missingProperty: "mountPath" }, message: "must have required property 'mountPath'" };
                  vErrors === null ? vErrors = [err17] : vErrors.push(err17), errors++;
                }
                if (data14.name !== void 0 && typeof data14.name != "string") {
                  let err18 = { instancePath: instancePath + "/volumeMounts/" + i2 + "/name", schemaPath: "volume-mount.json/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  vErrors === null ? vErrors = [err18] : vErrors.push(err18), errors++;
                }
                if (data14.mountPath !== void 0 && typeof data14.mountPath != "string") {
                  let err19 = { instancePath: instancePath + "/volumeMounts/" + i2 + "/mountPath", schemaPath: "volume-mount.json/properties/mountPath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  vErrors === null ? vErrors = [err19] : vErrors.push(err19), errors++;
                }
                if (data14.readOnly !== void 0 && typeof data14.readOnly != "boolean") {
                  let err20 = { instancePath: instancePath + "/volumeMounts/" + i2 + "/readOnly", schemaPath: "volume-mount.json/properties/readOnly/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                  vErrors === null ? vErrors = [err20] : vErrors.push(err20), errors++;
                }
                if (data14.subPath !== void 0 && typeof data14.subPath != "string") {
                  let err21 = { instancePath: instancePath + "/volumeMounts/" + i2 + "/subPath", schemaPath: "volume-mount.json/properties/subPath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  vErrors === null ? vErrors = [err21] : vErrors.push(err21), errors++;
                }
              } else {
                let err22 = { instancePath: instancePath + "/volumeMounts/" + i2, schemaPath: "volume-mount.json/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                vErrors === null ? vErrors = [err22] : vErrors.push(err22), errors++;
              }
            }
          }
        }
        if (data.securityContext !== void 0) {
          let data19 = data.securityContext;
          if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
            if (data19.runAsUser !== void 0) {
              let data20 = data19.runAsUser;
              if (!(typeof data20 == "number" && !(data20 % 1) && !isNaN(data20) && isFinite(data20))) {
                let err23 = { instancePath: instancePath + "/securityContext/runAsUser", schemaPath: "#/properties/securityContext/properties/runAsUser/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                vErrors === null ? vErrors = [err23] : vErrors.push(err23), errors++;
              }
            }
            if (data19.runAsNonRoot !== void 0 && typeof data19.runAsNonRoot != "boolean") {
              let err24 = { instancePath: instancePath + "/securityContext/runAsNonRoot", schemaPath: "#/properties/securityContext/properties/runAsNonRoot/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
              vErrors === null ? vErrors = [err24] : vErrors.push(err24), errors++;
            }
          } else {
            let err25 = { instancePath: instancePath + "/securityContext", schemaPath: "#/properties/securityContext/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            vErrors === null ? vErrors = [err25] : vErrors.push(err25), errors++;
          }
        }
      } else {
        let err26 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        vErrors === null ? vErrors = [err26] : vErrors.push(err26), errors++;
      }
      return validate10.errors = vErrors, errors === 0;
    }
    exports.validateEnvVar = validate11;
    function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null, errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.name === void 0) {
          let err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
          vErrors === null ? vErrors = [err0] : vErrors.push(err0), errors++;
        }
        if (data.name !== void 0 && typeof data.name != "string") {
          let err1 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err1] : vErrors.push(err1), errors++;
        }
        if (data.value !== void 0 && typeof data.value != "string") {
          let err2 = { instancePath: instancePath + "/value", schemaPath: "#/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err2] : vErrors.push(err2), errors++;
        }
        if (data.valueFrom !== void 0) {
          let data2 = data.valueFrom;
          if (!(data2 && typeof data2 == "object" && !Array.isArray(data2))) {
            let err3 = { instancePath: instancePath + "/valueFrom", schemaPath: "#/properties/valueFrom/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            vErrors === null ? vErrors = [err3] : vErrors.push(err3), errors++;
          }
        }
      } else {
        let err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        vErrors === null ? vErrors = [err4] : vErrors.push(err4), errors++;
      }
      return validate11.errors = vErrors, errors === 0;
    }
    exports.validatePodSpec = validate12;
    var schema17 = { $schema: "http://json-schema.org/draft-07/schema#", $id: "https://delegate-mtls.dev/schemas/pod-spec.json", title: "Pod spec", description: "A pod spec (core/v1 PodSpec, e.g. a Deployment's `spec.template.spec`), limited to the fields delegate-mtls reads or writes. Other fields are allowed.", type: "object", required: ["containers"], properties: { containers: { description: "Containers of the pod; at least one.", type: "array", minItems: 1, items: { $ref: "container.json" } }, volumes: { description: "Volumes of the pod. `null` (an empty `volumes:` key in YAML) is accepted.", type: ["array", "null"], items: { $ref: "volume.json" } }, securityContext: { description: "Pod-level security settings.", type: "object", properties: { runAsUser: { description: "UID the containers run as unless they say otherwise.", type: "integer" }, runAsNonRoot: { description: "Require the containers to run as a non-root user.", type: "boolean" }, fsGroup: { description: "GID that owns mounted volumes.", type: "integer" } }, additionalProperties: !0 } }, additionalProperties: !0 };
    function validate15(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null, errors = 0;
      if (Array.isArray(data)) {
        let len0 = data.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data0 = data[i0];
          if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
            if (data0.key !== void 0 && typeof data0.key != "string") {
              let err0 = { instancePath: instancePath + "/" + i0 + "/key", schemaPath: "#/items/properties/key/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              vErrors === null ? vErrors = [err0] : vErrors.push(err0), errors++;
            }
            if (data0.path !== void 0 && typeof data0.path != "string") {
              let err1 = { instancePath: instancePath + "/" + i0 + "/path", schemaPath: "#/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              vErrors === null ? vErrors = [err1] : vErrors.push(err1), errors++;
            }
            if (data0.mode !== void 0) {
              let data3 = data0.mode;
              if (!(typeof data3 == "number" && !(data3 % 1) && !isNaN(data3) && isFinite(data3))) {
                let err2 = { instancePath: instancePath + "/" + i0 + "/mode", schemaPath: "#/definitions/fileMode/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                vErrors === null ? vErrors = [err2] : vErrors.push(err2), errors++;
              }
              if (typeof data3 == "number" && isFinite(data3)) {
                if (data3 > 511 || isNaN(data3)) {
                  let err3 = { instancePath: instancePath + "/" + i0 + "/mode", schemaPath: "#/definitions/fileMode/maximum", keyword: "maximum", params: { comparison: "<=", limit: 511 }, message: "must be <= 511" };
                  vErrors === null ? vErrors = [err3] : vErrors.push(err3), errors++;
                }
                if (data3 < 0 || isNaN(data3)) {
                  let err4 = { instancePath: instancePath + "/" + i0 + "/mode", schemaPath: "#/definitions/fileMode/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  vErrors === null ? vErrors = [err4] : vErrors.push(err4), errors++;
                }
              }
            }
          } else {
            let err5 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            vErrors === null ? vErrors = [err5] : vErrors.push(err5), errors++;
          }
        }
      } else {
        let err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        vErrors === null ? vErrors = [err6] : vErrors.push(err6), errors++;
      }
      return validate15.errors = vErrors, errors === 0;
    }
    function validate14(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null, errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.name === void 0) {
          let err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
          vErrors === null ? vErrors = [err0] : vErrors.push(err0), errors++;
        }
        if (data.name !== void 0 && typeof data.name != "string") {
          let err1 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err1] : vErrors.push(err1), errors++;
        }
        if (data.secret !== void 0) {
          let data1 = data.secret;
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.secretName !== void 0 && typeof data1.secretName != "string") {
              let err2 = { instancePath: instancePath + "/secret/secretName", schemaPath: "#/properties/secret/properties/secretName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              vErrors === null ? vErrors = [err2] : vErrors.push(err2), errors++;
            }
            if (data1.defaultMode !== void 0) {
              let data3 = data1.defaultMode;
              if (!(typeof data3 == "number" && !(data3 % 1) && !isNaN(data3) && isFinite(data3))) {
                let err3 = { instancePath: instancePath + "/secret/defaultMode", schemaPath: "#/definitions/fileMode/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                vErrors === null ? vErrors = [err3] : vErrors.push(err3), errors++;
              }
              if (typeof data3 == "number" && isFinite(data3)) {
                if (data3 > 511 || isNaN(data3)) {
                  let err4 = { instancePath: instancePath + "/secret/defaultMode", schemaPath: "#/definitions/fileMode/maximum", keyword: "maximum", params: { comparison: "<=", limit: 511 }, message: "must be <= 511" };
                  vErrors === null ? vErrors = [err4] : vErrors.push(err4), errors++;
                }
                if (data3 < 0 || isNaN(data3)) {
                  let err5 = { instancePath: instancePath + "/secret/defaultMode", schemaPath: "#/definitions/fileMode/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  vErrors === null ? vErrors = [err5] : vErrors.push(err5), errors++;
                }
              }
            }
            data1.items !== void 0 && (validate15(data1.items, { instancePath: instancePath + "/secret/items", parentData: data1, parentDataProperty: "items", rootData }) || (vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors), errors = vErrors.length));
          } else {
            let err6 = { instancePath: instancePath + "/secret", schemaPath: "#/properties/secret/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            vErrors === null ? vErrors = [err6] : vErrors.push(err6), errors++;
          }
        }
        if (data.configMap !== void 0) {
          let data5 = data.configMap;
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            if (data5.name !== void 0 && typeof data5.name != "string") {
              let err7 = { instancePath: instancePath + "/configMap/name", schemaPath: "#/properties/configMap/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              vErrors === null ? vErrors = [err7] : vErrors.push(err7), errors++;
            }
            if (data5.defaultMode !== void 0) {
              let data7 = data5.defaultMode;
              if (!(typeof data7 == "number" && !(data7 % 1) && !isNaN(data7) && isFinite(data7))) {
                let err8 = { instancePath: instancePath + "/configMap/defaultMode", schemaPath: "#/definitions/fileMode/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                vErrors === null ? vErrors = [err8] : vErrors.push(err8), errors++;
              }
              if (typeof data7 == "number" && isFinite(data7)) {
                if (data7 > 511 || isNaN(data7)) {
                  let err9 = { instancePath: instancePath + "/configMap/defaultMode", schemaPath: "#/definitions/fileMode/maximum", keyword: "maximum", params: { comparison: "<=", limit: 511 }, message: "must be <= 511" };
                  vErrors === null ? vErrors = [err9] : vErrors.push(err9), errors++;
                }
                if (data7 < 0 || isNaN(data7)) {
                  let err10 = { instancePath: instancePath + "/configMap/defaultMode", schemaPath: "#/definitions/fileMode/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  vErrors === null ? vErrors = [err10] : vErrors.push(err10), errors++;
                }
              }
            }
            data5.items !== void 0 && (validate15(data5.items, { instancePath: instancePath + "/configMap/items", parentData: data5, parentDataProperty: "items", rootData }) || (vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors), errors = vErrors.length));
          } else {
            let err11 = { instancePath: instancePath + "/configMap", schemaPath: "#/properties/configMap/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            vErrors === null ? vErrors = [err11] : vErrors.push(err11), errors++;
          }
        }
      } else {
        let err12 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        vErrors === null ? vErrors = [err12] : vErrors.push(err12), errors++;
      }
      return validate14.errors = vErrors, errors === 0;
    }
    function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null, errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.containers === void 0) {
          let err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "containers" }, message: "must have required property 'containers'" };
          vErrors === null ? vErrors = [err0] : vErrors.push(err0), errors++;
        }
        if (data.containers !== void 0) {
          let data0 = data.containers;
          if (Array.isArray(data0)) {
            if (data0.length < 1) {
              let err1 = { instancePath: instancePath + "/containers", schemaPath: "#/properties/containers/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
              vErrors === null ? vErrors = [err1] : vErrors.push(err1), errors++;
            }
            let len0 = data0.length;
            for (let i0 = 0; i0 < len0; i0++)
              validate10(data0[i0], { instancePath: instancePath + "/containers/" + i0, parentData: data0, parentDataProperty: i0, rootData }) || (vErrors = vErrors === null ? validate10.errors : vErrors.concat(validate10.errors), errors = vErrors.length);
          } else {
            let err2 = { instancePath: instancePath + "/containers", schemaPath: "#/properties/containers/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            vErrors === null ? vErrors = [err2] : vErrors.push(err2), errors++;
          }
        }
        if (data.volumes !== void 0) {
          let data2 = data.volumes;
          if (!Array.isArray(data2) && data2 !== null) {
            let err3 = { instancePath: instancePath + "/volumes", schemaPath: "#/properties/volumes/type", keyword: "type", params: { type: schema17.properties.volumes.type }, message: "must be array,null" };
            vErrors === null ? vErrors = [err3] : vErrors.push(err3), errors++;
          }
          if (Array.isArray(data2)) {
            let len1 = data2.length;
            for (let i1 = 0; i1 < len1; i1++)
              validate14(data2[i1], { instancePath: instancePath + "/volumes/" + i1, parentData: data2, parentDataProperty: i1, rootData }) || (vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors), errors = vErrors.length);
          }
        }
        if (data.securityContext !== void 0) {
          let data4 = data.securityContext;
          if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
            if (data4.runAsUser !== void 0) {
              let data5 = data4.runAsUser;
              if (!(typeof data5 == "number" && !(data5 % 1) && !isNaN(data5) && isFinite(data5))) {
                let err4 = { instancePath: instancePath + "/securityContext/runAsUser", schemaPath: "#/properties/securityContext/properties/runAsUser/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                vErrors === null ? vErrors = [err4] : vErrors.push(err4), errors++;
              }
            }
            if (data4.runAsNonRoot !== void 0 && typeof data4.runAsNonRoot != "boolean") {
              let err5 = { instancePath: instancePath + "/securityContext/runAsNonRoot", schemaPath: "#/properties/securityContext/properties/runAsNonRoot/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
              vErrors === null ? vErrors = [err5] : vErrors.push(err5), errors++;
            }
            if (data4.fsGroup !== void 0) {
              let data7 = data4.fsGroup;
              if (!(typeof data7 == "number" && !(data7 % 1) && !isNaN(data7) && isFinite(data7))) {
                let err6 = { instancePath: instancePath + "/securityContext/fsGroup", schemaPath: "#/properties/securityContext/properties/fsGroup/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                vErrors === null ? vErrors = [err6] : vErrors.push(err6), errors++;
              }
            }
          } else {
            let err7 = { instancePath: instancePath + "/securityContext", schemaPath: "#/properties/securityContext/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            vErrors === null ? vErrors = [err7] : vErrors.push(err7), errors++;
          }
        }
      } else {
        let err8 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        vErrors === null ? vErrors = [err8] : vErrors.push(err8), errors++;
      }
      return validate12.errors = vErrors, errors === 0;
    }
    exports.validateUpgraderConfig = validate19;
    function validate19(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null, errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.mode !== void 0 && typeof data.mode != "string") {
          let err0 = { instancePath: instancePath + "/mode", schemaPath: "#/properties/mode/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err0] : vErrors.push(err0), errors++;
        }
        if (data.dryRun !== void 0 && typeof data.dryRun != "boolean") {
          let err1 = { instancePath: instancePath + "/dryRun", schemaPath: "#/properties/dryRun/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
          vErrors === null ? vErrors = [err1] : vErrors.push(err1), errors++;
        }
        if (data.workloadName !== void 0 && typeof data.workloadName != "string") {
          let err2 = { instancePath: instancePath + "/workloadName", schemaPath: "#/properties/workloadName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err2] : vErrors.push(err2), errors++;
        }
        if (data.namespace !== void 0 && typeof data.namespace != "string") {
          let err3 = { instancePath: instancePath + "/namespace", schemaPath: "#/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err3] : vErrors.push(err3), errors++;
        }
        if (data.containerName !== void 0 && typeof data.containerName != "string") {
          let err4 = { instancePath: instancePath + "/containerName", schemaPath: "#/properties/containerName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err4] : vErrors.push(err4), errors++;
        }
        if (data.delegateConfig !== void 0) {
          let data5 = data.delegateConfig;
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            if (data5.accountId !== void 0 && typeof data5.accountId != "string") {
              let err5 = { instancePath: instancePath + "/delegateConfig/accountId", schemaPath: "#/properties/delegateConfig/properties/accountId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              vErrors === null ? vErrors = [err5] : vErrors.push(err5), errors++;
            }
            if (data5.managerHost !== void 0 && typeof data5.managerHost != "string") {
              let err6 = { instancePath: instancePath + "/delegateConfig/managerHost", schemaPath: "#/properties/delegateConfig/properties/managerHost/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              vErrors === null ? vErrors = [err6] : vErrors.push(err6), errors++;
            }
          } else {
            let err7 = { instancePath: instancePath + "/delegateConfig", schemaPath: "#/properties/delegateConfig/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            vErrors === null ? vErrors = [err7] : vErrors.push(err7), errors++;
          }
        }
        if (data.clientCertificateFilePath !== void 0 && typeof data.clientCertificateFilePath != "string") {
          let err8 = { instancePath: instancePath + "/clientCertificateFilePath", schemaPath: "#/properties/clientCertificateFilePath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err8] : vErrors.push(err8), errors++;
        }
        if (data.clientCertificateKeyFilePath !== void 0 && typeof data.clientCertificateKeyFilePath != "string") {
          let err9 = { instancePath: instancePath + "/clientCertificateKeyFilePath", schemaPath: "#/properties/clientCertificateKeyFilePath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err9] : vErrors.push(err9), errors++;
        }
      } else {
        let err10 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        vErrors === null ? vErrors = [err10] : vErrors.push(err10), errors++;
      }
      return validate19.errors = vErrors, errors === 0;
    }
    exports.validateVolumeMount = validate20;
    function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null, errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.name === void 0) {
          let err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
          vErrors === null ? vErrors = [err0] : vErrors.push(err0), errors++;
        }
        if (data.mountPath === void 0) {
          let err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "mountPath" }, message: "must have required property 'mountPath'" };
          vErrors === null ? vErrors = [err1] : vErrors.push(err1), errors++;
        }
        if (data.name !== void 0 && typeof data.name != "string") {
          let err2 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err2] : vErrors.push(err2), errors++;
        }
        if (data.mountPath !== void 0 && typeof data.mountPath != "string") {
          let err3 = { instancePath: instancePath + "/mountPath", schemaPath: "#/properties/mountPath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err3] : vErrors.push(err3), errors++;
        }
        if (data.readOnly !== void 0 && typeof data.readOnly != "boolean") {
          let err4 = { instancePath: instancePath + "/readOnly", schemaPath: "#/properties/readOnly/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
          vErrors === null ? vErrors = [err4] : vErrors.push(err4), errors++;
        }
        if (data.subPath !== void 0 && typeof data.subPath != "string") {
          let err5 = { instancePath: instancePath + "/subPath", schemaPath: "#/properties/subPath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err5] : vErrors.push(err5), errors++;
        }
      } else {
        let err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        vErrors === null ? vErrors = [err6] : vErrors.push(err6), errors++;
      }
      return validate20.errors = vErrors, errors === 0;
    }
    exports.validateVolume = validate14;
  }
});

// src/yaml/source.ts
function readSource(raw) {
  let bom = raw.charCodeAt(0) === 65279, text = bom ? raw.slice(1) : raw, nl = text.indexOf(`
`), eol = nl > 0 && text[nl - 1] === "\r" ? `\r
` : `
`;
  return { text, bom, eol };
}
function writeSource(source, text) {
  return source.bom ? "\uFEFF" + text : text;
}
function columnOf(src, offset) {
  return offset - (src.lastIndexOf(`
`, offset - 1) + 1);
}
function lineStartOf(src, offset) {
  return src.lastIndexOf(`
`, offset - 1) + 1;
}
function lineEndAfter(src, offset) {
  let nl = src.indexOf(`
`, offset);
  return nl < 0 ? src.length : nl + 1;
}
var lineIndex;
function linePos(src, offset) {
  if (lineIndex?.src !== src) {
    let starts2 = [0];
    for (let i = src.indexOf(`
`); i >= 0; i = src.indexOf(`
`, i + 1)) starts2.push(i + 1);
    lineIndex = { src, starts: starts2 };
  }
  let { starts } = lineIndex, lo = 0, hi = starts.length - 1;
  for (; lo < hi; ) {
    let mid = lo + hi + 1 >> 1;
    starts[mid] <= offset ? lo = mid : hi = mid - 1;
  }
  return { line: lo + 1, col: offset - starts[lo] + 1 };
}

// src/yaml/splice.ts
var insertAt = (offset, text) => ({ start: offset, end: offset, text }), replaceRange = (start, end, text) => ({ start, end, text });
function applySplices(src, splices) {
  let nested = (a, b) => a.nest !== void 0 && b.nest !== void 0 && a.start === a.end && b.start === b.end ? b.nest - a.nest : 0, ordered = splices.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end || nested(a.s, b.s) || a.i - b.i), out = "", pos = 0;
  for (let { s } of ordered) {
    if (s.start < pos || s.end < s.start || s.end > src.length)
      throw new InternalError(`overlapping or out-of-range edit at offset ${s.start}`);
    out += src.slice(pos, s.start) + s.text, pos = s.end;
  }
  return out + src.slice(pos);
}

// src/mtls/endpoint.ts
var FORM = "an https:// URL with a host and an optional port, and no path, e.g. https://acme.harness.io:8443 or https://acme.agent.harness.io";
function parseUrlOption(input, flag, form, rules) {
  let url;
  try {
    url = new URL(input.trim());
  } catch {
    throw new UsageError(`${flag} "${input}" is not a URL; expected ${form}`);
  }
  let problem = rules.schemes.includes(url.protocol) ? url.hostname ? url.username || url.password ? "carries credentials" : rules.refusePath && url.pathname !== "/" && url.pathname !== "" ? `has a path (${url.pathname}); ${rules.refusePath}` : url.search || input.includes("?") ? "has a query" : url.hash || input.includes("#") ? "has a fragment" : void 0 : "has no host" : `uses ${url.protocol.replace(/:$/, "")}, not ${rules.schemesText}`;
  if (problem) throw new UsageError(`${flag} "${input}" ${problem}; expected ${form}`);
  return url;
}
function normalizeEndpoint(input) {
  return `https://${parseUrlOption(input, "--endpoint", FORM, {
    schemes: ["https:"],
    schemesText: "https",
    refusePath: "the delegate adds /api/ and /log-service/ itself"
  }).host}`;
}

// src/yaml/lookup.ts
var import_yaml = __toESM(require_dist(), 1);
function lookup(node, path) {
  let cur = node;
  for (let seg of path)
    if (typeof seg == "number" ? cur = (0, import_yaml.isSeq)(cur) ? cur.items[seg] : void 0 : cur = (0, import_yaml.isMap)(cur) ? cur.get(seg, !0) : void 0, cur == null) return;
  return cur;
}
function pairOf(mapNode, key) {
  return (0, import_yaml.isMap)(mapNode) ? mapNode.items.find((p) => (0, import_yaml.isScalar)(p.key) && p.key.value === key) : void 0;
}
function stringAt(mapNode, key) {
  let v = (0, import_yaml.isMap)(mapNode) ? mapNode.get(key, !0) : void 0;
  return (0, import_yaml.isScalar)(v) && typeof v.value == "string" ? v.value : void 0;
}
function findItem(seq2, field, value) {
  if (!(0, import_yaml.isSeq)(seq2)) return;
  let index = seq2.items.findIndex((item) => stringAt(item, field) === value);
  return index < 0 ? void 0 : { index, node: seq2.items[index] };
}
function formatPath(parts) {
  let out = "";
  for (let p of parts)
    typeof p == "number" ? out += `[${p}]` : typeof p == "object" ? out += `[name=${p.name}]` : out += (out ? "." : "") + (/^[\w-]+$/.test(p) ? p : `"${p}"`);
  return out;
}

// src/resources/image.ts
function parseImage(ref) {
  let [nameTag, digest] = ref.split("@", 2), slash = nameTag.lastIndexOf("/"), colon = nameTag.lastIndexOf(":"), info = colon > slash ? { repository: nameTag.slice(0, colon), tag: nameTag.slice(colon + 1) } : { repository: nameTag };
  return digest && (info.digest = digest), info;
}
var lastSegment = (repo) => repo.slice(repo.lastIndexOf("/") + 1), isDelegateImage = (ref) => /^delegate(-immutable)?$/.test(lastSegment(parseImage(ref).repository)), isUpgraderImage = (ref) => lastSegment(parseImage(ref).repository) === "upgrader";
function classifyTag(ref) {
  let { tag } = parseImage(ref);
  if (tag === void 0) return "unverifiable";
  let m = /^(\d{2})\.(\d{2})\.\d{5}(\.minimal)?$/.exec(tag);
  return m ? Number(m[1]) * 100 + Number(m[2]) < 2207 ? "early-immutable" : "immutable" : /^\d{5}(\.minimal)?$/.test(tag) ? "early-immutable" : tag === "latest" ? "legacy" : "unverifiable";
}

// src/resources/compose.ts
var import_yaml2 = __toESM(require_dist(), 1);
var COMPOSE_KIND = "DockerCompose", WATCHER_ENV = ["WATCHER_STORAGE_URL", "WATCHER_CHECK_LOCATION", "DELEGATE_STORAGE_URL"];
function composeEnv(service) {
  let env = service.get("environment", !0);
  if ((0, import_yaml2.isSeq)(env)) {
    let entries = [];
    return env.items.forEach((item, index) => {
      if (!(0, import_yaml2.isScalar)(item) || item.value === null || item.value === void 0) return;
      let text = String(item.value), eq = text.indexOf("=");
      entries.push({
        name: eq < 0 ? text : text.slice(0, eq),
        value: eq < 0 ? void 0 : text.slice(eq + 1),
        index,
        node: item
      });
    }), { form: "list", entries };
  }
  if ((0, import_yaml2.isMap)(env)) {
    let entries = [];
    for (let pair of env.items) {
      if (!(0, import_yaml2.isScalar)(pair.key)) continue;
      let v = pair.value, value = (0, import_yaml2.isScalar)(v) && v.value !== null && v.value !== void 0 ? String(v.value) : void 0;
      entries.push({ name: String(pair.key.value), value, node: v ?? pair.key, keyNode: pair.key });
    }
    return { form: "map", entries };
  }
  return { form: "none", entries: [] };
}
var envNames = (service) => composeEnv(service).entries.map((e) => e.name), isUpgraderService = (service) => isUpgraderImage(stringAt(service, "image") ?? "") || envNames(service).includes("UPGRADER_WORKLOAD_NAME");
function isDelegateService(service) {
  if (isUpgraderService(service)) return !1;
  if (isDelegateImage(stringAt(service, "image") ?? "")) return !0;
  let names = envNames(service);
  return names.includes("MANAGER_HOST_AND_PORT") && names.some((n) => n === "DELEGATE_NAME" || n === "DELEGATE_TOKEN" || n === "ACCOUNT_ID");
}
function recogniseCompose(doc, index) {
  let root = doc.contents;
  if (!(0, import_yaml2.isMap)(root) || root.has("kind")) return;
  let services = root.get("services", !0);
  if (!(0, import_yaml2.isMap)(services)) return;
  let delegates = [], upgraders = [];
  for (let pair of services.items) {
    if (!(0, import_yaml2.isScalar)(pair.key) || !(0, import_yaml2.isMap)(pair.value)) continue;
    let entry = { service: String(pair.key.value), node: pair.value };
    isDelegateService(pair.value) ? delegates.push(entry) : isUpgraderService(pair.value) && upgraders.push(entry);
  }
  if (delegates.length === 0 && upgraders.length === 0) return;
  let ref = { document: index, kind: COMPOSE_KIND }, first = delegates[0];
  first && (ref.name = composeDelegateName(first));
  for (let d of delegates) {
    let image = stringAt(d.node, "image") ?? "";
    if (classifyTag(image) === "legacy")
      return {
        type: "legacy",
        ref,
        doc,
        reason: `service ${d.service}: image "${image}" is a legacy delegate image`,
        at: d.node.get("image", !0)
      };
    let watcher = envNames(d.node).find((n) => WATCHER_ENV.includes(n));
    if (watcher)
      return {
        type: "legacy",
        ref,
        doc,
        reason: `service ${d.service}: env ${watcher} belongs to a legacy (watcher) delegate`,
        at: d.node.get("environment", !0)
      };
  }
  return { type: "compose", ref, doc, delegates, upgraders };
}
function composeDelegateName(s) {
  return composeEnv(s.node).entries.find((e) => e.name === "DELEGATE_NAME")?.value || s.service;
}

// src/resources/helm-values.ts
var import_yaml3 = __toESM(require_dist(), 1);
var HELM_VALUES_KIND = "HelmValues", CHART_DEFAULT_NAME = "harness-delegate-ng", CHART_KEYS = [
  "delegateName",
  "accountId",
  "delegateToken",
  "managerEndpoint",
  "delegateDockerImage",
  "k8sPermissionsType",
  "existingDelegateToken",
  "upgrader"
];
function helmImage(root) {
  let image = stringAt(root, "delegateDockerImage"), at = (0, import_yaml3.isMap)(root) ? root.get("delegateDockerImage", !0) : void 0, tag = lookup(root, ["image", "tag"]), repo = stringAt(lookup(root, ["image"]), "repository"), tagValue = tag && "value" in tag ? tag.value : void 0;
  return tagValue != null && tagValue !== "" ? { ref: `${repo ?? (image ? parseImage(image).repository : "harness/delegate")}:${String(tagValue)}`, at: tag } : image !== void 0 && at ? { ref: image, at } : void 0;
}
function recogniseHelmValues(doc, index) {
  let root = doc.contents;
  if (!(0, import_yaml3.isMap)(root) || root.has("kind") || root.has("apiVersion") || root.has("services")) return;
  let hits = CHART_KEYS.filter((k) => root.has(k));
  if (hits.length < 2 || !hits.some((k) => k === "managerEndpoint" || k === "delegateDockerImage")) return;
  let ref = { document: index, kind: HELM_VALUES_KIND }, name = stringAt(root, "delegateName");
  name !== void 0 && (ref.name = name);
  let watcher = root.items.find((p) => /^watcher/i.test(String(p.key?.value ?? "")));
  if (watcher)
    return {
      type: "legacy",
      ref,
      doc,
      reason: `${String(watcher.key.value)} belongs to the values of a legacy (watcher) delegate chart`,
      at: watcher.key
    };
  let image = helmImage(root);
  return image && classifyTag(image.ref) === "legacy" ? { type: "legacy", ref, doc, reason: `image "${image.ref}" is a legacy delegate image`, at: image.at } : { type: "helm-values", ref, doc };
}

// src/resources/classify.ts
var import_yaml4 = __toESM(require_dist(), 1);
var POD_PATH = {
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"]
}, WATCHER_ENV2 = ["WATCHER_STORAGE_URL", "WATCHER_CHECK_LOCATION", "DELEGATE_STORAGE_URL"], envNames2 = (container) => {
  let env = (0, import_yaml4.isMap)(container) ? container.get("env", !0) : void 0;
  return (0, import_yaml4.isSeq)(env) ? env.items.map((e) => stringAt(e, "name")).filter((n) => n !== void 0) : [];
};
function findDelegateContainer(containers) {
  let byName = findItem(containers, "name", "delegate");
  if (byName) return byName.index;
  let byEnv = containers.items.findIndex((c) => envNames2(c).includes("MANAGER_HOST_AND_PORT"));
  if (byEnv >= 0) return byEnv;
  if (containers.items.length === 1 && isDelegateImage(stringAt(containers.items[0], "image") ?? "")) return 0;
  let legacy = findItem(containers, "name", "harness-delegate-instance");
  return legacy ? legacy.index : -1;
}
function legacyReason(kind, container) {
  let image = container.get("image", !0), imageRef = stringAt(container, "image") ?? "";
  if (kind === "StatefulSet") return { reason: "a StatefulSet delegate is a legacy delegate", at: container };
  if (stringAt(container, "name") === "harness-delegate-instance")
    return {
      reason: 'container "harness-delegate-instance" is a legacy delegate',
      at: container.get("name", !0)
    };
  if (image && classifyTag(imageRef) === "legacy")
    return { reason: `image "${imageRef}" is a legacy delegate image`, at: image };
  let watcher = envNames2(container).find((n) => WATCHER_ENV2.includes(n));
  if (watcher)
    return { reason: `env ${watcher} belongs to a legacy (watcher) delegate`, at: container.get("env", !0) };
}
var looksLikeUpgraderConfig = (text) => /^mode:\s*["']?Delegate\b|^delegateConfig:/m.test(text), TOP_LEVEL_KIND = /^kind:/gm, SIMPLE_KIND = /^kind:[ \t]*(["']?)([A-Za-z][A-Za-z0-9]*)\1[ \t]*(?:#[^\n]*)?\r?$/m, KINDS_THAT_MATTER = /* @__PURE__ */ new Set([
  "Deployment",
  "StatefulSet",
  "CronJob",
  "ConfigMap",
  "Secret",
  "HorizontalPodAutoscaler"
]);
function mayMatter(text) {
  if ((text.match(TOP_LEVEL_KIND)?.length ?? 0) !== 1) return !0;
  let m = SIMPLE_KIND.exec(text);
  return !m || KINDS_THAT_MATTER.has(m[2]);
}
function classify(doc, index) {
  let root = doc.contents, kind = stringAt(root, "kind") ?? "", meta = (0, import_yaml4.isMap)(root) ? root.get("metadata", !0) : void 0, ref = { document: index, kind }, name = stringAt(meta, "name"), namespace = stringAt(meta, "namespace");
  name !== void 0 && (ref.name = name), namespace !== void 0 && (ref.namespace = namespace);
  let base = { ref, doc };
  if (kind === "") {
    let shape = recogniseHelmValues(doc, index) ?? recogniseCompose(doc, index);
    if (shape) return shape;
  }
  let podPath = POD_PATH[kind];
  if (podPath && kind !== "CronJob") {
    let containers = lookup(root, [...podPath, "containers"]);
    if (!(0, import_yaml4.isSeq)(containers)) return { type: "other", ...base };
    let container = findDelegateContainer(containers);
    if (container < 0) return { type: "other", ...base };
    let legacy = legacyReason(kind, containers.items[container]);
    return legacy ? { type: "legacy", ...base, ...legacy } : kind !== "Deployment" ? { type: "other", ...base } : { type: "delegate", ...base, podPath, container };
  }
  if (kind === "CronJob" && podPath) {
    let containers = lookup(root, [...podPath, "containers"]);
    if (!(0, import_yaml4.isSeq)(containers)) return { type: "other", ...base };
    let container = findItem(containers, "name", "upgrader")?.index ?? -1;
    if (container < 0 && (container = containers.items.findIndex((c) => isUpgraderImage(stringAt(c, "image") ?? ""))), container < 0) {
      let volumes = lookup(root, [...podPath, "volumes"]);
      (0, import_yaml4.isSeq)(volumes) && volumes.items.some((v) => (stringAt(lookup(v, ["configMap"]), "name") ?? "").endsWith("-upgrader-config")) && containers.items.length === 1 && (container = 0);
    }
    return container < 0 ? { type: "other", ...base } : { type: "upgrader-cronjob", ...base, podPath, container };
  }
  if (kind === "ConfigMap") {
    let config = lookup(root, ["data", "config.yaml"]);
    if ((0, import_yaml4.isScalar)(config) && typeof config.value == "string" && looksLikeUpgraderConfig(config.value))
      return { type: "upgrader-config", ...base, config };
    if ((0, import_yaml4.isMap)(config) && (config.has("mode") || config.has("delegateConfig")))
      return { type: "upgrader-config-invalid", ...base, at: config };
  }
  return { type: "other", ...base };
}

// src/yaml/spans.ts
var MARKER = /^---(?:[ \t\r\n]|$)/, END_OR_DIRECTIVE = /^(?:\.\.\.(?:[ \t\r\n]|$)|%)/, BLANK_OR_COMMENT = /^[ \t]*(?:#[^\n]*)?\r?\n?$/;
function documentStarts(src) {
  let starts = [], prefixContent = !1;
  for (let at = 0; at < src.length; ) {
    let nl = src.indexOf(`
`, at), end = nl < 0 ? src.length : nl + 1, line = src.slice(at, Math.min(end, at + 4));
    if (MARKER.test(line))
      starts.push(starts.length === 0 && !prefixContent ? 0 : at);
    else {
      if (END_OR_DIRECTIVE.test(line))
        return;
      starts.length === 0 && !prefixContent && !BLANK_OR_COMMENT.test(src.slice(at, end)) && (prefixContent = !0, starts.push(0));
    }
    at = end;
  }
  return starts;
}
function maskDocuments(src, starts, keep) {
  if (starts.length === 0) return src;
  let out = "";
  for (let i = 0; i < starts.length; i++) {
    let text = src.slice(starts[i], starts[i + 1] ?? src.length);
    if (keep(i)) out += text;
    else {
      let head = text.startsWith("---") ? "---" : "~";
      out += head + text.slice(head.length).replace(/[^\r\n]+/g, (run) => " ".repeat(run.length));
    }
  }
  return out;
}

// src/yaml/parse.ts
var import_yaml5 = __toESM(require_dist(), 1);
var K8S_PARSE = { version: "1.1", keepSourceTokens: !0, prettyErrors: !1 }, MAX_SYNTAX_ERRORS = 10;
function parseStream(src, file, mayMatter2) {
  let starts = mayMatter2 ? documentStarts(src) : void 0, docs = parseDocs(
    starts ? maskDocuments(src, starts, (i) => mayMatter2(src.slice(starts[i], starts[i + 1] ?? src.length))) : src
  );
  starts && docs.length !== starts.length && (docs = parseDocs(src));
  let result = parseErrors(src, file, docs);
  return starts && docs.length === starts.length ? { ...result, starts } : result;
}
function parseDocumentsAt(src, start, end, keepSourceTokens = !0) {
  let parser = new import_yaml5.Parser();
  return parser.offset = start, Array.from(
    new import_yaml5.Composer({ ...K8S_PARSE, keepSourceTokens }).compose(parser.parse(src.slice(start, end)))
  );
}
function parseDocs(src) {
  let parsed = (0, import_yaml5.parseAllDocuments)(src, K8S_PARSE);
  return "empty" in parsed ? [] : parsed;
}
function parseErrors(src, file, docs) {
  let all = docs.flatMap((doc) => doc.errors), overflow = all.find((e) => /call stack/i.test(e.message));
  if (overflow) {
    let { line, col } = linePos(src, overflow.pos[0]);
    return { docs, errors: [{ code: "YAML_SYNTAX", severity: "error", message: "invalid YAML: nested too deeply to read (hundreds of levels of brackets or indentation); a Kubernetes manifest is never this deep", file, line, col }] };
  }
  let errors = all.slice(0, MAX_SYNTAX_ERRORS).map((e) => yamlDiagnostic(src, file, e));
  if (all.length > MAX_SYNTAX_ERRORS) {
    let last = errors[errors.length - 1];
    errors.push({
      ...last,
      message: `invalid YAML: ${all.length - MAX_SYNTAX_ERRORS} more errors follow from the ones above`
    });
  }
  return { docs, errors };
}
function yamlDiagnostic(src, file, e, offsetShift = 0) {
  let { line, col } = linePos(src, e.pos[0] + offsetShift);
  return { code: "YAML_SYNTAX", severity: "error", message: `invalid YAML: ${e.message.split(`
`)[0].replace(/ at line \d+, column \d+:?$/, "")}`, file, line, col };
}
function toPlain(doc) {
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (e) {
    return { error: e.message };
  }
}

// src/mtls/plan-upgrader.ts
var import_yaml13 = __toESM(require_dist(), 1);

// src/validate/index.ts
var import_validators = __toESM(require_validators(), 1), VALIDATORS = {
  container: import_validators.default.validateContainer,
  podSpec: import_validators.default.validatePodSpec,
  upgraderConfig: import_validators.default.validateUpgraderConfig,
  volume: import_validators.default.validateVolume,
  volumeMount: import_validators.default.validateVolumeMount,
  envVar: import_validators.default.validateEnvVar
};
function validate(schema, data) {
  let fn = VALIDATORS[schema];
  if (fn(data)) return [];
  let seen = /* @__PURE__ */ new Set(), problems = [];
  for (let error of fn.errors ?? []) {
    let problem = toProblem(error), key = JSON.stringify(problem);
    seen.has(key) || (seen.add(key), problems.push(problem));
  }
  return problems;
}
function toProblem(error) {
  let path = decodePointer(error.instancePath), params = error.params;
  switch (error.keyword) {
    case "required":
      return { path: [...path, String(params.missingProperty)], message: "is required" };
    case "additionalProperties":
      return { path: [...path, String(params.additionalProperty)], message: "is not allowed here" };
  }
  if (error.schemaPath.includes("/definitions/fileMode/"))
    return { path, message: "must be an integer from 0 to 511" };
  if (error.keyword === "type") {
    let expected = typePhrase(params.type);
    return /^(#|env-var\.json)\/properties\/value\/type$/.test(error.schemaPath) && path.at(-1) === "value" ? { path, message: `${expected} (Kubernetes reads env values as strings; quote it)` } : { path, message: expected };
  }
  if (error.keyword === "minItems") {
    let n = Number(params.limit);
    return { path, message: `must have at least ${n} ${n === 1 ? "item" : "items"}` };
  }
  return { path, message: error.message ?? `must satisfy ${error.keyword}` };
}
function typePhrase(type) {
  let article = (t) => t === "null" ? t : /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
  return `must be ${(Array.isArray(type) ? type : String(type).split(",")).map(String).map(article).join(" or ")}`;
}
function decodePointer(pointer) {
  return pointer === "" ? [] : pointer.slice(1).split("/").map((raw) => {
    let segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    return /^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment;
  });
}

// src/yaml/edit.ts
var import_yaml7 = __toESM(require_dist(), 1);

// src/yaml/fragment.ts
var scalar = (text, comment) => comment ? { scalar: text, comment } : { scalar: text }, map = (...pairs) => ({ map: pairs }), seq = (...items) => ({ seq: items }), pad = (n) => " ".repeat(n);
function renderBlockMap(frag, col, layout) {
  let lines = [];
  for (let [key, value] of frag.map)
    "scalar" in value ? lines.push(`${pad(col)}${key}: ${value.scalar}${value.comment ? ` # ${value.comment}` : ""}`) : "map" in value ? lines.push(`${pad(col)}${key}:`, ...renderBlockMap(value, col + layout.unit, layout)) : lines.push(`${pad(col)}${key}:`, ...renderBlockSeq(value, layout.compactSeq ? col : col + layout.unit, layout));
  return lines;
}
function renderBlockSeq(frag, dashCol, layout) {
  let lines = [], contentCol = dashCol + 1 + layout.dashGap;
  for (let item of frag.seq) {
    let inner = "scalar" in item ? [`${pad(contentCol)}${item.scalar}`] : "map" in item ? renderBlockMap(item, contentCol, layout) : renderBlockSeq(item, contentCol, layout);
    inner[0] = `${pad(dashCol)}-${pad(layout.dashGap)}${inner[0].slice(contentCol)}`, lines.push(...inner);
  }
  return lines;
}
var jsonScalar = (text) => /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|"(?:[^"\\]|\\.)*")$/.test(text) ? text : JSON.stringify(text);
function renderFlow(frag, padded = !1, json = !1) {
  if ("scalar" in frag) return json ? jsonScalar(frag.scalar) : frag.scalar;
  let [open, close] = "map" in frag ? ["{", "}"] : ["[", "]"], key = (k) => json ? JSON.stringify(k) : k, parts = "map" in frag ? frag.map.map(([k, v]) => `${key(k)}: ${renderFlow(v, padded, json)}`) : frag.seq.map((v) => renderFlow(v, padded, json));
  return parts.length === 0 ? open + close : padded ? `${open} ${parts.join(", ")} ${close}` : `${open}${parts.join(", ")}${close}`;
}

// src/yaml/scalar.ts
var import_yaml6 = __toESM(require_dist(), 1), plainCache = /* @__PURE__ */ new Map();
function isSafePlain(s) {
  let ok = plainCache.get(s);
  if (ok === void 0) {
    if (ok = !1, s !== "" && !/[\n\r\t]|^\s|\s$|^[-?:,[\]{}#&*!|>'"%@`]|: |:$| #/.test(s)) {
      let doc = (0, import_yaml6.parseDocument)(`k: ${s}
`, { version: "1.1" });
      ok = doc.errors.length === 0 && doc.get("k") === s;
    }
    plainCache.set(s, ok);
  }
  return ok;
}
var doubleQuoted = (s) => JSON.stringify(s);
function formatScalar(value, style = "plain") {
  return typeof value != "string" ? String(value) : style === "plain" && isSafePlain(value) ? value : doubleQuoted(value);
}
function restyleScalar(node, value, indent) {
  switch (node.type) {
    case import_yaml6.Scalar.QUOTE_DOUBLE:
      return doubleQuoted(value);
    case import_yaml6.Scalar.QUOTE_SINGLE:
      return value.includes(`
`) ? doubleQuoted(value) : `'${value.replace(/'/g, "''")}'`;
    case import_yaml6.Scalar.PLAIN:
      return formatScalar(value, "plain");
    default: {
      let token = import_yaml6.CST.createScalarToken(value, { indent, type: node.type, inFlow: !1 });
      return import_yaml6.CST.stringify(token);
    }
  }
}

// src/yaml/edit.ts
var range = (node) => {
  if (!node.range) throw new InternalError("node without a source range");
  return node.range;
};
function endOfBlock(src, node, minCol) {
  let p = range(node)[1];
  for (; p > 0 && /\s/.test(src[p - 1]); ) p--;
  for (p = lineEndAfter(src, p); ; ) {
    let next = lineEndAfter(src, p);
    if (next === p) break;
    let line = src.slice(p, next), m = /^( *)#/.exec(line);
    if (!m || m[1].length < minCol) break;
    p = next;
  }
  return p;
}
function blockInsertion(ctx, at, lines, owner) {
  let body = lines.join(ctx.eol), atEofWithoutNewline = at === ctx.src.length && at > 0 && ctx.src[at - 1] !== `
`;
  return { ...insertAt(at, atEofWithoutNewline ? ctx.eol + body : body + ctx.eol), nest: range(owner)[0] };
}
function seqLayout(ctx, seq2) {
  let dash = seq2.srcToken?.items.findLast((i) => i.value)?.start.find((t) => t.type === "seq-item-ind"), lastNode = seq2.items[seq2.items.length - 1];
  if (!dash || !lastNode) throw new InternalError("block sequence without items");
  let dashCol = columnOf(ctx.src, dash.offset), valueStart = range(lastNode)[0], sameLine = lineStartOf(ctx.src, valueStart) === lineStartOf(ctx.src, dash.offset);
  return { dashCol, dashGap: sameLine ? Math.max(1, valueStart - dash.offset - 1) : 1 };
}
function flowInsertion(ctx, coll, text) {
  let token = coll.srcToken, end = token.end.find((t) => t.type === "flow-seq-end" || t.type === "flow-map-end");
  if (!end) throw new InternalError("unterminated flow collection");
  let padded = ctx.src[token.start.offset + 1] === " ", last = coll.items[coll.items.length - 1];
  if (last === void 0) return insertAt(end.offset, padded ? ` ${text} ` : text);
  let lastNode = (0, import_yaml7.isPair)(last) ? last.value?.range ? last.value : last.key : last, p = range(lastNode)[1], q = p;
  for (; ctx.src[q] === " " || ctx.src[q] === "	"; ) q++;
  return ctx.src[q] === "," ? insertAt(q + 1, ` ${text},`) : insertAt(p, `, ${text}`);
}
function isJsonStyle(ctx, coll) {
  let quoted = (k) => (0, import_yaml7.isScalar)(k) && k.type === "QUOTE_DOUBLE";
  if ((0, import_yaml7.isMap)(coll) && coll.items.length > 0) return coll.items.every((p) => quoted(p.key));
  let firstMap = (0, import_yaml7.isSeq)(coll) ? coll.items.find((i) => (0, import_yaml7.isMap)(i)) : void 0;
  if ((0, import_yaml7.isMap)(firstMap) && firstMap.items.length > 0) return firstMap.items.every((p) => quoted(p.key));
  let start = coll.srcToken.start.offset;
  return /"[ \t]*:[ \t]*$/.test(ctx.src.slice(Math.max(0, start - 200), start));
}
var isPadded = (ctx, coll) => ctx.src[coll.srcToken.start.offset + 1] === " ";
function appendItems(ctx, seq2, items, layout = {}) {
  if (seq2.flow)
    return flowInsertion(
      ctx,
      seq2,
      items.map((i) => renderFlow(i, isPadded(ctx, seq2), isJsonStyle(ctx, seq2))).join(", ")
    );
  let { dashCol, dashGap } = seqLayout(ctx, seq2), lines = renderBlockSeq({ seq: items }, dashCol, { unit: ctx.unit, compactSeq: !0, ...layout, dashGap });
  return blockInsertion(ctx, endOfBlock(ctx.src, seq2.items[seq2.items.length - 1], dashCol), lines, seq2);
}
function addPairs(ctx, mapNode, pairs, layout, after) {
  let frag = { map: pairs };
  if (mapNode.flow) {
    let json = isJsonStyle(ctx, mapNode);
    return flowInsertion(
      ctx,
      mapNode,
      pairs.map(([k, v]) => `${json ? JSON.stringify(k) : k}: ${renderFlow(v, isPadded(ctx, mapNode), json)}`).join(", ")
    );
  }
  let first = mapNode.items[0];
  if (!first) throw new InternalError("empty block mapping");
  let keyCol = columnOf(ctx.src, range(first.key)[0]), anchorPair = after !== void 0 && mapNode.items.find((p) => (0, import_yaml7.isScalar)(p.key) && p.key.value === after) || mapNode.items[mapNode.items.length - 1], anchor = anchorPair.value ?? anchorPair.key, at = anchorPair === mapNode.items[mapNode.items.length - 1] ? endOfBlock(ctx.src, anchor, keyCol) : endOfBlock(ctx.src, anchor, Number.MAX_SAFE_INTEGER);
  return blockInsertion(ctx, at, renderBlockMap(frag, keyCol, layout), mapNode);
}
function fillEmptyValue(ctx, pair, value, layout, inFlow = !1) {
  let key = pair.key;
  if (inFlow) {
    let text = renderFlow(value, !1, (0, import_yaml7.isScalar)(key) && key.type === "QUOTE_DOUBLE"), v = pair.value;
    if (v && (0, import_yaml7.isScalar)(v) && range(v)[1] > range(v)[0]) return [replaceRange(range(v)[0], range(v)[1], text)];
    let colon = ctx.src.indexOf(":", range(key)[1]);
    return [insertAt(colon + 1, ` ${text}`)];
  }
  let keyCol = columnOf(ctx.src, range(key)[0]), lines = "map" in value ? renderBlockMap(value, keyCol + layout.unit, layout) : renderBlockSeq(value, layout.compactSeq ? keyCol : keyCol + layout.unit, layout), splices = [], node = pair.value, [vs, ve] = node && (0, import_yaml7.isScalar)(node) ? range(node) : [range(key)[1], range(key)[1]];
  ve > vs && splices.push(replaceRange(ctx.src[vs - 1] === " " ? vs - 1 : vs, ve, ""));
  let eolAt = ctx.src.indexOf(`
`, ve);
  return eolAt < 0 ? eolAt = ctx.src.length : ctx.src[eolAt - 1] === "\r" && eolAt--, splices.push(insertAt(eolAt, ctx.eol + lines.join(ctx.eol))), splices;
}
function setScalar(ctx, node, value) {
  if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") return setBlockScalar(ctx, node, value);
  let [start, end] = range(node);
  return replaceRange(start, end, restyleScalar(node, value, columnOf(ctx.src, start)));
}
function setBlockScalar(ctx, node, value) {
  let [start, end] = range(node), token = node.srcToken, header = token?.props.find((t) => t.type === "block-scalar-header"), newline = token?.props.find((t) => t.type === "newline");
  if (!token || !header || !newline) throw new InternalError("block scalar without a header line");
  let contentStart = newline.offset + newline.source.length, afterHeader = ctx.src.slice(header.offset + header.source.length, contentStart), body = value.replace(/\n+$/, ""), trailing = value.length - body.length, style = header.source[0];
  if (!(!/[1-9]/.test(header.source) && trailing <= 1 && body !== "" && !/^[ \t]/.test(body) && !body.includes("\r") && (style === "|" || !body.includes(`
`)))) return replaceRange(header.offset, end, JSON.stringify(value) + afterHeader);
  let lines = ctx.src.slice(contentStart, end).split(`
`), contentLine = lines.find((l) => l.trim() !== ""), indent = contentLine ? /^ */.exec(contentLine)[0].length : token.indent + ctx.unit, keepFrom = contentStart, p = contentStart;
  for (let l of lines)
    l.trim() !== "" && (keepFrom = p + l.replace(/\r$/, "").length), p += l.length + 1;
  let text = body.split(`
`).map((l) => l === "" ? "" : " ".repeat(indent) + l).join(ctx.eol), tail = contentLine ? ctx.src.slice(keepFrom, end) : ctx.eol + ctx.src.slice(contentStart, end);
  return replaceRange(
    start,
    end,
    ctx.src.slice(start, header.offset) + style + (trailing === 0 ? "-" : "") + afterHeader + text + tail
  );
}
function removeFlowItem(ctx, seq2, index) {
  let src = ctx.src, [start, end] = range(seq2.items[index]), skipBlanks = (p) => {
    for (; src[p] === " " || src[p] === "	"; ) p++;
    return p;
  }, lineStart = lineStartOf(src, start), aloneFrom = /^[ \t]*$/.test(src.slice(lineStart, start)) ? lineStart : void 0, lineEnd = (p) => src[p] === `
` ? p + 1 : src.startsWith(`\r
`, p) ? p + 2 : void 0, after = skipBlanks(end), last = index === seq2.items.length - 1;
  if (src[after] === ",") {
    if (last) return replaceRange(start, after + 1, "");
    let eol = lineEnd(skipBlanks(after + 1));
    return aloneFrom !== void 0 && eol !== void 0 ? replaceRange(aloneFrom, eol, "") : replaceRange(start, skipBlanks(after + 1), "");
  }
  let prev = seq2.items[index - 1];
  if (!prev || !last) return replaceRange(start, end, "");
  let from = range(prev)[1], between = src.slice(from, start).replace(",", "");
  return replaceRange(from, end, between.includes(`
`) ? between : between.trimEnd());
}
function removeItem(ctx, seq2, index) {
  let item = seq2.items[index];
  if (seq2.flow) return removeFlowItem(ctx, seq2, index);
  let dash = seq2.srcToken.items.filter((i) => i.value)[index]?.start.find((t) => t.type === "seq-item-ind"), start = lineStartOf(ctx.src, dash ? dash.offset : range(item)[0]);
  return replaceRange(start, endOfBlock(ctx.src, item, Number.MAX_SAFE_INTEGER), "");
}

// src/yaml/embedded.ts
var import_yaml8 = __toESM(require_dist(), 1);
function embeddedSplices(src, eol, node, inner) {
  if (inner.length === 0) return [];
  let value = node.value;
  if (node.type !== import_yaml8.Scalar.BLOCK_LITERAL) {
    let [start, end] = node.range;
    return [replaceRange(start, end, restyleScalar(node, applySplices(value, inner), columnOf(src, start)))];
  }
  let token = node.srcToken, header = token.props.find((t) => t.type === "newline");
  if (!header) throw new InternalError("block scalar without a header line break");
  let contentStart = header.offset + header.source.length, outerStarts = [contentStart];
  for (let i = token.source.indexOf(`
`); i >= 0; i = token.source.indexOf(`
`, i + 1))
    outerStarts.push(contentStart + i + 1);
  let firstContent = /^( *)\S/m.exec(token.source), indent = firstContent ? firstContent[1].length : 0, innerStarts = [0];
  for (let i = value.indexOf(`
`); i >= 0; i = value.indexOf(`
`, i + 1)) innerStarts.push(i + 1);
  let toOuter = (offset) => {
    let line = innerStarts.length - 1;
    for (; innerStarts[line] > offset; ) line--;
    let col = offset - innerStarts[line], start = outerStarts[line];
    if (start === void 0) throw new InternalError("embedded edit past the end of its block");
    return { at: col === 0 ? start : start + indent + col, col };
  }, prefix = " ".repeat(indent);
  return inner.map((s) => {
    let from = toOuter(s.start), to = s.end === s.start ? from : toOuter(s.end), text = s.text.split(`
`).map((seg, i) => (i > 0 || from.col === 0) && seg !== "" ? prefix + seg : seg).join(eol);
    return replaceRange(from.at, to.at, text);
  });
}

// src/yaml/layout.ts
var import_yaml9 = __toESM(require_dist(), 1);
function indentUnit(src, root) {
  let unit = Number.MAX_SAFE_INTEGER, walk = (node) => {
    if ((0, import_yaml9.isCollection)(node))
      for (let item of node.items) walk(item);
    else if ((0, import_yaml9.isPair)(node)) {
      let child = node.value, key = node.key;
      if ((0, import_yaml9.isMap)(child) && !child.flow && child.items[0] && key?.range) {
        let at = key.range[0], childAt = child.items[0].key.range[0], lineStart = lineStartOf(src, at), childLineStart = lineStartOf(src, childAt), step = childAt - childLineStart - (at - lineStart);
        step > 0 && childLineStart !== lineStart && (unit = Math.min(unit, step));
      }
      walk(node.key), walk(node.value);
    }
  };
  return walk(root), unit === Number.MAX_SAFE_INTEGER ? 2 : unit;
}
function seqIsCompact(src, keyNode, seqNode) {
  if (!(!(0, import_yaml9.isSeq)(seqNode) || seqNode.flow || !keyNode.range || !seqNode.range))
    return columnOf(src, seqNode.range[0]) <= columnOf(src, keyNode.range[0]);
}
function seqDashGap(src, seqNode) {
  if (!(0, import_yaml9.isSeq)(seqNode) || seqNode.flow) return;
  let dash = seqNode.srcToken?.items.find((i) => i.value)?.start.find((t) => t.type === "seq-item-ind"), first = seqNode.items[0];
  if (!dash || !first?.range) return;
  let gap = first.range[0] - dash.offset - 1;
  return gap >= 1 && !src.slice(dash.offset + 1, first.range[0]).includes(`
`) ? gap : void 0;
}
function layoutFor(unit, compactSeq, dashGap = 1) {
  return { unit, compactSeq, dashGap };
}

// src/mtls/context.ts
function report(ctx, severity, code, message, at) {
  let offset = typeof at == "number" ? at : at?.range?.[0], pos = offset === void 0 ? {} : linePos(ctx.src, offset);
  ctx.diagnostics.push({ code, severity, message, file: ctx.file, ...pos });
}
function editContext(ctx, resource) {
  ctx.units ??= /* @__PURE__ */ new Map();
  let unit = ctx.units.get(resource.doc);
  return unit === void 0 && (unit = indentUnit(ctx.src, resource.doc.contents), ctx.units.set(resource.doc, unit)), { src: ctx.src, eol: ctx.eol, unit };
}
function plan(ctx, resource, op, ptr, display, values, reason, splices, inner) {
  let change = { resource, path: formatPath(display), op, ...values, reason };
  ctx.edits.push(inner ? { change, ptr, inner, splices } : { change, ptr, splices });
}

// src/mtls/plan-delegate.ts
var import_yaml12 = __toESM(require_dist(), 1);

// src/mtls/plan-env.ts
var import_yaml11 = __toESM(require_dist(), 1);

// src/mtls/plan-pod.ts
var import_yaml10 = __toESM(require_dist(), 1);

// src/mtls/types.ts
var VOLUME_NAME = "client-certificate";

// src/mtls/plan-pod.ts
var modeComment = (mode) => `0${mode.toString(8)}`;
function layoutIn(ectx, mapNode, siblings, fallback) {
  for (let key of siblings) {
    let pair = pairOf(mapNode, key), compact = pair && seqIsCompact(ectx.src, pair.key, pair.value);
    if (compact !== void 0) return layoutFor(ectx.unit, compact, seqDashGap(ectx.src, pair.value));
  }
  return layoutFor(ectx.unit, fallback);
}
function appendToList(ectx, owner, key, fragments, layout) {
  let pair = pairOf(owner, key), list = pair?.value;
  return (0, import_yaml10.isSeq)(list) && (list.items.length > 0 || list.flow) ? [appendItems(ectx, list, fragments, layout)] : pair && (list === null || (0, import_yaml10.isScalar)(list) && list.value === null) ? fillEmptyValue(ectx, pair, seq(...fragments), layout, owner.flow) : [addPairs(ectx, owner, [[key, seq(...fragments)]], layout)];
}
function ensureMount(ctx, res, container, podCompact) {
  let { mountPath } = ctx.options, ectx = editContext(ctx, res), mounts = container.node.get("volumeMounts", !0), mountsPtr = [...container.ptr, "volumeMounts"], ours = findItem(mounts, "name", VOLUME_NAME);
  if (ours) {
    let ptr = [...mountsPtr, ours.index], display = [...container.display, "volumeMounts", { name: VOLUME_NAME }], path = ours.node.get("mountPath", !0);
    if ((0, import_yaml10.isScalar)(path) && path.value !== mountPath) {
      let clash2 = findItem(mounts, "mountPath", mountPath);
      if (clash2) {
        report(
          ctx,
          "error",
          "CONFLICT",
          `volume "${stringAt(clash2.node, "name")}" is already mounted at ${mountPath}; ${VOLUME_NAME} needs that path (choose another with --mount-path)`,
          clash2.node
        );
        return;
      }
      plan(
        ctx,
        res.ref,
        "set",
        [...ptr, "mountPath"],
        [...display, "mountPath"],
        { before: path.value, after: mountPath },
        "mount the client certificate where the env vars point",
        [setScalar(ectx, path, mountPath)]
      );
    } else path || plan(
      ctx,
      res.ref,
      "add",
      [...ptr, "mountPath"],
      [...display, "mountPath"],
      { after: mountPath },
      "mount the client certificate where the env vars point",
      [addPairs(ectx, ours.node, [["mountPath", scalar(formatScalar(mountPath))]], layoutFor(ectx.unit, !0))]
    );
    let ro = ours.node.get("readOnly", !0);
    ro ? (0, import_yaml10.isScalar)(ro) && ro.value !== !0 && plan(
      ctx,
      res.ref,
      "set",
      [...ptr, "readOnly"],
      [...display, "readOnly"],
      { before: ro.value, after: !0 },
      "the certificate mount is read-only",
      [replaceRange(ro.range[0], ro.range[1], "true")]
    ) : plan(
      ctx,
      res.ref,
      "add",
      [...ptr, "readOnly"],
      [...display, "readOnly"],
      { after: !0 },
      "the certificate mount is read-only",
      [addPairs(ectx, ours.node, [["readOnly", scalar("true")]], layoutFor(ectx.unit, !0))]
    );
    return;
  }
  let clash = findItem(mounts, "mountPath", mountPath);
  if (clash) {
    report(
      ctx,
      "error",
      "CONFLICT",
      `volume "${stringAt(clash.node, "name")}" is already mounted at ${mountPath}; ${VOLUME_NAME} needs that path (choose another with --mount-path)`,
      clash.node
    );
    return;
  }
  let item = map(
    ["name", scalar(VOLUME_NAME)],
    ["mountPath", scalar(formatScalar(mountPath))],
    ["readOnly", scalar("true")]
  ), layout = layoutIn(ectx, container.node, ["env", "envFrom", "ports"], podCompact), after = { name: VOLUME_NAME, mountPath, readOnly: !0 };
  plan(
    ctx,
    res.ref,
    "append",
    mountsPtr,
    [...container.display, "volumeMounts"],
    { after },
    "mount the client certificate Secret",
    appendToList(ectx, container.node, "volumeMounts", [item], layout)
  );
}
function runsAsNonRoot(pod, container, doc) {
  for (let owner of [container, pod]) {
    let node = owner.get("securityContext", !0), sc = doc && (0, import_yaml10.isAlias)(node) ? node.resolve(doc) : node;
    if (!(0, import_yaml10.isMap)(sc)) continue;
    let v = doc ? sc.toJS(doc) : sc.toJSON();
    if (typeof v.runAsUser == "number") return v.runAsUser !== 0;
    if (v.runAsNonRoot === !0) return !0;
  }
  return !1;
}
function ensureVolume(ctx, res, pod, secretName, mode) {
  let ectx = editContext(ctx, res), volumes = pod.node.get("volumes", !0), volumesPtr = [...pod.ptr, "volumes"], ours = findItem(volumes, "name", VOLUME_NAME);
  if (!ours) {
    let misnamed = findItem(volumes, "name", "config-certificate");
    if (misnamed && (0, import_yaml10.isMap)(misnamed.node.get("secret", !0)) && !mountedAnywhere(pod.node, "config-certificate")) {
      let nameNode2 = misnamed.node.get("name", !0);
      plan(
        ctx,
        res.ref,
        "set",
        [...volumesPtr, misnamed.index, "name"],
        [...pod.display, "volumes", { name: "config-certificate" }, "name"],
        { before: "config-certificate", after: VOLUME_NAME },
        `the mount is named ${VOLUME_NAME}; a volume named config-certificate (Harness 2023 docs) leaves the pod unable to start`,
        [setScalar(ectx, nameNode2, VOLUME_NAME)]
      ), ours = misnamed;
    }
  }
  if (!ours) {
    let secret2 = map(
      ["secretName", scalar(formatScalar(secretName))],
      ["defaultMode", scalar(String(mode), modeComment(mode))]
    ), item = map(["name", scalar(VOLUME_NAME)], ["secret", secret2]), layout = layoutIn(ectx, pod.node, ["containers", "initContainers"], !0), after = { name: VOLUME_NAME, secret: { secretName, defaultMode: mode } };
    return plan(
      ctx,
      res.ref,
      "append",
      volumesPtr,
      [...pod.display, "volumes"],
      { after },
      `client certificate from Secret ${secretName}, mode ${modeComment(mode)}`,
      appendToList(ectx, pod.node, "volumes", [item], layout)
    ), secretName;
  }
  let ptr = [...volumesPtr, ours.index], display = [...pod.display, "volumes", { name: VOLUME_NAME }], secret = ours.node.get("secret", !0);
  if (!(0, import_yaml10.isMap)(secret)) {
    let source = ours.node.items.map((p) => (0, import_yaml10.isScalar)(p.key) ? String(p.key.value) : "").find((k) => k !== "name" && k !== ""), what = source ? `a ${source} volume` : "a volume without a source";
    return report(
      ctx,
      "error",
      "CONFLICT",
      `volume "${VOLUME_NAME}" exists but is ${what}; delegate-mtls needs it to be a secret volume holding the client certificate Secret`,
      ours.node
    ), secretName;
  }
  let nameNode = secret.get("secretName", !0), effective = secretName;
  if (!(0, import_yaml10.isScalar)(nameNode) || typeof nameNode.value != "string")
    plan(
      ctx,
      res.ref,
      "add",
      [...ptr, "secret", "secretName"],
      [...display, "secret", "secretName"],
      { after: secretName },
      "name the client certificate Secret",
      [addPairs(ectx, secret, [["secretName", scalar(formatScalar(secretName))]], layoutFor(ectx.unit, !0))]
    );
  else if (nameNode.value !== secretName && (ctx.options.secretNameExplicit || isDelegateToken(nameNode.value))) {
    let reason = ctx.options.secretNameExplicit ? "--secret-name was given" : `${nameNode.value} is the delegate token Secret, not the client certificate (a Harness 2023 doc bug)`;
    plan(
      ctx,
      res.ref,
      "set",
      [...ptr, "secret", "secretName"],
      [...display, "secret", "secretName"],
      { before: nameNode.value, after: secretName },
      reason,
      [setScalar(ectx, nameNode, secretName)]
    );
  } else
    effective = nameNode.value;
  let modeNode = secret.get("defaultMode", !0);
  if (!modeNode)
    plan(
      ctx,
      res.ref,
      "add",
      [...ptr, "secret", "defaultMode"],
      [...display, "secret", "defaultMode"],
      { after: mode },
      `without a mode the key is world-readable (0644); ${modeComment(mode)} keeps it private`,
      [
        addPairs(
          ectx,
          secret,
          [["defaultMode", scalar(String(mode), modeComment(mode))]],
          layoutFor(ectx.unit, !0),
          "secretName"
        )
      ]
    );
  else if ((0, import_yaml10.isScalar)(modeNode) && modeNode.value !== 256 && modeNode.value !== 288) {
    let reason = modeNode.value === 400 && !/^0/.test(modeNode.source ?? "") ? `defaultMode: 400 is decimal (octal 0620, group-writable); ${modeComment(mode)} was meant` : `the key must be readable by the delegate only (${modeComment(mode)})`;
    plan(
      ctx,
      res.ref,
      "set",
      [...ptr, "secret", "defaultMode"],
      [...display, "secret", "defaultMode"],
      { before: modeNode.value, after: mode },
      reason,
      [setMode(ectx, modeNode, mode, secret.flow === !0)]
    );
  }
  return effective;
}
var isDelegateToken = (secretName) => /-account-token$/.test(secretName);
function setMode(ectx, node, mode, inFlow) {
  let [start, end] = node.range, lineEnd = ectx.src.indexOf(`
`, end), rest = ectx.src.slice(end, lineEnd < 0 ? ectx.src.length : lineEnd);
  return replaceRange(start, end, inFlow || /#/.test(rest) ? String(mode) : `${mode} # ${modeComment(mode)}`);
}
function mountedAnywhere(pod, volume) {
  for (let key of ["containers", "initContainers"]) {
    let list = pod.get(key, !0);
    if ((0, import_yaml10.isSeq)(list)) {
      for (let c of list.items)
        if (findItem((0, import_yaml10.isMap)(c) ? c.get("volumeMounts", !0) : void 0, "name", volume)) return !0;
    }
  }
  return !1;
}

// src/mtls/scope.ts
var GroupEscape = class extends Error {
  constructor(documents) {
    super(`planning needs documents ${documents.join(", ")} of the stream`);
    this.documents = documents;
  }
  documents;
};
function indexByName(resources) {
  let map2 = /* @__PURE__ */ new Map();
  for (let r of resources) {
    let list = map2.get(r.ref.name);
    list ? list.push(r) : map2.set(r.ref.name, [r]);
  }
  return map2;
}
function findResource(ctx, name, matches) {
  if (!ctx.scope)
    return ctx.byName ??= indexByName(ctx.resources), ctx.byName.get(name)?.find(matches);
  let hit = ctx.scope.byName.get(name)?.find(matches);
  if (!hit) return;
  let member = ctx.scope.members.get(hit.ref.document);
  if (!member) throw new GroupEscape([hit.ref.document]);
  return member;
}
function requireDelegatesNamed(ctx, name) {
  if (!ctx.scope) return;
  let outside = ctx.scope.delegates.filter(
    (r) => (r.ref.name ?? "delegate") === name && !ctx.scope.members.has(r.ref.document)
  );
  if (outside.length > 0) throw new GroupEscape(outside.map((r) => r.ref.document));
}
function requireDelegatesInNamespace(ctx, namespace) {
  if (!ctx.scope) return;
  let outside = ctx.scope.delegates.filter((r) => r.ref.namespace === namespace && !ctx.scope.members.has(r.ref.document)).map((r) => r.ref.document);
  if (outside.length > 0) throw new GroupEscape(outside);
}
function deploymentNames(ctx) {
  return ctx.scope?.deployments ?? namesOfDeployments(ctx.resources);
}
var namesOfDeployments = (resources) => new Set(resources.filter((r) => r.ref.kind === "Deployment").map((r) => r.ref.name));

// src/mtls/plan-env.ts
function wantedEnv(ctx) {
  let { endpoint: e, mountPath: m, tiService, grpcAuthority } = ctx.options, list = [
    { name: "MANAGER_HOST_AND_PORT", value: e, kind: "endpoint", addIfMissing: !0, reason: "the mTLS endpoint" },
    {
      name: "LOG_STREAMING_SERVICE_URL",
      value: `${e}/log-service/`,
      kind: "endpoint",
      addIfMissing: !1,
      reason: "log streaming through the mTLS endpoint"
    },
    {
      name: "TI_SERVICE_URL",
      value: `${e}/ti-service/`,
      kind: "endpoint",
      addIfMissing: tiService,
      reason: "test intelligence through the mTLS endpoint"
    },
    {
      name: "DELEGATE_CLIENT_CERTIFICATE_PATH",
      value: `${m}/client.crt`,
      kind: "owned",
      addIfMissing: !0,
      oldName: "CLIENT_CERTIFICATE_PATH",
      reason: "where the delegate reads its client certificate"
    },
    {
      name: "DELEGATE_CLIENT_CERTIFICATE_KEY_PATH",
      value: `${m}/client.key`,
      kind: "owned",
      addIfMissing: !0,
      oldName: "CLIENT_CERTIFICATE_KEY_PATH",
      reason: "where the delegate reads its client key"
    }
  ];
  return grpcAuthority && list.push({
    name: "GRPC_AUTHORITY_MODIFICATION_DISABLED",
    value: "true",
    kind: "owned",
    addIfMissing: !0,
    reason: "the delegate gateway routes gRPC on the original authority"
  }), list;
}
function envFromConfigMaps(container) {
  let envFrom = container.get("envFrom", !0);
  return (0, import_yaml11.isSeq)(envFrom) ? envFrom.items.map((i) => stringAt(lookup(i, ["configMapRef"]), "name")).filter((n) => n !== void 0) : [];
}
function patchConfigMapKey(ctx, configMapName, namespace, key, value, reason) {
  let cm = findResource(
    ctx,
    configMapName,
    (r) => r.ref.kind === "ConfigMap" && (namespace === void 0 || r.ref.namespace === void 0 || r.ref.namespace === namespace)
  );
  if (!cm) return "absent";
  let node = lookup(cm.doc.contents, ["data", key]);
  return (0, import_yaml11.isScalar)(node) ? (node.value !== value && plan(
    ctx,
    cm.ref,
    "set",
    ["data", key],
    ["data", key],
    { before: node.value, after: value },
    `${reason} (the delegate reads it from this ConfigMap)`,
    [setScalar(editContext(ctx, cm), node, value)]
  ), "patched") : "missing-key";
}
function ensureEnv(ctx, res, container, podCompact) {
  let ectx = editContext(ctx, res), env = container.node.get("env", !0), envPtr = [...container.ptr, "env"], envDisplay = [...container.display, "env"], appended = [];
  for (let want of wantedEnv(ctx)) {
    let found = findItem(env, "name", want.name), old = want.oldName ? findItem(env, "name", want.oldName) : void 0, entry = found ?? old;
    if (entry) {
      let ptr = [...envPtr, entry.index], display = [...envDisplay, { name: found ? want.name : want.oldName }];
      if (!found && old) {
        let nameNode = old.node.get("name", !0);
        plan(
          ctx,
          res.ref,
          "set",
          [...ptr, "name"],
          [...display, "name"],
          { before: want.oldName, after: want.name },
          `the delegate reads only ${want.name}; ${want.oldName} is ignored`,
          [setScalar(ectx, nameNode, want.name)]
        );
      } else found && old && (0, import_yaml11.isSeq)(env) && plan(
        ctx,
        res.ref,
        "remove",
        [...envPtr, old.index],
        [...envDisplay, { name: want.oldName }],
        { before: old.node.toJSON() },
        `${want.oldName} is ignored by the delegate; ${want.name} is set`,
        [removeItem(ectx, env, old.index)]
      );
      let valueNode = entry.node.get("value", !0), valueFrom = entry.node.get("valueFrom", !0);
      if ((0, import_yaml11.isScalar)(valueNode))
        valueNode.value !== want.value && plan(
          ctx,
          res.ref,
          "set",
          [...ptr, "value"],
          [...display, "value"],
          { before: valueNode.value, after: want.value },
          want.reason,
          [setScalar(ectx, valueNode, want.value)]
        );
      else if ((0, import_yaml11.isMap)(valueFrom)) {
        let at = pairOf(entry.node, "valueFrom")?.key ?? valueFrom, ref = valueFrom.get("configMapKeyRef", !0), cmName = stringAt(ref, "name"), cmKey = stringAt(ref, "key");
        want.kind === "owned" ? report(
          ctx,
          "error",
          "CONFLICT",
          `${want.name} is set through valueFrom; delegate-mtls must set it to "${want.value}" inline (remove the valueFrom)`,
          at
        ) : (!cmName || !cmKey || patchConfigMapKey(ctx, cmName, res.ref.namespace, cmKey, want.value, want.reason) !== "patched") && report(
          ctx,
          "warning",
          "NOT_CHANGED",
          `${want.name} comes from ${cmName ? `ConfigMap ${cmName}` : "valueFrom"}, which is not in the input: set it to "${want.value}" there`,
          at
        );
      } else
        plan(ctx, res.ref, "add", [...ptr, "value"], [...display, "value"], { after: want.value }, want.reason, [
          addPairs(
            ectx,
            entry.node,
            [["value", scalar(formatScalar(want.value, "double"))]],
            layoutFor(ectx.unit, !0)
          )
        ]);
      continue;
    }
    if (want.kind === "endpoint") {
      let outcomes = envFromConfigMaps(container.node).map((cm) => ({
        cm,
        outcome: patchConfigMapKey(ctx, cm, res.ref.namespace, want.name, want.value, want.reason)
      }));
      if (outcomes.some((o) => o.outcome === "patched")) continue;
      let unseen = outcomes.filter((o) => o.outcome === "absent").map((o) => o.cm);
      if (unseen.length > 0) {
        want.addIfMissing && report(
          ctx,
          "warning",
          "NOT_CHANGED",
          `${want.name} may come from ConfigMap ${unseen.join(", ")} (envFrom), which is not in the input: set it to "${want.value}" there, or add the ConfigMap to the input`,
          container.node.get("envFrom", !0) ?? container.node
        );
        continue;
      }
      if (!want.addIfMissing) continue;
      want.name === "MANAGER_HOST_AND_PORT" && report(ctx, "warning", "ADDED_ENDPOINT", `the delegate container had no ${want.name}; added it`, container.node);
    } else if (!want.addIfMissing) continue;
    appended.push(map(["name", scalar(want.name)], ["value", scalar(formatScalar(want.value, "double"))])), plan(ctx, res.ref, "append", envPtr, envDisplay, { after: { name: want.name, value: want.value } }, want.reason, []);
  }
  if (appended.length > 0) {
    let layout = layoutIn(ectx, container.node, ["env", "envFrom", "volumeMounts", "ports"], podCompact), splices = appendToList(ectx, container.node, "env", appended, layout);
    ctx.edits[ctx.edits.length - 1].splices.push(...splices);
  }
}

// src/mtls/plan-delegate.ts
var secretNameFor = (ctx, delegateName) => ctx.options.secretName.replaceAll("{delegate}", delegateName);
function locateContainer(ctx, podPath, pod, index) {
  let containers = pod.get("containers", !0), node = containers.items[index], name = stringAt(node, "name"), keyNode = pairOf(pod, "containers").key;
  return {
    container: {
      node,
      ptr: [...podPath, "containers", index],
      display: [...podPath, "containers", name !== void 0 ? { name } : index]
    },
    podCompact: seqIsCompact(ctx.src, keyNode, containers) ?? !0
  };
}
function planDelegate(ctx, res) {
  let pod = lookup(res.doc.contents, res.podPath), { container, podCompact } = locateContainer(ctx, res.podPath, pod, res.container), delegateName = res.ref.name ?? "delegate", image = container.node.get("image", !0), imageRef = stringAt(container.node, "image") ?? "", tag = classifyTag(imageRef);
  tag === "unverifiable" ? report(
    ctx,
    "warning",
    "IMAGE",
    `cannot tell from image "${imageRef}" whether this is an immutable delegate (yy.mm.xxxxx); mTLS needs one`,
    image ?? container.node
  ) : tag === "early-immutable" && report(
    ctx,
    "warning",
    "IMAGE",
    `image "${imageRef}" is an early immutable build that may predate mTLS support (22.07); upgrade the delegate`,
    image
  ), ensureEnv(ctx, res, container, podCompact), ensureMount(ctx, res, container, podCompact);
  let nonRoot = runsAsNonRoot(pod, container.node, res.doc), mode = nonRoot ? 288 : 256;
  if (nonRoot) {
    let sc = pod.get("securityContext", !0);
    (!(0, import_yaml12.isMap)(sc) || sc.get("fsGroup") === void 0) && report(
      ctx,
      "warning",
      "NON_ROOT",
      `the delegate runs as a non-root user and the pod sets no fsGroup: the key (mode ${modeComment(mode)}, owned by root) will not be readable; set spec.template.spec.securityContext.fsGroup`,
      container.node
    );
  }
  let podLoc = { node: pod, ptr: res.podPath, display: res.podPath }, effective = ensureVolume(ctx, res, podLoc, secretNameFor(ctx, delegateName), mode);
  ctx.secretByDelegate.set(delegateName, effective), ctx.modeByDelegate.set(delegateName, mode);
}

// src/mtls/plan-upgrader.ts
var CONFIG_PTR = ["data", "config.yaml"];
function configDelegateName(text, resourceName) {
  let m = /^workloadName:[ \t]*["']?([^"'\s#]+)/m.exec(text);
  return m ? m[1] : (resourceName ?? "delegate").replace(/-upgrader-config$/, "");
}
function planUpgraderConfig(ctx, res) {
  let node = res.config, text = node.value, doc = (0, import_yaml13.parseDocument)(text, K8S_PARSE), at = (offset) => {
    let outer2 = linePos(ctx.src, node.range[0]), inner = linePos(text, offset);
    return { line: outer2.line + inner.line, col: inner.col };
  };
  if (doc.errors.length > 0) {
    let e = doc.errors[0];
    ctx.diagnostics.push({
      code: "YAML_SYNTAX",
      severity: "error",
      message: `invalid YAML in data."config.yaml": ${e.message.split(`
`)[0]}`,
      file: ctx.file,
      ...at(e.pos[0])
    });
    return;
  }
  let root = doc.contents, decoded = doc.toJS();
  for (let problem of validate("upgraderConfig", decoded)) {
    let target = lookup(root, problem.path) ?? root;
    ctx.diagnostics.push({
      code: "SCHEMA",
      severity: "error",
      message: `data."config.yaml" ${problem.path.join(".")} ${problem.message}`.replace("  ", " "),
      file: ctx.file,
      ...at(target?.range?.[0] ?? 0)
    });
  }
  if (!(0, import_yaml13.isMap)(root)) return;
  let ictx = { src: text, eol: `
`, unit: indentUnit(text, root) }, first = ctx.edits.length, { endpoint, mountPath } = ctx.options, edit = (op, inner, values, reason, splice) => plan(ctx, res.ref, op, CONFIG_PTR, [...CONFIG_PTR, ...inner], values, reason, [splice], inner), delegateConfig = root.get("delegateConfig", !0), flatHost = root.get("managerHost", !0);
  if ((0, import_yaml13.isMap)(delegateConfig)) {
    let host = delegateConfig.get("managerHost", !0);
    (0, import_yaml13.isScalar)(host) ? host.value !== endpoint && edit(
      "set",
      ["delegateConfig", "managerHost"],
      { before: host.value, after: endpoint },
      "the upgrader talks to the mTLS endpoint",
      setScalar(ictx, host, endpoint)
    ) : edit(
      "add",
      ["delegateConfig", "managerHost"],
      { after: endpoint },
      "the upgrader talks to the mTLS endpoint",
      addPairs(ictx, delegateConfig, [["managerHost", scalar(formatScalar(endpoint))]], layoutFor(ictx.unit, !0))
    );
  } else (0, import_yaml13.isScalar)(flatHost) ? flatHost.value !== endpoint && edit(
    "set",
    ["managerHost"],
    { before: flatHost.value, after: endpoint },
    "the upgrader talks to the mTLS endpoint",
    setScalar(ictx, flatHost, endpoint)
  ) : report(
    ctx,
    "warning",
    "NOT_CHANGED",
    "the upgrader config has no delegateConfig.managerHost; add it with the mTLS endpoint",
    node
  );
  let paths = [
    ["clientCertificateFilePath", `${mountPath}/client.crt`],
    ["clientCertificateKeyFilePath", `${mountPath}/client.key`]
  ], missing = [];
  for (let [key, value] of paths) {
    let existing = root.get(key, !0);
    (0, import_yaml13.isScalar)(existing) ? existing.value !== value && edit(
      "set",
      [key],
      { before: existing.value, after: value },
      "the upgrader reads the client certificate here",
      setScalar(ictx, existing, value)
    ) : missing.push([key, value]), (0, import_yaml13.isMap)(delegateConfig) && delegateConfig.has(key) && report(
      ctx,
      "warning",
      "LINT",
      `${key} under delegateConfig is ignored by the upgrader; it belongs at the top level of config.yaml`,
      node
    );
  }
  if (missing.length > 0) {
    let after = pairOf(root, "containerName") ? "containerName" : void 0, splice = addPairs(
      ictx,
      root,
      missing.map(([k, v]) => [k, scalar(formatScalar(v))]),
      layoutFor(ictx.unit, !0),
      after
    );
    missing.forEach(
      ([key, value], i) => edit(
        "add",
        [key],
        { after: value },
        "the upgrader reads the client certificate here",
        i === 0 ? splice : { start: splice.start, end: splice.end, text: "" }
      )
    );
  }
  let edits = ctx.edits.slice(first), outer = embeddedSplices(
    ctx.src,
    ctx.eol,
    node,
    edits.flatMap((e) => e.splices).filter((s) => s.text !== "" || s.end > s.start)
  );
  edits.forEach((e, i) => {
    e.splices = i === 0 ? outer : [], e.embedded = { text, value: decoded };
  });
}
function planUpgraderCronJob(ctx, res) {
  let pod = lookup(res.doc.contents, res.podPath), { container, podCompact } = locateContainer(ctx, res.podPath, pod, res.container), delegateName = cronJobDelegateName(ctx, pod, res.ref.name);
  requireDelegatesNamed(ctx, delegateName);
  let secretName = ctx.secretByDelegate.get(delegateName) ?? secretNameFor(ctx, delegateName), mode = ctx.modeByDelegate.get(delegateName) ?? (runsAsNonRoot(pod, container.node, res.doc) ? 288 : 256);
  ensureMount(ctx, res, container, podCompact);
  let podLoc = { node: pod, ptr: res.podPath, display: res.podPath };
  ensureVolume(ctx, res, podLoc, secretName, mode);
}
function cronJobDelegateName(ctx, pod, name) {
  let volumes = pod.get("volumes", !0);
  if ((0, import_yaml13.isSeq)(volumes))
    for (let v of volumes.items) {
      let cmName = stringAt(lookup(v, ["configMap"]), "name"), cm = findResource(ctx, cmName, (r) => r.type === "upgrader-config");
      if (cm && cm.type === "upgrader-config") return configDelegateName(cm.config.value, cm.ref.name);
    }
  return (name ?? "delegate").replace(/-upgrader-job$/, "");
}

// src/mtls/plan-compose.ts
var import_yaml15 = __toESM(require_dist(), 1);

// src/yaml/edit-pairs.ts
var import_yaml14 = __toESM(require_dist(), 1);
var range2 = (node) => {
  if (!node.range) throw new InternalError("node without a source range");
  return node.range;
};
function setPairValue(ctx, pair, value, formatted) {
  let node = pair.value;
  if (node && (0, import_yaml14.isScalar)(node) && node.range && node.range[1] > node.range[0]) return setScalar(ctx, node, value);
  let keyEnd = range2(pair.key)[1], colon = ctx.src.indexOf(":", keyEnd);
  if (colon < 0) throw new InternalError("mapping key without a colon");
  return insertAt(colon + 1, ` ${formatted}`);
}
function removeLines(ctx, start, end) {
  if (end === ctx.src.length && ctx.src.length > 0 && !ctx.src.endsWith(`
`) && start > 0) {
    let cut = ctx.src[start - 2] === "\r" ? start - 2 : start - 1;
    return replaceRange(cut, end, "");
  }
  return replaceRange(start, end, "");
}
function pairLines(ctx, mapNode, pair) {
  if (mapNode.flow) throw new InternalError("cannot remove a pair from a flow mapping");
  let key = pair.key, keyStart = range2(key)[0], start = lineStartOf(ctx.src, keyStart);
  if (ctx.src.slice(start, keyStart).trim() !== "") throw new InternalError("the key does not start its line");
  let value = pair.value, last = value && value.range && value.range[1] > value.range[0] ? value : key;
  return [start, endOfBlock(ctx.src, last, columnOf(ctx.src, keyStart) + 1)];
}
function removePair(ctx, mapNode, pair) {
  let [start, end] = pairLines(ctx, mapNode, pair);
  return removeLines(ctx, start, end);
}
function itemLines(ctx, seq2, index) {
  if (seq2.flow) throw new InternalError("not a block sequence");
  let item = seq2.items[index], dash = seq2.srcToken.items.filter((i) => i.value)[index]?.start.find((t) => t.type === "seq-item-ind");
  return [lineStartOf(ctx.src, dash ? dash.offset : range2(item)[0]), endOfBlock(ctx.src, item, Number.MAX_SAFE_INTEGER)];
}
function lineRemovals(ctx, ranges) {
  let sorted = [...ranges].sort((a, b) => a[0] - b[0]), merged = [];
  for (let [s, e] of sorted) {
    let last = merged[merged.length - 1];
    last && s <= last[1] ? last[1] = Math.max(last[1], e) : merged.push([s, e]);
  }
  return merged.map(([s, e]) => removeLines(ctx, s, e));
}
function keepFlowItems(ctx, seq2, keep) {
  let token = seq2.srcToken, open = token.start.offset, close = token.end.find((t) => t.type === "flow-seq-end");
  if (!close) throw new InternalError("unterminated flow sequence");
  let texts = keep.map((i) => {
    let [s, e] = range2(seq2.items[i]);
    return ctx.src.slice(s, e);
  }), padded = ctx.src[open + 1] === " ", inner = texts.length === 0 ? padded ? " " : "" : padded ? ` ${texts.join(", ")} ` : texts.join(", ");
  return replaceRange(open + 1, close.offset, inner);
}

// src/mtls/plan-compose.ts
var DEFAULT_CERT_PATH = "./client.crt", DEFAULT_KEY_PATH = "./client.key", isHostPath = (p) => /^(\/|\.{1,2}\/|~\/|[A-Za-z]:[\\/])/.test(p);
function composeHostPaths(opts) {
  let out = {};
  for (let [key, flag] of [
    ["certPath", "--cert-path"],
    ["keyPath", "--key-path"]
  ]) {
    let v = opts[key];
    if (v !== void 0) {
      if (!isHostPath(v) || /[:\s]/.test(v.replace(/^[A-Za-z]:/, "")))
        throw new UsageError(
          `${flag} "${v}" must be a host path such as ./client.crt or /etc/harness/client.crt (a bare name is a named volume in compose; no ':' or spaces)`
        );
      out[key] = v;
    }
  }
  return out;
}
function parseShortVolume(text) {
  let parts = text.split(":");
  if (parts.length >= 2 && /^[A-Za-z]$/.test(parts[0]) && /^[\\/]/.test(parts[1]) && parts.splice(0, 2, `${parts[0]}:${parts[1]}`), parts.length === 1) return { target: parts[0] };
  let out = { source: parts[0], target: parts[1] };
  return parts[2] !== void 0 && (out.mode = parts.slice(2).join(":")), out;
}
var trimSlash = (p) => p.length > 1 ? p.replace(/\/+$/, "") : p;
function composeVolumes(service) {
  let vols = service.get("volumes", !0);
  if (!(0, import_yaml15.isSeq)(vols)) return [];
  let out = [];
  return vols.items.forEach((item, index) => {
    if ((0, import_yaml15.isScalar)(item) && typeof item.value == "string") {
      let v = parseShortVolume(item.value), entry = {
        index,
        node: item,
        target: trimSlash(v.target),
        readOnly: (v.mode ?? "").split(",").includes("ro")
      };
      v.source !== void 0 && (entry.source = v.source), v.mode !== void 0 && (entry.mode = v.mode), out.push(entry);
    } else if ((0, import_yaml15.isMap)(item)) {
      let target = stringAt(item, "target");
      if (target === void 0) return;
      let entry = {
        index,
        node: item,
        target: trimSlash(target),
        readOnly: item.get("read_only") === !0
      }, source = stringAt(item, "source");
      source !== void 0 && (entry.source = source), out.push(entry);
    }
  }), out;
}
function planCompose(ctx, res) {
  for (let d of res.delegates) {
    let image = d.node.get("image", !0), ref = stringAt(d.node, "image") ?? "", tag = classifyTag(ref);
    tag === "unverifiable" ? report(
      ctx,
      "warning",
      "IMAGE",
      `service ${d.service}: cannot tell from image "${ref}" whether this is an immutable delegate (yy.mm.xxxxx); mTLS needs one`,
      image ?? d.node
    ) : tag === "early-immutable" && report(
      ctx,
      "warning",
      "IMAGE",
      `service ${d.service}: image "${ref}" is an early immutable build that may predate mTLS support (22.07); upgrade the delegate`,
      image
    ), ensureComposeEnv(ctx, res, d), ensureComposeMounts(ctx, res, d);
  }
  for (let u of res.upgraders)
    report(
      ctx,
      "warning",
      "UNSUPPORTED",
      `service ${u.service} is the Docker upgrader, which has no documented mTLS settings: left unchanged (under STRICT it cannot reach Harness; upgrade this delegate by hand)`,
      u.node
    );
}
function ensureComposeEnv(ctx, res, d) {
  let ectx = editContext(ctx, res), envPtr = [...["services", d.service], "environment"], envDisplay = [...envPtr], envNode = d.node.get("environment", !0), { form, entries } = composeEnv(d.node), hasEnvFile = d.node.has("env_file"), appended = [];
  for (let want of wantedEnv(ctx)) {
    let found = entries.find((e) => e.name === want.name), old = want.oldName ? entries.find((e) => e.name === want.oldName) : void 0, entry = found ?? old;
    if (!entry) {
      if (!want.addIfMissing) continue;
      if (want.kind === "endpoint" && want.name === "MANAGER_HOST_AND_PORT") {
        if (hasEnvFile) {
          report(
            ctx,
            "warning",
            "NOT_CHANGED",
            `service ${d.service}: ${want.name} may come from its env_file, which is not in the input: set it to "${want.value}" there`,
            d.node.get("env_file", !0)
          );
          continue;
        }
        report(ctx, "warning", "ADDED_ENDPOINT", `service ${d.service} had no ${want.name}; added it`, d.node);
      }
      appended.push({ name: want.name, value: want.value, reason: want.reason });
      continue;
    }
    let display = [...envDisplay, { name: entry.name }];
    if (found && old) {
      let reason2 = `${want.oldName} is ignored by the delegate; ${want.name} is set`;
      form === "list" ? plan(
        ctx,
        res.ref,
        "remove",
        [...envPtr, old.index],
        display.slice(0, -1).concat({ name: old.name }),
        { before: `${old.name}${old.value === void 0 ? "" : `=${old.value}`}` },
        reason2,
        [removeItem(ectx, envNode, old.index)]
      ) : plan(
        ctx,
        res.ref,
        "remove",
        [...envPtr, old.name],
        [...envPtr, old.name],
        { before: old.value ?? null },
        reason2,
        [removePair(ectx, envNode, pairOf(envNode, old.name))]
      );
    }
    if (entry.value === void 0 && want.kind === "endpoint") {
      report(
        ctx,
        "warning",
        "NOT_CHANGED",
        `service ${d.service}: ${want.name} is passed through from the host environment: set it to "${want.value}" there (or in .env)`,
        entry.node
      );
      continue;
    }
    if (entry.value !== void 0 && want.kind === "endpoint" && /\$\{?[A-Za-z_]/.test(entry.value)) {
      report(
        ctx,
        "warning",
        "NOT_CHANGED",
        `service ${d.service}: ${want.name} comes from a variable (${entry.value}): set it to "${want.value}" in .env or the shell`,
        entry.node
      );
      continue;
    }
    let renamed = entry !== found;
    if (!renamed && entry.value === want.value) continue;
    let reason = renamed ? `the delegate reads only ${want.name}; ${want.oldName} is ignored` : want.reason;
    if (form === "list") {
      let text = `${want.name}=${want.value}`, before = `${entry.name}${entry.value === void 0 ? "" : `=${entry.value}`}`;
      plan(
        ctx,
        res.ref,
        "set",
        [...envPtr, entry.index],
        [...envDisplay, { name: want.name }],
        { before, after: text },
        reason,
        [setScalar(ectx, entry.node, text)]
      );
    } else {
      let pair = pairOf(envNode, entry.name), valueSplice = setPairValue(ectx, pair, want.value, formatScalar(want.value));
      renamed ? (plan(
        ctx,
        res.ref,
        "remove",
        [...envPtr, entry.name],
        [...envPtr, entry.name],
        { before: entry.value ?? null },
        reason,
        [setScalar(ectx, pair.key, want.name)]
      ), plan(
        ctx,
        res.ref,
        "add",
        [...envPtr, want.name],
        [...envPtr, want.name],
        { after: want.value },
        reason,
        entry.value === want.value ? [] : [valueSplice]
      )) : plan(
        ctx,
        res.ref,
        "set",
        [...envPtr, entry.name],
        [...envPtr, entry.name],
        { before: entry.value ?? null, after: want.value },
        reason,
        [valueSplice]
      );
    }
  }
  if (appended.length === 0) return;
  if (form === "map") {
    let envMap = envNode;
    for (let a of appended)
      plan(ctx, res.ref, "add", [...envPtr, a.name], [...envPtr, a.name], { after: a.value }, a.reason, []);
    ctx.edits[ctx.edits.length - 1].splices.push(
      addPairs(
        ectx,
        envMap,
        appended.map((a) => [a.name, scalar(formatScalar(a.value))]),
        layoutFor(ectx.unit, !0)
      )
    );
    return;
  }
  let lastItem = (0, import_yaml15.isSeq)(envNode) ? envNode.items[envNode.items.length - 1] : void 0, style = (0, import_yaml15.isScalar)(lastItem) && lastItem.type === import_yaml15.Scalar.QUOTE_DOUBLE ? "double" : "plain", frags = appended.map((a) => scalar(formatScalar(`${a.name}=${a.value}`, style)));
  for (let a of appended)
    plan(ctx, res.ref, "append", envPtr, envDisplay, { after: `${a.name}=${a.value}` }, a.reason, []);
  let layout = layoutIn(ectx, d.node, ["environment", "volumes", "ports"], !1);
  ctx.edits[ctx.edits.length - 1].splices.push(...appendToList(ectx, d.node, "environment", frags, layout));
}
function ensureComposeMounts(ctx, res, d) {
  let ectx = editContext(ctx, res), m = ctx.options.mountPath, volPtr = ["services", d.service, "volumes"], volumes = composeVolumes(d.node), wanted = [
    { target: `${m}/client.crt`, source: ctx.options.certPath ?? DEFAULT_CERT_PATH, what: "client certificate" },
    { target: `${m}/client.key`, source: ctx.options.keyPath ?? DEFAULT_KEY_PATH, what: "client key" }
  ], seen = /* @__PURE__ */ new Set(), appended = [];
  for (let w of wanted) {
    let existing = volumes.find((v) => v.target === w.target) ?? volumes.find((v) => v.target === m);
    if (!existing) {
      appended.push(`${w.source}:${w.target}:ro`);
      continue;
    }
    if (existing.readOnly || seen.has(existing.index)) continue;
    seen.add(existing.index);
    let reason = `the ${w.what} mount is read-only`;
    if ((0, import_yaml15.isScalar)(existing.node)) {
      let modes = (existing.mode ?? "").split(",").filter((x) => x !== "" && x !== "rw"), before = String(existing.node.value), after = `${existing.source ?? ""}:${existing.target}:${["ro", ...modes].join(",")}`;
      plan(ctx, res.ref, "set", [...volPtr, existing.index], [...volPtr, existing.index], { before, after }, reason, [
        setScalar(ectx, existing.node, after)
      ]);
    } else {
      let item = existing.node, ro = item.get("read_only", !0);
      (0, import_yaml15.isScalar)(ro) ? plan(
        ctx,
        res.ref,
        "set",
        [...volPtr, existing.index, "read_only"],
        [...volPtr, existing.index, "read_only"],
        { before: ro.value, after: !0 },
        reason,
        [replaceRange(ro.range[0], ro.range[1], "true")]
      ) : plan(
        ctx,
        res.ref,
        "add",
        [...volPtr, existing.index, "read_only"],
        [...volPtr, existing.index, "read_only"],
        { after: !0 },
        reason,
        [addPairs(ectx, item, [["read_only", scalar("true")]], layoutFor(ectx.unit, !0))]
      );
    }
  }
  if (appended.length === 0) return;
  for (let a of appended)
    plan(
      ctx,
      res.ref,
      "append",
      volPtr,
      volPtr,
      { after: a },
      `bind-mount the ${a.includes("client.key") ? "client key" : "client certificate"} read-only where the delegate reads it`,
      []
    );
  let frags = appended.map((a) => scalar(formatScalar(a))), layout = layoutIn(ectx, d.node, ["volumes", "environment", "ports"], !1), splices = pairOf(d.node, "volumes") ? appendToList(ectx, d.node, "volumes", frags, layout) : [addPairs(ectx, d.node, [["volumes", seq(...frags)]], layout, d.node.has("image") ? "image" : void 0)];
  ctx.edits[ctx.edits.length - 1].splices.push(...splices);
}

// src/mtls/plan.ts
var import_yaml19 = __toESM(require_dist(), 1);

// src/mtls/lint.ts
var import_yaml16 = __toESM(require_dist(), 1);
function lint(ctx, onEach) {
  let edited = ctx.edits.flatMap((e) => e.splices), isEdited = (node) => edited.some((s) => node.range && s.start <= node.range[0] && node.range[1] <= s.end && s.end > s.start), deployments = deploymentNames(ctx), placeholders = /* @__PURE__ */ new Set();
  for (let res of ctx.resources) {
    onEach?.(res);
    let root = res.doc.contents;
    if (res.ref.kind === "CronJob" && stringAt(root, "apiVersion") === "batch/v1beta1" && res.type === "upgrader-cronjob" && report(
      ctx,
      "warning",
      "LINT",
      "batch/v1beta1 CronJob was removed in Kubernetes 1.25; use apiVersion batch/v1",
      root.get("apiVersion", !0)
    ), res.ref.kind === "HorizontalPodAutoscaler" && deployments.size > 0) {
      let target = lookup(root, ["spec", "scaleTargetRef"]), name = stringAt(target, "name");
      stringAt(target, "kind") === "Deployment" && name !== void 0 && !deployments.has(name) && report(
        ctx,
        "warning",
        "LINT",
        `HorizontalPodAutoscaler ${res.ref.name ?? ""} targets Deployment "${name}", which is not in this file`,
        lookup(target, ["name"])
      );
    }
    (res.type === "delegate" || res.type === "upgrader-cronjob") && lintPod(ctx, lookup(root, res.podPath));
    let i = res.ref.document, start = ctx.starts ? ctx.starts[i] : res.doc.range[0], text = ctx.starts ? ctx.src.slice(start, ctx.starts[i + 1] ?? ctx.src.length) : ctx.src.slice(start, res.doc.range[2]);
    if (ctx.starts && !mayMatter(text)) {
      for (let m of text.matchAll(/PUT_YOUR_[A-Z_]+/g)) {
        let lineStart = lineStartOf(text, m.index);
        placeholders.has(m[0]) || /(?:^|\s)#/.test(text.slice(lineStart, m.index)) || (placeholders.add(m[0]), report(
          ctx,
          "warning",
          "LINT",
          `placeholder ${m[0]} is still in the manifest; replace it before applying`,
          start + m.index
        ));
      }
      continue;
    }
    /PUT_YOUR_|\b400\b/.test(text) && (0, import_yaml16.visit)(root, {
      Pair(_, pair) {
        let v = pair.value;
        (0, import_yaml16.isScalar)(pair.key) && (pair.key.value === "defaultMode" || pair.key.value === "mode") && (0, import_yaml16.isScalar)(v) && v.value === 400 && !/^0/.test(v.source ?? "") && !isEdited(v) && report(
          ctx,
          "warning",
          "LINT",
          `${pair.key.value}: 400 is decimal, which is octal 0620 (group-writable); write 0400 (or 256) if read-only was meant`,
          v
        );
      },
      Scalar(_, node) {
        if (typeof node.value != "string") return;
        let m = /PUT_YOUR_[A-Z_]+/.exec(node.value);
        m && !placeholders.has(m[0]) && (placeholders.add(m[0]), report(
          ctx,
          "warning",
          "LINT",
          `placeholder ${m[0]} is still in the manifest; replace it before applying`,
          node
        ));
      }
    });
  }
}
function lintPod(ctx, pod) {
  if (!(0, import_yaml16.isMap)(pod)) return;
  let volumes = pod.get("volumes", !0), defined = /* @__PURE__ */ new Map();
  if ((0, import_yaml16.isSeq)(volumes))
    for (let v of volumes.items) stringAt(v, "name") && defined.set(stringAt(v, "name"), v);
  let mounted = /* @__PURE__ */ new Set();
  for (let key of ["containers", "initContainers"]) {
    let list = pod.get(key, !0);
    if ((0, import_yaml16.isSeq)(list))
      for (let c of list.items) {
        let mounts = (0, import_yaml16.isMap)(c) ? c.get("volumeMounts", !0) : void 0;
        if ((0, import_yaml16.isSeq)(mounts))
          for (let m of mounts.items) {
            let name = stringAt(m, "name");
            name !== void 0 && (mounted.add(name), !defined.has(name) && name !== VOLUME_NAME && report(
              ctx,
              "warning",
              "LINT",
              `volume "${name}" is mounted but not defined in the pod: the API server will reject the pod`,
              m
            ));
          }
      }
  }
  for (let [name, node] of defined)
    !mounted.has(name) && name !== VOLUME_NAME && name !== "config-certificate" && report(ctx, "warning", "LINT", `volume "${name}" is not mounted by any container`, node);
}

// src/mtls/plan-secret.ts
var import_yaml17 = __toESM(require_dist(), 1);
var base64 = (s) => Buffer.from(s, "utf8").toString("base64");
function planSecrets(ctx, delegates, onEach) {
  let material = ctx.options.secret;
  if (!material) return;
  let data = {
    [CLIENT_CERT_KEY]: base64(material.certPem),
    [CLIENT_KEY_KEY]: base64(material.keyPem)
  }, done = /* @__PURE__ */ new Set();
  for (let res of delegates) {
    onEach?.(res);
    let name = ctx.secretByDelegate.get(res.ref.name ?? "delegate");
    if (name === void 0) continue;
    let namespace = res.ref.namespace, id = `${namespace ?? ""}/${name}`;
    if (done.has(id)) continue;
    done.add(id);
    let existing = findResource(
      ctx,
      name,
      (r) => r.ref.kind === "Secret" && (r.ref.namespace ?? namespace) === namespace
    );
    if (existing) {
      let ectx = editContext(ctx, existing), dataPair = pairOf(existing.doc.contents, "data"), dataNode = dataPair?.value, emptyData = dataPair !== void 0 && (dataNode === null || (0, import_yaml17.isScalar)(dataNode) && dataNode.value === null), where = `Secret "${name}"${namespace === void 0 ? "" : ` in namespace ${namespace}`}`;
      if (dataPair !== void 0 && !(0, import_yaml17.isMap)(dataNode) && !emptyData) {
        report(
          ctx,
          "error",
          "CONFLICT",
          `${where} has a "data" that is not a mapping; it cannot hold ${CLIENT_CERT_KEY} and ${CLIENT_KEY_KEY}`,
          dataNode ?? void 0
        );
        continue;
      }
      let stringData = lookup(existing.doc.contents, ["stringData"]), shadowed = [CLIENT_CERT_KEY, CLIENT_KEY_KEY].filter((k) => (0, import_yaml17.isMap)(stringData) && stringData.has(k));
      if (shadowed.length > 0) {
        report(
          ctx,
          "error",
          "CONFLICT",
          `${where} sets ${shadowed.join(" and ")} under stringData, which overrides data when applied; remove ${shadowed.length > 1 ? "them" : "it"} from stringData so that --cert/--key can fill in data`,
          stringData
        );
        continue;
      }
      let missing = [];
      for (let key of [CLIENT_CERT_KEY, CLIENT_KEY_KEY]) {
        let node = (0, import_yaml17.isMap)(dataNode) ? dataNode.get(key, !0) : void 0, want = data[key];
        if (node != null && !(0, import_yaml17.isScalar)(node)) {
          report(
            ctx,
            "error",
            "CONFLICT",
            `${where}: data.${key} is not a string; it must hold the base64 of the ${key === CLIENT_KEY_KEY ? "key" : "certificate"} file`,
            node
          );
          continue;
        }
        if ((0, import_yaml17.isScalar)(node)) {
          if (node.value !== want) {
            let [start, end] = node.range, splice = start === end ? insertAt(start, `${((c) => c === void 0 || /\s/.test(c) ? "" : " ")(ctx.src[start - 1])}${formatScalar(want)}${ctx.src[start] === "#" ? " " : ""}`) : setScalar(ectx, node, want);
            plan(
              ctx,
              existing.ref,
              "set",
              ["data", key],
              ["data", key],
              { before: redact(node.value), after: REDACTED },
              `fill in the client ${key === CLIENT_KEY_KEY ? "key" : "certificate"}`,
              [splice]
            ), ctx.edits[ctx.edits.length - 1].value = want;
          }
        } else missing.push([key, want]);
      }
      if (missing.length > 0) {
        let pairs = missing.map(([k, v]) => [k, scalar(v)]), splices = (0, import_yaml17.isMap)(dataNode) ? [addPairs(ectx, dataNode, pairs, layoutFor(ectx.unit, !0))] : emptyData ? fillEmptyValue(ectx, dataPair, map(...pairs), layoutFor(ectx.unit, !0)) : [
          addPairs(
            ectx,
            existing.doc.contents,
            [["data", map(...pairs)]],
            layoutFor(ectx.unit, !0)
          )
        ];
        missing.forEach(([key, value2], i) => {
          plan(
            ctx,
            existing.ref,
            "add",
            ["data", key],
            ["data", key],
            { after: REDACTED },
            "add the client certificate data",
            i === 0 ? splices : []
          ), ctx.edits[ctx.edits.length - 1].value = value2;
        });
      }
      continue;
    }
    requireDelegatesInNamespace(ctx, namespace);
    let text = renderSecretManifest(
      namespace === void 0 ? { name, ...material } : { name, namespace, ...material },
      ctx.eol
    ), at = res.doc.range[0], marker = ctx.src.startsWith("---", at), ref = { document: res.ref.document, kind: "Secret", name, ...namespace === void 0 ? {} : { namespace } }, value = {
      apiVersion: "v1",
      data,
      kind: "Secret",
      metadata: { name, ...namespace === void 0 ? {} : { namespace } },
      type: "Opaque"
    };
    plan(
      ctx,
      ref,
      "insert",
      [],
      [],
      { after: { ...value, data: { [CLIENT_CERT_KEY]: REDACTED, [CLIENT_KEY_KEY]: REDACTED } } },
      `the client certificate Secret ${name}, before the Deployment that mounts it`,
      [insertAt(at, marker ? `---${ctx.eol}${text}` : `${text}---${ctx.eol}`)]
    );
    let edit = ctx.edits[ctx.edits.length - 1];
    edit.value = value, edit.insertBefore = res.ref.document;
  }
}
var redact = (value) => typeof value == "string" && isPlaceholderSecretData(value) ? value : REDACTED;

// src/mtls/plan-helm-values.ts
var import_yaml18 = __toESM(require_dist(), 1);
var CHART_MOUNT_PATH = "/etc/mtls", CHART_MTLS_VERSION = "1.0.23", CHART_DEFAULTS_KEYS = ["serviceAccount", "autoscaling", "upgrader", "livenessProbe"], helmDelegateName = (root) => stringAt(root, "delegateName") ?? CHART_DEFAULT_NAME;
function topLevelSeqLayout(src, root, unit) {
  for (let pair of root.items) {
    let compact = seqIsCompact(src, pair.key, pair.value);
    if (compact !== void 0) return layoutFor(unit, compact);
  }
  return layoutFor(unit, !1);
}
function planHelmValues(ctx, res) {
  let root = res.doc.contents, ectx = editContext(ctx, res), { endpoint } = ctx.options, image = helmImage(root);
  if (image) {
    let tag = classifyTag(image.ref);
    tag === "unverifiable" ? report(
      ctx,
      "warning",
      "IMAGE",
      `cannot tell from image "${image.ref}" whether this is an immutable delegate (yy.mm.xxxxx); mTLS needs one`,
      image.at
    ) : tag === "early-immutable" && report(
      ctx,
      "warning",
      "IMAGE",
      `image "${image.ref}" is an early immutable build that may predate mTLS support (22.07); upgrade the delegate`,
      image.at
    );
  }
  ctx.options.mountPath !== CHART_MOUNT_PATH && report(
    ctx,
    "warning",
    "UNSUPPORTED",
    `the chart mounts the client certificate at ${CHART_MOUNT_PATH}; --mount-path ${ctx.options.mountPath} does not apply to Helm values`,
    root
  );
  let endpointPair = pairOf(root, "managerEndpoint");
  if (endpointPair) {
    let node = endpointPair.value;
    if (!(0, import_yaml18.isScalar)(node) || node.value !== endpoint) {
      let before = (0, import_yaml18.isScalar)(node) ? node.value : null;
      plan(
        ctx,
        res.ref,
        "set",
        ["managerEndpoint"],
        ["managerEndpoint"],
        { before, after: endpoint },
        "the mTLS endpoint (the chart derives the delegate's and the upgrader's URLs from it)",
        [setPairValue(ectx, endpointPair, endpoint, formatScalar(endpoint))]
      );
    }
  } else
    report(
      ctx,
      "warning",
      "ADDED_ENDPOINT",
      "the values file had no managerEndpoint (the chart's default is https://app.harness.io); added it",
      root
    ), plan(ctx, res.ref, "add", ["managerEndpoint"], ["managerEndpoint"], { after: endpoint }, "the mTLS endpoint", [
      addPairs(ectx, root, [["managerEndpoint", scalar(formatScalar(endpoint))]], layoutFor(ectx.unit, !0))
    ]);
  let secretName = ctx.options.secretName.replaceAll("{delegate}", helmDelegateName(root)), mtlsPair = pairOf(root, "mTLS"), mtls = mtlsPair?.value, anchor = pairOf(root, "managerEndpoint") ? "managerEndpoint" : void 0, reason = "the chart mounts this Secret in the delegate and the upgrader and sets their certificate paths", changedSecret = !1;
  if ((0, import_yaml18.isMap)(mtls)) {
    let namePair = pairOf(mtls, "secretName"), current = namePair && (0, import_yaml18.isScalar)(namePair.value) ? namePair.value.value : void 0;
    namePair ? (current == null || current === "" || current !== secretName && ctx.options.secretNameExplicit) && (!(0, import_yaml18.isScalar)(namePair.value) && namePair.value !== null ? report(
      ctx,
      "error",
      "CONFLICT",
      `mTLS.secretName must be a Secret name, not a ${(0, import_yaml18.isSeq)(namePair.value) ? "list" : "mapping"}`,
      namePair.value
    ) : (plan(
      ctx,
      res.ref,
      "set",
      ["mTLS", "secretName"],
      ["mTLS", "secretName"],
      { before: current ?? null, after: secretName },
      current ? "--secret-name was given" : reason,
      [setPairValue(ectx, namePair, secretName, formatScalar(secretName))]
    ), changedSecret = !0)) : (plan(ctx, res.ref, "add", ["mTLS", "secretName"], ["mTLS", "secretName"], { after: secretName }, reason, [
      addPairs(ectx, mtls, [["secretName", scalar(formatScalar(secretName))]], layoutFor(ectx.unit, !0))
    ]), changedSecret = !0);
  } else if (mtlsPair && (mtls === null || (0, import_yaml18.isScalar)(mtls) && mtls.value === null))
    plan(
      ctx,
      res.ref,
      "set",
      ["mTLS"],
      ["mTLS"],
      { before: null, after: { secretName } },
      reason,
      fillEmptyValue(
        ectx,
        mtlsPair,
        map(["secretName", scalar(formatScalar(secretName))]),
        layoutFor(ectx.unit, !0)
      )
    ), changedSecret = !0;
  else if (!mtlsPair)
    plan(ctx, res.ref, "add", ["mTLS"], ["mTLS"], { after: { secretName } }, reason, [
      addPairs(
        ectx,
        root,
        [["mTLS", map(["secretName", scalar(formatScalar(secretName))])]],
        layoutFor(ectx.unit, !0),
        anchor
      )
    ]), changedSecret = !0;
  else {
    report(ctx, "error", "CONFLICT", "mTLS must be a mapping with secretName", mtlsPair.value);
    return;
  }
  changedSecret && chartVersionWarning(ctx, root, image?.ref), planCustomEnvs(ctx, res, root, anchor);
}
function chartVersionWarning(ctx, root, image) {
  if (root.has("mTLS")) return;
  let ignored = `charts before ${CHART_MTLS_VERSION} ignore mTLS.secretName without an error, so the delegate would run without its certificate`;
  if (CHART_DEFAULTS_KEYS.every((k) => root.has(k))) {
    let hint = image ? `, delegate image ${image}` : "";
    report(
      ctx,
      "warning",
      "CHART_VERSION",
      `this is the values.yaml of a harness-delegate-ng chart before ${CHART_MTLS_VERSION} (it has no mTLS key${hint}); ${ignored}: upgrade the chart to ${CHART_MTLS_VERSION} or later`,
      root
    );
  } else
    report(
      ctx,
      "warning",
      "CHART_VERSION",
      `mTLS.secretName needs chart harness-delegate-ng ${CHART_MTLS_VERSION} or later (${ignored}): check the installed chart with helm list -n <namespace> and upgrade it if it is older`,
      root
    );
}
function planCustomEnvs(ctx, res, root, anchor) {
  let ectx = editContext(ctx, res), envs = root.get("custom_envs", !0), appended = [], wanted = wantedEnv({ ...ctx, options: { ...ctx.options, mountPath: CHART_MOUNT_PATH } });
  for (let want of wanted) {
    let found = findItem(envs, "name", want.name);
    if (found) {
      let ptr = ["custom_envs", found.index], display = ["custom_envs", { name: want.name }], valueNode = found.node.get("value", !0);
      if ((0, import_yaml18.isMap)(found.node.get("valueFrom", !0))) {
        want.kind === "owned" ? report(
          ctx,
          "error",
          "CONFLICT",
          `custom_envs ${want.name} is set through valueFrom; delegate-mtls must set it to "${want.value}" inline (remove the valueFrom)`,
          found.node
        ) : report(
          ctx,
          "warning",
          "NOT_CHANGED",
          `custom_envs ${want.name} comes from valueFrom, which is not in the input: set it to "${want.value}" there`,
          found.node
        );
        continue;
      }
      (0, import_yaml18.isScalar)(valueNode) ? valueNode.value !== want.value && plan(
        ctx,
        res.ref,
        "set",
        [...ptr, "value"],
        [...display, "value"],
        { before: valueNode.value, after: want.value },
        `${want.reason} (custom_envs overrides the chart's ConfigMap)`,
        [setScalar(ectx, valueNode, want.value)]
      ) : plan(ctx, res.ref, "add", [...ptr, "value"], [...display, "value"], { after: want.value }, want.reason, [
        addPairs(
          ectx,
          found.node,
          [["value", scalar(formatScalar(want.value, "double"))]],
          layoutFor(ectx.unit, !0)
        )
      ]);
      continue;
    }
    want.name !== "GRPC_AUTHORITY_MODIFICATION_DISABLED" && want.name !== "TI_SERVICE_URL" || !want.addIfMissing || (appended.push(map(["name", scalar(want.name)], ["value", scalar(formatScalar(want.value, "double"))])), plan(
      ctx,
      res.ref,
      "append",
      ["custom_envs"],
      ["custom_envs"],
      { after: { name: want.name, value: want.value } },
      `${want.reason} (the chart does not set it; custom_envs adds it to the delegate's env)`,
      []
    ));
  }
  if (appended.length === 0) return;
  let layout = topLevelSeqLayout(ctx.src, root, ectx.unit), splices = pairOf(root, "custom_envs") ? appendToList(ectx, root, "custom_envs", appended, layout) : [
    addPairs(
      ectx,
      root,
      [["custom_envs", { seq: appended }]],
      layout,
      anchor === void 0 ? void 0 : root.has("mTLS") ? "mTLS" : anchor
    )
  ];
  ctx.edits[ctx.edits.length - 1].splices.push(...splices);
}

// src/mtls/plan.ts
function validateAt(ctx, schema, base, basePath, data, what) {
  let problems = validate(schema, data);
  for (let p of problems) {
    let node;
    for (let i = p.path.length; i >= 0 && !node; i--) node = lookup(base, p.path.slice(0, i));
    let path = [...basePath, ...p.path].join(".");
    report(ctx, "error", "SCHEMA", `${what}: ${path} ${p.message}`, node ?? base);
  }
  return problems.length === 0;
}
var MANAGED_ENV = /* @__PURE__ */ new Set([
  "MANAGER_HOST_AND_PORT",
  "LOG_STREAMING_SERVICE_URL",
  "TI_SERVICE_URL",
  "DELEGATE_CLIENT_CERTIFICATE_PATH",
  "DELEGATE_CLIENT_CERTIFICATE_KEY_PATH",
  "CLIENT_CERTIFICATE_PATH",
  "CLIENT_CERTIFICATE_KEY_PATH",
  "GRPC_AUTHORITY_MODIFICATION_DISABLED"
]);
function refuseAliases(ctx, pod, containerIndex, label) {
  let found = [], container = (0, import_yaml19.isMap)(pod) ? pod.get("containers", !0)?.items?.[containerIndex] : void 0, check = (n) => (0, import_yaml19.isAlias)(n) && found.push(n);
  if ((0, import_yaml19.isMap)(pod) && check(pod.get("volumes", !0)), (0, import_yaml19.isMap)(container)) {
    for (let key of ["env", "volumeMounts"]) check(container.get(key, !0));
    let env = container.get("env", !0);
    if ((0, import_yaml19.isSeq)(env))
      for (let item of env.items)
        check(item), (0, import_yaml19.isMap)(item) && MANAGED_ENV.has(String(item.get("name"))) && check(item.get("value", !0));
  }
  for (let a of found)
    report(
      ctx,
      "error",
      "UNSUPPORTED",
      `${label}: *${a.source} is an alias, and delegate-mtls must change what it points to; changing the anchor would change its other uses too: write the value out in full here`,
      a
    );
  return found.length > 0;
}
function refuseDuplicateEnv(ctx, pod, containerIndex, label) {
  let container = (0, import_yaml19.isMap)(pod) ? pod.get("containers", !0)?.items?.[containerIndex] : void 0, env = (0, import_yaml19.isMap)(container) ? container.get("env", !0) : void 0;
  if (!(0, import_yaml19.isSeq)(env)) return !1;
  let seen = /* @__PURE__ */ new Set(), refused = !1;
  for (let item of env.items) {
    let name = (0, import_yaml19.isMap)(item) ? item.get("name") : void 0;
    typeof name != "string" || !MANAGED_ENV.has(name) || (seen.has(name) && (report(
      ctx,
      "error",
      "CONFLICT",
      `${label}: env ${name} is listed twice; Kubernetes uses the last one, so changing one would leave the other in force: remove the duplicate`,
      item
    ), refused = !0), seen.add(name));
  }
  return refused;
}
function planStream(src, eol, file, docs, options, starts) {
  let resources = docs.map((doc, i) => classify(doc, i));
  return planResources({ src, eol, file, options, ...starts ? { starts } : {} }, resources, {
    lint: resources.some((r) => r.type !== "other")
  });
}
var PHASES = [
  "validate",
  "delegate",
  "upgrader-config",
  "upgrader-cronjob",
  "helm-values",
  "compose",
  "secret",
  "lint"
], stepTag = (phase, document) => PHASES.indexOf(phase) * 2 ** 32 + document;
function planResources(base, resources, how) {
  let ctx = {
    ...base,
    resources,
    edits: [],
    diagnostics: [],
    secretByDelegate: /* @__PURE__ */ new Map(),
    modeByDelegate: /* @__PURE__ */ new Map(),
    ...how.scope ? { scope: how.scope } : {}
  }, plannable = [], decoded = /* @__PURE__ */ new Map(), step = 0, edits = 0, diagnostics = 0, mark = (phase, document) => {
    if (how.tags) {
      for (; edits < ctx.edits.length; edits++) how.tags.set(ctx.edits[edits], step);
      for (; diagnostics < ctx.diagnostics.length; diagnostics++) how.tags.set(ctx.diagnostics[diagnostics], step);
      step = stepTag(phase, document);
    }
  };
  for (let res of resources) {
    mark("validate", res.ref.document);
    let label = `${res.ref.kind} ${res.ref.name ?? ""}`.trim(), known = how.decoded?.get(res.ref.document), plain = res.type === "other" ? { value: void 0 } : known !== void 0 ? { value: known } : toPlain(res.doc);
    if (!("error" in plain) && res.type !== "other" && decoded.set(res.ref.document, plain.value), "error" in plain) {
      report(
        ctx,
        "error",
        "YAML_SYNTAX",
        `${label}: cannot be decoded: ${plain.error}`,
        res.doc.contents ?? 0
      );
      continue;
    }
    switch (res.type) {
      case "legacy":
        report(
          ctx,
          "error",
          "LEGACY_DELEGATE",
          `${label}: ${res.reason}; Harness supports mTLS only on immutable delegates (image tag yy.mm.xxxxx): upgrade to an immutable delegate first`,
          res.at
        );
        break;
      case "upgrader-config-invalid":
        report(
          ctx,
          "error",
          "CONFIG_YAML_NOT_STRING",
          `${label}: data."config.yaml" is a mapping, but ConfigMap data values must be strings (the API server rejects it); write it as a block string: config.yaml: |`,
          res.at
        );
        break;
      case "delegate":
      case "upgrader-cronjob": {
        let pod = lookup(res.doc.contents, res.podPath), data = res.podPath.reduce(
          (o, k) => o?.[k],
          plain.value
        );
        validateAt(ctx, "podSpec", pod, res.podPath, data, label) && !refuseAliases(ctx, pod, res.container, label) && !refuseDuplicateEnv(ctx, pod, res.container, label) && plannable.push(res);
        break;
      }
      case "upgrader-config":
      case "helm-values":
      case "compose":
        plannable.push(res);
        break;
    }
  }
  let order = ["delegate", "upgrader-config", "upgrader-cronjob", "helm-values", "compose"];
  for (let type of order)
    for (let res of plannable)
      res.type === type && (mark(type, res.ref.document), res.type === "delegate" ? planDelegate(ctx, res) : res.type === "upgrader-config" ? planUpgraderConfig(ctx, res) : res.type === "upgrader-cronjob" ? planUpgraderCronJob(ctx, res) : res.type === "helm-values" ? planHelmValues(ctx, res) : res.type === "compose" && planCompose(ctx, res));
  return planSecrets(
    ctx,
    plannable.filter((r) => r.type === "delegate"),
    (res) => mark("secret", res.ref.document)
  ), how.lint && lint(ctx, (res) => mark("lint", res.ref.document)), mark("lint", 0), { resources, edits: ctx.edits, diagnostics: ctx.diagnostics, decoded };
}

export {
  parseUrlOption,
  normalizeEndpoint,
  lookup,
  pairOf,
  stringAt,
  findItem,
  parseImage,
  classifyTag,
  composeEnv,
  composeDelegateName,
  CHART_DEFAULT_NAME,
  helmImage,
  POD_PATH,
  findDelegateContainer,
  mayMatter,
  classify,
  readSource,
  writeSource,
  columnOf,
  lineStartOf,
  lineEndAfter,
  linePos,
  documentStarts,
  K8S_PARSE,
  parseStream,
  parseDocumentsAt,
  toPlain,
  indentUnit,
  report,
  editContext,
  plan,
  GroupEscape,
  indexByName,
  namesOfDeployments,
  VOLUME_NAME,
  formatScalar,
  insertAt,
  replaceRange,
  applySplices,
  endOfBlock,
  setScalar,
  locateContainer,
  embeddedSplices,
  configDelegateName,
  setPairValue,
  pairLines,
  itemLines,
  lineRemovals,
  keepFlowItems,
  composeHostPaths,
  composeVolumes,
  planStream,
  planResources
};
