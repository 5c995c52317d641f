import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const DOMAIN_LIBRARIES = ['kernel', 'stations-contracts', 'supervision', 'training', 'assessment', 'reporting', 'renewal'].map((lib) => `libs/${lib}/src`);
/** What would make a domain function depend on the moment, chance or the machine it runs on. */
const IMPURE = [/new Date\(\s*\)/, /Date\.now\(/, /Math\.random\(/, /performance\.now\(/, /process\.(env|hrtime)/];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the domain libraries', () => {
  it('read no clock, no randomness and no environment: time and ids arrive with the command', () => {
    const offences = DOMAIN_LIBRARIES.flatMap((dir) => sources(join(ROOT, dir))).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          IMPURE.some((pattern) => pattern.test(line)) ? [`${relative(ROOT, file)}:${index + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(offences).toEqual([]);
  });
});
