import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/paywitness-cli';
import { bundleBytes, dbWithCaptures, rezip } from '../../helpers/evidence-builders';

async function run(args: string[]) {
  const lines: string[] = [];
  const code = await runCli(args, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

describe('paywitness verify', () => {
  it('exits 0 / 1 / 2 for intact / tampered / unreadable', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-cli-'));
    const bytes = await bundleBytes(await dbWithCaptures(2));
    const intact = join(dir, 'intact.zip');
    await writeFile(intact, bytes);
    expect(await run(['verify', intact])).toMatchObject({ code: 0, output: expect.stringMatching(/^INTACT/) });

    const files = unzipSync(bytes);
    const text = Object.keys(files).find((name) => name.endsWith('page.txt'))!;
    const tampered = join(dir, 'tampered.zip');
    await writeFile(tampered, rezip({ ...files, [text]: new TextEncoder().encode('edited') }));
    const bad = await run(['verify', tampered]);
    expect(bad.code).toBe(1);
    expect(bad.output).toContain(text);

    const junk = join(dir, 'junk.zip');
    await writeFile(junk, 'not a zip');
    expect((await run(['verify', junk])).code).toBe(2);
    expect((await run(['verify', join(dir, 'missing.zip')])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
  });
});
