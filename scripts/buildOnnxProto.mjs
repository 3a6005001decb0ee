// Turns the official ONNX protobuf schema (src/main/core/onnx/onnx.proto3, copied unchanged
// from onnx/onnx v1.20.0, Apache-2.0) into protobufjs's JSON form of it,
// src/main/core/onnx/onnxProtoSchema.json. The app imports that file with
// protobufjs/light: no .proto file to locate at run time (bundled app, CLI under tsx, vitest),
// and no protobuf parser in the bundle.
//
//   node scripts/buildOnnxProto.mjs           rewrite the generated module
//   node scripts/buildOnnxProto.mjs --check   exit 1 if the module is not what the schema gives
//
// tests/main/core/onnx/onnxProto.test.ts runs the same check.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import protobuf from 'protobufjs'
import prettier from 'prettier'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const PROTO_PATH = join(root, 'src', 'main', 'core', 'onnx', 'onnx.proto3')
export const MODULE_PATH = join(root, 'src', 'main', 'core', 'onnx', 'onnxProtoSchema.json')

/** The generated file's text for the schema in `protoText` (protobufjs JSON, formatted as the repository's JSON). */
export async function onnxSchemaModule(protoText) {
  // keepCase: the fields keep the schema's snake_case names (ir_version, op_type, ...), as in ONNX's docs.
  const schema = protobuf.parse(protoText, { keepCase: true }).root.toJSON()
  const options = (await prettier.resolveConfig(MODULE_PATH)) ?? {}
  return prettier.format(JSON.stringify(schema), { ...options, parser: 'json' })
}

async function run() {
  const wanted = await onnxSchemaModule(readFileSync(PROTO_PATH, 'utf8'))
  if (!process.argv.includes('--check')) writeFileSync(MODULE_PATH, wanted)
  else if (readFileSync(MODULE_PATH, 'utf8') !== wanted) {
    console.error(`${MODULE_PATH} is stale: run node scripts/buildOnnxProto.mjs`)
    process.exit(1)
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run()
