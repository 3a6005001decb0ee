/** Worker name → its source entry, relative to the repository root. */
export declare const WORKER_ENTRIES: Record<string, string>
