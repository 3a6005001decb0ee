/** Builds out/cli/ptm.js and out/cli/workers/*.js. */
export declare function buildCli(): Promise<void>
