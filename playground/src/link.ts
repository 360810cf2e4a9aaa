// Deep links and share links. `#ruleset=<shipped name>&contract=<base64url of the contract JSON>`
// opens a shipped ruleset on a contract (for other applications); a share link adds
// `edits=<base64url of the deflate-raw compressed ruleset text>` when the ruleset was edited.
export interface LinkState {
  readonly ruleset?: string;
  readonly contract?: string;
  readonly edits?: string;
  readonly lang?: string;
}

const toBase64Url = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (text: string): Uint8Array => {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

export const encodeText = (text: string): string => toBase64Url(new TextEncoder().encode(text));

/** The text of base64url (UTF-8); undefined when it is not. */
export function decodeText(encoded: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(encoded));
  } catch {
    return undefined;
  }
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export async function compressText(text: string): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

export async function decompressText(encoded: string): Promise<string | undefined> {
  try {
    const bytes = await pipe(fromBase64Url(encoded), new DecompressionStream('deflate-raw'));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function readLink(hash: string): LinkState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const get = (k: string) => params.get(k) ?? undefined;
  const out: Record<string, string> = {};
  for (const k of ['ruleset', 'contract', 'edits', 'lang'] as const) {
    const v = get(k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

export function writeLink(state: LinkState): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(state)) if (v !== undefined) params.set(k, v);
  return `#${params.toString()}`;
}
