/** Types for sandbox-credentials.js. */
export function sandboxCredentials(sandboxUrl: string): Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>;
