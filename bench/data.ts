// `npm run bench:data -- --scale school|city|province [--db sqlite|postgres] [--out file | postgres://…]`:
// builds a deterministic dataset on the real schema and prints how long each part took.
import { dialectArg, parseArgs } from './args';
import { buildDataset } from './dataset/build';
import { targetOf } from './dataset/target';

const args = parseArgs(process.argv.slice(2));
const scale = typeof args.scale === 'string' ? args.scale : 'school';
const target = targetOf(dialectArg(args.db), scale, typeof args.out === 'string' ? args.out : undefined);
console.log(`${target.scale.label} → ${target.url.replace(/\/\/[^@/]*@/, '//…@')}`);
const meta = await buildDataset(target, console.log);
console.log(`built in ${meta.seconds.toFixed(1)} s:`, Object.entries(meta.rows).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', '));
