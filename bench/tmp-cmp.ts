import fs from 'node:fs';
import v8 from 'node:v8';
import { isDeepStrictEqual } from 'node:util';
import { readNotificationsFile } from '../electron/backend/notifications/import';
const old = v8.deserialize(fs.readFileSync('/tmp/prof/events.bin')) as unknown[];
let i = 0, diff = 0;
for await (const e of readNotificationsFile('bench/out/eping-synthetic-105000.xlsx', {})) {
  if (!isDeepStrictEqual(e, old[i])) { if (diff++ < 3) console.log(JSON.stringify(e).slice(0, 400), '\n', JSON.stringify(old[i]).slice(0, 400)); }
  i++;
}
console.log('events', i, 'old', old.length, 'diffs', diff);
