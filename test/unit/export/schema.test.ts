import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resultsSchema } from '../../../shared/export/results';

const file = join(import.meta.dirname, '../../../shared/export/results.schema.json');

describe('the published schema of results.json', () => {
  it('is the one the verifier checks with (UPDATE_SCHEMA=1 writes it again)', async () => {
    const options = { ...(await resolveConfig(file)), filepath: file };
    const generated = await format(JSON.stringify(z.toJSONSchema(resultsSchema)), options);
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(file, generated);
    expect(readFileSync(file, 'utf8')).toBe(generated);
  });
});
