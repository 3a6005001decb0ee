import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { batchValue, GraphBuilder } from '../../../../src/main/core/onnx/GraphBuilder'
import { decodeModel, TensorType } from '../../../../src/main/core/onnx/onnxProto'
// The build script is plain ESM JavaScript; its exports are typed by use here.
import { MODULE_PATH, onnxSchemaModule, PROTO_PATH } from '../../../../scripts/buildOnnxProto.mjs'
import { encodeTestModel, runDoubleModel } from '../../../helpers/onnxRuntime'

describe('onnxProto', () => {
  it('the schema module is what scripts/buildOnnxProto.mjs makes of the vendored onnx.proto3', async () => {
    const wanted = await onnxSchemaModule(readFileSync(PROTO_PATH, 'utf8'))
    expect(readFileSync(MODULE_PATH, 'utf8')).toBe(wanted)
  })

  it('encodes a graph ONNX Runtime loads and runs, and decodes back to the same fields', async () => {
    const g = new GraphBuilder(['X', 'Y'])
    // Y = (X − 0.1) · 3: doubles survive the raw little-endian encoding exactly.
    g.node('Mul', [g.node('Sub', ['X', g.scalar(0.1)]), g.doubles('three', [3], [])], { output: 'Y' })
    const bytes = encodeTestModel(
      g.build('t', [batchValue('X', TensorType.DOUBLE, 1)], [batchValue('Y', TensorType.DOUBLE, 1)])
    )
    expect(await runDoubleModel(bytes, [[0.1], [1.1], [-2]], 'X', 'Y')).toEqual([
      0,
      (1.1 - 0.1) * 3,
      (-2 - 0.1) * 3
    ])
    const decoded = decodeModel(bytes)
    expect(decoded.ir_version).toBe(10)
    // proto3 writes no empty string: the default domain (ai.onnx, "") reads back absent.
    expect(decoded.opset_import).toEqual([{ version: 21 }, { domain: 'ai.onnx.ml', version: 5 }])
    expect(decoded.graph.node.map((n) => n.op_type)).toEqual(['Sub', 'Mul'])
    expect(decoded.graph.input[0].type.tensor_type.shape.dim).toEqual([{ dim_param: 'N' }, { dim_value: 1 }])
  })
})
