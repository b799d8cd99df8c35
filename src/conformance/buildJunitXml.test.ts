import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildJunitXml } from './buildJunitXml.ts';

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'testcase' || name === 'testsuite' }).parse(xml);

describe('buildJunitXml', () => {
  it('counts tests, failures and skipped cases on the suite and on testsuites', () => {
    const xml = buildJunitXml([
      {
        name: 'suite',
        cases: [
          { name: 'a', className: 'c', outcome: 'passed' },
          { name: 'b', className: 'c', outcome: 'failed', failureMessage: 'rule 3 /x: off', failureType: 'rule 3', details: 'all of it' },
          { name: 'd', className: 'c', outcome: 'skipped', output: 'over the cap' },
        ],
      },
    ]);
    const doc = parse(xml);
    expect(doc.testsuites).toMatchObject({ '@tests': '3', '@failures': '1', '@skipped': '1', '@errors': '0' });
    const [a, b, d] = doc.testsuites.testsuite[0].testcase;
    expect(a.failure).toBeUndefined();
    expect(b.failure).toEqual({ '#text': 'all of it', '@message': 'rule 3 /x: off', '@type': 'rule 3' });
    expect(d.skipped).toBe('');
    expect(d['system-out']).toBe('over the cap');
  });

  it('escapes markup and drops characters XML cannot carry, so the file stays valid XML', () => {
    const nasty = 'a <b> & "c" \u0000 ]]> end ]]> twice';
    const xml = buildJunitXml([{ name: nasty, cases: [{ name: nasty, className: nasty, outcome: 'failed', failureMessage: nasty, details: nasty, output: nasty }] }]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const tc = parse(xml).testsuites.testsuite[0].testcase[0];
    expect(tc['@name']).toBe('a <b> & "c" \uFFFD ]] > end ]] > twice');
    expect(tc.failure['#text']).toBe('a <b> & "c" \uFFFD ]] > end ]] > twice');
  });
});
