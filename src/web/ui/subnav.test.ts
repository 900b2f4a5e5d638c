import { describe, expect, it } from 'vitest';
import { currentTab } from './subnav';

const OUTREACH = [
  { to: '/outreach', label: 'Queue' },
  { to: '/outreach/templates', label: 'Templates' },
  { to: '/outreach/stats', label: 'Response rates' },
];
const IMPORT = [
  { to: '/import', label: 'Import a file' },
  { to: '/imports', label: 'Import history' },
  { to: '/data', label: 'Your data', also: ['/backups'] },
];

describe('currentTab', () => {
  it('picks the link whose path is the longest prefix, so a deeper tab wins over its parent', () => {
    expect(currentTab('/outreach', OUTREACH)).toBe('/outreach');
    expect(currentTab('/outreach/items/42', OUTREACH)).toBe('/outreach');
    expect(currentTab('/outreach/templates', OUTREACH)).toBe('/outreach/templates');
    expect(currentTab('/outreach/stats', OUTREACH)).toBe('/outreach/stats');
  });

  it('matches whole path segments only, and `also` paths', () => {
    expect(currentTab('/imports', IMPORT)).toBe('/imports');
    expect(currentTab('/imports/7', IMPORT)).toBe('/imports');
    expect(currentTab('/import', IMPORT)).toBe('/import');
    expect(currentTab('/backups/1', IMPORT)).toBe('/data');
    expect(currentTab('/importer', IMPORT)).toBeUndefined();
    expect(currentTab('/', IMPORT)).toBeUndefined();
  });
});
