import {
  AttributeType,
  TensorType,
  type AttributeProto,
  type GraphProto,
  type NodeProto,
  type TensorProto,
  type TensorTypeCode,
  type ValueInfoProto
} from './onnxProto'

/** The operator-set domain of ONNX's classical machine-learning operators (TreeEnsemble, LabelEncoder). */
export const ML_DOMAIN = 'ai.onnx.ml'

const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1
const utf8 = new TextEncoder()

/**
 * Collects the nodes and constants of one ONNX graph. Every value it makes gets a fresh
 * name that cannot clash with the graph's inputs and outputs (given up front), so pipeline
 * code names values by what they mean and never tracks uniqueness itself.
 */
export class GraphBuilder {
  private readonly nodes: NodeProto[] = []
  private readonly initializers: TensorProto[] = []
  private readonly taken: Set<string>
  private readonly scalars = new Map<string, string>()

  constructor(reserved: Iterable<string>) {
    this.taken = new Set(reserved)
  }

  /** A value name not used yet, from a readable hint. */
  fresh(hint: string): string {
    let name = `ptm/${hint}`
    for (let k = 2; this.taken.has(name); k++) name = `ptm/${hint}_${k}`
    this.taken.add(name)
    return name
  }

  /** A constant (an initializer) named from `hint`. */
  constant(hint: string, tensor: TensorProto): string {
    const name = this.fresh(hint)
    this.initializers.push({ ...tensor, name })
    return name
  }

  /** A double constant of shape `dims` (a scalar when dims is []). */
  doubles(hint: string, values: ArrayLike<number>, dims: number[] = [values.length]): string {
    return this.constant(hint, doubleTensor(values, dims))
  }

  /** A double scalar constant, made once per value however often it is asked for. */
  scalar(value: number): string {
    const key = Object.is(value, -0) ? '-0' : String(value)
    let name = this.scalars.get(key)
    if (name === undefined) {
      name = this.doubles('scalar', [value], [])
      this.scalars.set(key, name)
    }
    return name
  }

  /** An int64 constant of shape `dims` (a scalar when dims is []). */
  int64s(hint: string, values: ArrayLike<number>, dims: number[] = [values.length]): string {
    return this.constant(hint, int64Tensor(values, dims))
  }

  /** A string constant of shape `dims`. */
  strings(hint: string, values: string[], dims: number[] = [values.length]): string {
    return this.constant(hint, stringTensor(values, dims))
  }

  /**
   * Adds one node and returns the name of its (first) output: `output` when given (a graph
   * output), else a fresh name from `hint` (or the operator's name).
   */
  node(
    opType: string,
    inputs: string[],
    options: { attributes?: AttributeProto[]; domain?: string; output?: string; hint?: string } = {}
  ): string {
    const output = options.output ?? this.fresh(options.hint ?? opType)
    this.nodes.push({
      name: `${opType}:${output}`,
      op_type: opType,
      domain: options.domain ?? '',
      input: inputs,
      output: [output],
      attribute: options.attributes ?? []
    })
    return output
  }

  /** The graph made so far, with its inputs and outputs. */
  build(name: string, input: ValueInfoProto[], output: ValueInfoProto[], docString?: string): GraphProto {
    return { name, node: this.nodes, initializer: this.initializers, input, output, doc_string: docString }
  }
}

/** A graph input or output: a tensor of `type` whose first dimension is the batch ('N'). */
export function batchValue(name: string, type: TensorTypeCode, width: number, doc?: string): ValueInfoProto {
  return {
    name,
    type: { tensor_type: { elem_type: type, shape: { dim: [{ dim_param: 'N' }, { dim_value: width }] } } },
    doc_string: doc
  }
}

/** A DOUBLE tensor (IEEE-754 binary64, written as raw little-endian bytes: no precision is lost). */
export function doubleTensor(values: ArrayLike<number>, dims: number[] = [values.length]): TensorProto {
  requireLittleEndianHost()
  const copy = Float64Array.from(values)
  return { dims, data_type: TensorType.DOUBLE, raw_data: new Uint8Array(copy.buffer) }
}

/** An INT64 tensor of whole numbers. */
export function int64Tensor(values: ArrayLike<number>, dims: number[] = [values.length]): TensorProto {
  requireLittleEndianHost()
  const copy = BigInt64Array.from(Array.from(values, (v) => BigInt(v)))
  return { dims, data_type: TensorType.INT64, raw_data: new Uint8Array(copy.buffer) }
}

/** A UINT8 tensor. */
export function uint8Tensor(values: ArrayLike<number>, dims: number[] = [values.length]): TensorProto {
  return { dims, data_type: TensorType.UINT8, raw_data: Uint8Array.from(values) }
}

/** A STRING tensor (UTF-8). */
export function stringTensor(values: string[], dims: number[] = [values.length]): TensorProto {
  return { dims, data_type: TensorType.STRING, string_data: values.map((v) => utf8.encode(v)) }
}

/** Attribute constructors, one per attribute type the export writes. */
export const attr = {
  int: (name: string, i: number): AttributeProto => ({ name, type: AttributeType.INT, i }),
  ints: (name: string, ints: ArrayLike<number>): AttributeProto => ({
    name,
    type: AttributeType.INTS,
    ints: Array.from(ints)
  }),
  strings: (name: string, values: string[]): AttributeProto => ({
    name,
    type: AttributeType.STRINGS,
    strings: values.map((v) => utf8.encode(v))
  }),
  tensor: (name: string, t: TensorProto): AttributeProto => ({ name, type: AttributeType.TENSOR, t })
}

function requireLittleEndianHost(): void {
  // ONNX raw_data is little-endian; typed arrays are in host order, little-endian on every platform we ship.
  if (!HOST_IS_LITTLE_ENDIAN) throw new Error('ONNX export needs a little-endian machine.')
}
