/** Types of scripts/buildOnnxProto.mjs, for the test that checks the generated schema module is current. */
export declare const PROTO_PATH: string
export declare const MODULE_PATH: string
export declare function onnxSchemaModule(protoText: string): Promise<string>
