import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReportFile } from './writeReportFile.ts';

const fail = (message: string): never => {
  throw new Error(message);
};

describe('writeReportFile (check --junit, contracts:verify --junit)', () => {
  it('makes the missing folders and writes the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const file = writeReportFile(join(dir, 'a', 'b', 'junit.xml'), '<testsuites/>', fail);
    expect(file).toBe(join(dir, 'a', 'b', 'junit.xml'));
    expect(readFileSync(file, 'utf8')).toBe('<testsuites/>');
  });

  it('says which part of the path is a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    writeFileSync(join(dir, 'plain'), 'x');
    expect(() => writeReportFile(join(dir, 'plain', 'sub', 'junit.xml'), '', fail)).toThrow(`Cannot write ${join(dir, 'plain', 'sub', 'junit.xml')}: ${join(dir, 'plain')} is not a folder`);
  });

  it('fails at once, naming the folder, where the kernel refuses one (/proc, where a recursive mkdir never returns on Node 20)', () => {
    expect(() => writeReportFile('/proc/no-such/junit.xml', '', fail)).toThrow(/^Cannot write \/proc\/no-such\/junit\.xml: cannot make the folder \/proc\/no-such \(E[A-Z]+\)$/);
  });

  it('says so when the path is a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    expect(() => writeReportFile(dir, '', fail)).toThrow(`Cannot write ${dir}: it is a folder`);
  });
});
