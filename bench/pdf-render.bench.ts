// npx tsx bench/pdf-render.bench.ts — time to render a typical one-page worksheet afresh
// (layout, shaping, subsetting, compression; no caches between renders) with HarfBuzz and the
// fonts already loaded. Median of RUNS renders after a warm-up, English and Khmer.
// Goal: ≤ 200 ms per render on the project's 2-core machine.
import { createPdfRenderer } from '../src/server/pdf/renderer';
import { englishWorksheet, khmerWorksheet } from '../src/server/pdf/samples';
import type { PdfDocumentModel } from '../src/server/pdf/model';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = 3;

const t0 = performance.now();
const renderer = await createPdfRenderer();
const loadMs = performance.now() - t0;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function bench(name: string, model: PdfDocumentModel): Promise<void> {
  const first0 = performance.now();
  const pdf = await renderer.render(model);
  const firstMs = performance.now() - first0;
  for (let i = 1; i < WARMUP; i++) await renderer.render(model);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await renderer.render(model);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(18)} median ${percentile(times, 0.5).toFixed(1)} ms` +
      `  p90 ${percentile(times, 0.9).toFixed(1)} ms  min ${times[0]!.toFixed(1)} ms` +
      `  first ${firstMs.toFixed(1)} ms  (${(pdf.length / 1024).toFixed(1)} KiB, ${RUNS} runs)`,
  );
}

console.log(`createPdfRenderer (HarfBuzz + 8 fonts): ${loadMs.toFixed(1)} ms`);
await bench('English worksheet', englishWorksheet());
await bench('Khmer worksheet', khmerWorksheet());
await bench('English large type', englishWorksheet({ largeType: true }));
await bench('Khmer large type', khmerWorksheet({ largeType: true }));
