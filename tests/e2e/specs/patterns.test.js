// Every `pattern` attribute the templates give a form field must compile under the rules the
// browser applies to it (HTML compiles `pattern` with the RegExp `v` flag). An invalid pattern is
// silently ignored by the browser, so the field would accept anything without saying why
// (issue 17: the phone field's pattern once was). A static check: no page is visited.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../../../', import.meta.url).pathname;

/** Every `.html` template below `dir`. */
function templates(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'target') return [];
    if (statSync(path).isDirectory()) return templates(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

describe('form field patterns', () => {
  it('compile with the v flag, as the browser compiles them', () => {
    const files = [...templates(join(ROOT, 'features')), ...templates(join(ROOT, 'platform'))];
    const found = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // `pattern="…"` as a macro argument: a template string literal, backslashes doubled.
      for (const m of text.matchAll(/\bpattern="((?:[^"\\]|\\.)*)"/g)) {
        if (m[1].includes('{{')) continue; // the macro writing the attribute, not a pattern
        found.push({ file, pattern: m[1].replace(/\\\\/g, '\\') });
      }
    }
    assert.ok(found.length >= 5, `patterns found: ${found.length}`);
    const invalid = found.filter(({ pattern }) => {
      try {
        new RegExp(`^(?:${pattern})$`, 'v');
        return false;
      } catch {
        return true;
      }
    });
    assert.deepEqual(invalid, []);
  });
});
