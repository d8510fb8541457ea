import { buildWebIfStale } from '/work/wt/web/scripts/web-build.mjs';
console.log('built', await buildWebIfStale({ packs: 'core,sample' }));
