/**
 * `npm run h5p:import -- <file.h5p> [--id <id>] [--replace]` as a child process on a fresh
 * DATA_DIR (no database yet: it migrates first): the fixtures import, a second import is
 * recognised, and every bad package exits 1 with the exact Indonesian sentence, leaving no
 * file, temp folder or row behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../db/client';
import { ROOT } from '../helpers/server';
import { BAD_CASES, expectedProblem, GREETING_CARD, packageZip, TEST_LIMITS_ENV, TRUE_FALSE, validFiles } from '../helpers/h5p-packages';
import { id as d } from '../../src/i18n/id';

const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
let dataDir: string;
let work: string;
let database: Database | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'melek-h5p-cli-'));
  work = mkdtempSync(join(tmpdir(), 'melek-h5p-cli-files-'));
});
afterAll(() => {
  database?.$client.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX, join(ROOT, 'src/cli/h5p-import.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ...TEST_LIMITS_ENV },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const db = () => (database ??= openDatabase(`file:${join(dataDir, 'melek.db')}`));
const contentRows = async () => (await db().$client.execute('SELECT id, title, size_bytes FROM h5p_contents ORDER BY id')).rows.map((r) => ({ ...r }));
const onDisk = () => (existsSync(join(dataDir, 'h5p')) ? readdirSync(join(dataDir, 'h5p')).sort() : []);

// Each run starts tsx (2–5 s on a busy machine): generous timeouts.
describe('h5p:import on a fresh DATA_DIR', { timeout: 120_000 }, () => {
  it('migrates, imports true-false.h5p, prints the id and the embed code', async () => {
    expect(existsSync(join(dataDir, 'melek.db'))).toBe(false);
    const run = await cli(TRUE_FALSE);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^Berhasil: "Hello World" diimpor dengan ID hello-world \(unduhan peserta ± \d+ KB, folder hello-world-[0-9a-f]{12}\)\.\nPasang di pelajaran dengan: <H5P id="hello-world" \/>\n$/,
    );
    expect(await contentRows()).toEqual([{ id: 'hello-world', title: 'Hello World', size_bytes: expect.any(Number) }]);
  });

  it('the same file again: recognised, exit 0, nothing added', async () => {
    const before = onDisk();
    const run = await cli(TRUE_FALSE, '--id', 'lain');
    expect(run).toEqual({ status: 0, stdout: `${d.h5pCliDuplicate('Hello World', 'hello-world')}\n`, stderr: '' });
    expect(onDisk()).toEqual(before);
    expect(await contentRows()).toHaveLength(1);
  });

  it('imports greeting-card.h5p with an id of my choosing, and replaces it with --replace', async () => {
    expect((await cli(GREETING_CARD, '--id=kartu')).status).toBe(0);
    const file = join(work, 'baru.h5p');
    writeFileSync(file, packageZip(validFiles('Kartu baru')));
    const taken = await cli(file, '--id', 'kartu');
    expect(taken.status).toBe(1);
    expect(taken.stderr).toBe(
      `${d.h5pCliRefused('baru.h5p', `${d.h5pProblem({ code: 'idTaken', id: 'kartu', title: 'Greeting card 1' })} (Tambahkan --replace untuk menggantinya.)`)}\n`,
    );
    const replaced = await cli(file, '--id', 'kartu', '--replace');
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toContain(d.h5pCliReplaced('Kartu baru', 'kartu'));
    expect((await contentRows()).map((r) => [r.id, r.title])).toEqual([
      ['hello-world', 'Hello World'],
      ['kartu', 'Kartu baru'],
    ]);
    expect(onDisk().filter((f) => f.startsWith('kartu-'))).toHaveLength(1);
  });

  it('explains its usage, a missing file and a bad id (exit 1)', async () => {
    expect(await cli()).toEqual({ status: 1, stdout: '', stderr: `${d.h5pCliUsage}\n` });
    expect(await cli(TRUE_FALSE, '--id')).toEqual({ status: 1, stdout: '', stderr: `${d.h5pCliUsage}\n` });
    expect(await cli(TRUE_FALSE, '--force')).toEqual({ status: 1, stdout: '', stderr: `${d.h5pCliUsage}\n` });
    expect(await cli('tidak-ada.h5p')).toEqual({ status: 1, stdout: '', stderr: `${d.h5pCliNoFile('tidak-ada.h5p')}\n` });
    expect(await cli(work)).toEqual({ status: 1, stdout: '', stderr: `${d.h5pCliNoFile(work)}\n` });
    const badId = await cli(GREETING_CARD, '--id', 'Nama Saya');
    expect(badId.status).toBe(1);
    expect(badId.stderr).toBe(`${d.h5pCliRefused('greeting-card.h5p', d.h5pProblem({ code: 'idInvalid', id: 'Nama Saya' }))}\n`);
  });
});

describe('h5p:import refuses every bad package with exit code 1 and the exact message', () => {
  const seen: Array<{ name: string; message: string }> = [];
  afterAll(() => {
    console.log(`CLI refusals:\n${seen.map((s) => `  ${s.name}: ${s.message}`).join('\n')}`);
  });

  it('all of them, leaving nothing on disk or in the database', async () => {
    const before = { disk: onDisk(), rows: await contentRows() };
    const queue = [...BAD_CASES];
    const failures: string[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let c = queue.shift(); c; c = queue.shift()) {
          const zip = await c.build();
          const name = `${c.name
            .replace(/[^a-z0-9]+/gi, '-')
            .replace(/^-|-$/g, '')
            .toLowerCase()}.h5p`;
          const file = join(work, name);
          writeFileSync(file, zip);
          const run = await cli(file);
          const expected = d.h5pCliRefused(name, d.h5pProblem(await expectedProblem(c, zip)));
          seen.push({ name: c.name, message: run.stderr.split('\n')[0] });
          if (run.status !== 1 || run.stderr !== `${expected}\n` || run.stdout !== '')
            failures.push(`${c.name}: exit ${run.status}\n${run.stderr}${run.stdout}\nexpected: ${expected}`);
        }
      }),
    );
    expect(failures).toEqual([]);
    expect(onDisk()).toEqual(before.disk);
    expect(await contentRows()).toEqual(before.rows);
  }, 300_000);
});
