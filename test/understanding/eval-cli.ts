// npm run eval:understanding: accuracy of free-text understanding on the labelled set, by
// topic, with the worst confusions and every failure (`-- --all`). `-- --set second` (third,
// ..., fifteenth) measures one of the later sets instead, each written by another hand from
// the topics alone; see README (Free text) for how each was used.
import path from 'node:path';
import { seedKnowledgeTopics } from './topics.ts';
import { understanderFromSeedFiles } from '../../src/domain/understanding/seed-sources.ts';
import { evaluate, readLabelledSet } from './evaluate.ts';

const understander = await understanderFromSeedFiles();
const named = process.argv.includes('--second') ? 'second' : process.argv[process.argv.indexOf('--set') + 1];
const file =
  process.argv.includes('--second') || process.argv.includes('--set') ? path.join(import.meta.dirname, `${named}-set.jsonl`) : undefined;
const report = evaluate(understander, readLabelledSet(file), seedKnowledgeTopics());
const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
console.log(
  `${file ? `${named} set` : 'labelled set'}: ${report.correct} of ${report.total} right = ${pct(report.correct, report.total)} (${report.choices} close calls offered as choices)`,
);
console.log('\nby topic:');
for (const t of report.byTopic)
  console.log(`  ${t.topic.padEnd(22)} ${String(t.correct).padStart(3)}/${String(t.total).padEnd(3)} ${pct(t.correct, t.total)}`);
console.log('\nworst confusions:');
for (const c of report.confusions.slice(0, 12)) console.log(`  ${String(c.count).padStart(2)} × ${c.expected} → ${c.got}`);
const shown = process.argv.includes('--all') ? report.failures : report.failures.slice(0, 25);
console.log(`\nfailures${shown.length < report.failures.length ? ` (first ${shown.length}; --all for every one)` : ''}:`);
process.stdout.on('error', () => process.exit(0)); // piped into head
for (const f of shown)
  console.log(`  ${JSON.stringify(f.case.text)}${f.case.after ? ` after ${JSON.stringify(f.case.after)}` : ''}: ${f.problems.join('; ')}`);
