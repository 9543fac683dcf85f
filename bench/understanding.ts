// npm run bench:understanding: what understanding one free-text message costs (language,
// slots, places among all 91,593 region names, every answer ranked), p50 and p99 per message,
// over the labelled set and the same messages with a typo, several rounds after a warm-up.
// The baseline, measured in the same run on the same messages: splitting them into standard
// words, which any reading of a message must do.
import { performance } from 'node:perf_hooks';
import { rawWords, standardWord } from '../src/domain/understanding/normalize.ts';
import { understanderFromSeedFiles } from '../src/domain/understanding/seed-sources.ts';
import { readLabelledSet } from '../test/understanding/evaluate.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

function typo(text: string, i: number): string {
  const at = 1 + (i % Math.max(1, text.length - 2));
  return text.slice(0, at) + text.slice(at + 1);
}

const started = performance.now();
// Without its memory of recent questions: every message costs the whole work.
const understander = await understanderFromSeedFiles({ remember: false });
const loadMs = performance.now() - started;
const cases = readLabelledSet();
const messages = [...cases.map((c) => c.text), ...cases.map((c, i) => typo(c.text, i))];

function measure(run: (text: string) => unknown): { p50: number; p99: number; max: number } {
  for (const m of messages) run(m); // warm-up
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const m of messages) {
      const t0 = performance.now();
      run(m);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p99: at(0.99), max: times.at(-1)! };
}

const baseline = measure((text) => rawWords(text).map(standardWord));
const understanding = measure((text) => understander.understand(text));
const ms = (n: number) => `${n.toFixed(3)} ms`;
console.log(`built from the seed files in ${loadMs.toFixed(0)} ms; ${messages.length} messages × ${ROUNDS} rounds`);
console.log(`baseline (words only):  p50 ${ms(baseline.p50)}  p99 ${ms(baseline.p99)}  max ${ms(baseline.max)}`);
console.log(`understanding:          p50 ${ms(understanding.p50)}  p99 ${ms(understanding.p99)}  max ${ms(understanding.max)}`);
console.log(
  `ratio to baseline:      p50 ${(understanding.p50 / baseline.p50).toFixed(1)}×  p99 ${(understanding.p99 / baseline.p99).toFixed(1)}×`,
);
console.log(`target: p99 ≤ 1 ms → ${understanding.p99 <= 1 ? 'met' : 'NOT met'}`);
