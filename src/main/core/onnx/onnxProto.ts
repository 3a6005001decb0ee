import { Root, type Type } from 'protobufjs/light'
import { ONNX_PROTO_SCHEMA } from './onnxProtoSchema'

/**
 * The part of ONNX's protobuf schema (onnx.proto3, ONNX v1.20.0) that the export writes,
 * typed, with the schema's own snake_case field names. Encoding is protobufjs's over the
 * official schema (onnxProtoSchema.ts is generated from it): we write no wire format by hand.
 */

/** TensorProto.DataType values the export uses. */
export const TensorType = { UINT8: 2, INT64: 7, STRING: 8, DOUBLE: 11 } as const
export type TensorTypeCode = (typeof TensorType)[keyof typeof TensorType]

/** AttributeProto.AttributeType values the export uses. */
export const AttributeType = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, INTS: 7, STRINGS: 8 } as const

export interface TensorProto {
  name?: string
  dims: number[]
  data_type: TensorTypeCode
  /** Fixed-width values, little-endian (the only byte order ONNX defines). */
  raw_data?: Uint8Array
  /** UTF-8 strings, for STRING tensors. */
  string_data?: Uint8Array[]
}

export interface AttributeProto {
  name: string
  type: (typeof AttributeType)[keyof typeof AttributeType]
  f?: number
  i?: number
  s?: Uint8Array
  t?: TensorProto
  ints?: number[]
  strings?: Uint8Array[]
}

export interface NodeProto {
  name: string
  op_type: string
  domain?: string
  input: string[]
  output: string[]
  attribute: AttributeProto[]
}

export interface TensorShapeDimension {
  dim_value?: number
  dim_param?: string
}

export interface ValueInfoProto {
  name: string
  type: { tensor_type: { elem_type: TensorTypeCode; shape: { dim: TensorShapeDimension[] } } }
  doc_string?: string
}

export interface GraphProto {
  name: string
  node: NodeProto[]
  initializer: TensorProto[]
  input: ValueInfoProto[]
  output: ValueInfoProto[]
  doc_string?: string
}

export interface OperatorSetId {
  domain: string
  version: number
}

export interface ModelProto {
  ir_version: number
  opset_import: OperatorSetId[]
  producer_name: string
  producer_version?: string
  domain?: string
  model_version?: number
  doc_string?: string
  graph: GraphProto
  metadata_props: { key: string; value: string }[]
}

let modelType: Type | undefined

function modelProtoType(): Type {
  modelType ??= Root.fromJSON(ONNX_PROTO_SCHEMA).lookupType('onnx.ModelProto')
  return modelType
}

/** The model as ONNX protobuf bytes; throws if protobufjs finds it does not fit the schema. */
export function encodeModel(model: ModelProto): Uint8Array {
  const type = modelProtoType()
  const problem = type.verify(model)
  if (problem) throw new Error(`ONNX export: the model does not fit onnx.ModelProto (${problem})`)
  // Verified plain objects encode as they are: fromObject's copy (int64 lists as Long objects)
  // took three quarters of the time for a 200-tree forest.
  return type.encode(model).finish()
}

/** Reads ONNX protobuf bytes back (int64 as numbers, bytes as Uint8Array): for tests and inspection. */
export function decodeModel(bytes: Uint8Array): ModelProto {
  const type = modelProtoType()
  return type.toObject(type.decode(bytes), { longs: Number, arrays: true, defaults: false }) as ModelProto
}
