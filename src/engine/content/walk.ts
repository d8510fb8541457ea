import { joinPath } from '../interactions/kind';

/** A text object found in a file: `{ "id": "...", "text": "..." }`. */
export interface FoundText {
  readonly path: string;
  readonly id: string;
  readonly text: string;
  /** The writer's note for translators, when the text object has one. */
  readonly note?: string;
}

function isTextObject(v: Record<string, unknown>): boolean {
  return typeof v.id === 'string' && typeof v.text === 'string';
}

/** Calls `visit` for every object in a JSON value, with its path. */
export function walkObjects(
  json: unknown,
  visit: (obj: Record<string, unknown>, path: string) => void,
  path = '',
): void {
  if (Array.isArray(json)) {
    json.forEach((v, i) => walkObjects(v, visit, joinPath(path, i)));
  } else if (typeof json === 'object' && json !== null) {
    const obj = json as Record<string, unknown>;
    visit(obj, path);
    for (const [k, v] of Object.entries(obj)) walkObjects(v, visit, joinPath(path, k));
  }
}

/**
 * Every text object in a parsed file, found by shape, so content ids are collected even from a
 * file that fails its schema (translations of it are then not reported as unknown).
 */
export function collectTexts(json: unknown): FoundText[] {
  const out: FoundText[] = [];
  walkObjects(json, (obj, path) => {
    if (!isTextObject(obj)) return;
    const found = { path, id: obj.id as string, text: obj.text as string };
    out.push(typeof obj.note === 'string' ? { ...found, note: obj.note } : found);
  });
  return out;
}

/** Every media reference (`{ "src": "...", "alt": {...} }`) in a parsed file. */
export function collectMedia(json: unknown): { path: string; src: string }[] {
  const out: { path: string; src: string }[] = [];
  walkObjects(json, (obj, path) => {
    if (typeof obj.src === 'string' && typeof obj.alt === 'object')
      out.push({ path: joinPath(path, 'src'), src: obj.src });
  });
  return out;
}
