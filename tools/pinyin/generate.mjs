// Generates GovNetOps.Domain/Registry/pinyin-initials.txt, the table behind Domain `Registry/PinyinInitials`.
// Run: cd tools/pinyin && npm install && npm run generate   (pinyin-pro pinned in package.json)
//
// Output format (UTF-8, LF):
//   line 1: one character per code point U+4E00..U+9FA5 (the CJK Unified Ideographs of GB 2312/GBK and
//           Unicode 1.1–4.1): the lowercase initial of its most common reading, '_' where it has none.
//   then:   "word<TAB>initials" for each word of place-words.txt whose reading in context differs from the
//           character-by-character default (e.g. 银行 → yh, not yx), or that gives its initials by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';

const First = 0x4e00;
const Last = 0x9fa5;
const initial = (text) =>
  pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' })
    .map((p) => (/^[a-z]$/.test(p) ? p : '_'))
    .join('');

let table = '';
for (let code = First; code <= Last; code++) {
  table += initial(String.fromCodePoint(code));
}

const words = [];
for (const line of readFileSync(new URL('./place-words.txt', import.meta.url), 'utf8').split('\n')) {
  const [word, given] = line.trim().split(/\s+/);
  if (!word || word.startsWith('#')) continue;
  if (given) {
    // Written by hand where pinyin-pro reads the word wrongly.
    if (!/^[a-z]+$/.test(given) || given.length !== [...word].length) throw new Error(`bad initials on: ${line}`);
    words.push(`${word}\t${given}`);
    continue;
  }
  const inContext = initial(word);
  const perChar = [...word].map(initial).join('');
  if (inContext.length === [...word].length && inContext !== perChar) {
    words.push(`${word}\t${inContext}`);
  } else if (inContext === perChar) {
    console.warn(`skipped ${word}: same initials as the characters alone (${perChar})`);
  }
}

const out = new URL('../../GovNetOps.Domain/Registry/pinyin-initials.txt', import.meta.url);
writeFileSync(out, [table, ...words].join('\n') + '\n');
console.log(`${Last - First + 1} characters, ${words.length} words → ${out.pathname}`);
