/** Types of scripts/buildWasm.mjs, for the test that checks the generated kernels are current. */
export declare const KERNELS: { name: string; exportName: string; features?: string[] }[]
export declare function compileKernel(name: string): Promise<Buffer>
export declare function generatedModule(name: string, exportName: string, bytes: Buffer): string
export declare function generatedPath(name: string): string
