/** Every DMN file in ../shared, written by others (Camunda Modeler), parses; the zeebe-node fixtures evaluate. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED, sharedFilesBelow } from '../../test/support/shared-files.js';
import { outputOf, parseGraph } from './dmn-test-documents.js';

const files = sharedFilesBelow('', '.dmn');
const readShared = (file: string) => readFileSync(join(SHARED, file));

describe('the DMN files in ../shared', () => {
  it('has files to test', () => {
    expect(files).toEqual(expect.arrayContaining(['zeebe-fixtures/testdata/decision.dmn', 'zeebe-fixtures/testdata/quarantine-duration.dmn']));
  });

  it.each(files)('parses %s', async (file) => {
    const graph = await parseGraph(readShared(file));
    expect(graph.decisions.length).toBeGreaterThan(0);
  });

  it("evaluates zeebe-node's decision.dmn: a dish for each season, null for none", async () => {
    const graph = await parseGraph(readShared('zeebe-fixtures/testdata/decision.dmn'));
    const dishes = ['Fall', 'Winter', 'Spring', 'Summer', 'Monsoon'].map((season) => outputOf(graph, 'Decision_13dmfgp', { season }));
    expect(dishes).toEqual(['Potato fries', 'Roast Apple', 'Steak', 'Light Salad and Kombucha', null]);
  });

  it("evaluates zeebe-node's quarantine-duration.dmn by employment category and age", async () => {
    const graph = await parseGraph(readShared('zeebe-fixtures/testdata/quarantine-duration.dmn'));
    const duration = (employment_category: string, age: number) => outputOf(graph, 'Decision_Quarantine', { employment_category, age });
    expect(duration('critical infrastructure', 25)).toBe('P5D');
    expect(duration('non-critical infrastructure', 30)).toBe('P7D');
    expect(duration('critical infrastructure', 31)).toBe('P10D');
    expect(duration('non-critical infrastructure', 64)).toBe('P10D');
    expect(duration('unknown', 20)).toBeNull();
  });
});
