// Writes the JSON Schema of every content file kind to content/schema/ for authors' editors.
//   npm run content:schema
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FILE_SCHEMAS } from '../src/engine/content';

const out = join('content', 'schema');
mkdirSync(out, { recursive: true });
for (const [name, schema] of Object.entries(FILE_SCHEMAS)) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'ref' });
  const file = join(out, `${name}.schema.json`);
  writeFileSync(file, `${JSON.stringify({ ...json, title: `Kite ${name} file` }, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
