import { describe, expect, it } from 'vitest';
import { temporaryName } from '../../src-main/lift/database-names.js';
import { onDatabase } from '../../src-main/lift/database-query.js';
import { LiftError } from '../../src-main/lift/errors.js';

describe('onDatabase', () => {
  it('drops the $db declaration and names the database as a literal wherever $db is used', () => {
    const query = `declare variable $db as xs:string external;
declare variable $doc := db:open($db, 'dictionary.lift');
declare variable $dbx external;
(db:info($db), $dbx, $db-name)`;
    expect(onDatabase('Sena_2', query)).toBe(`
declare variable $doc := db:open('Sena_2', 'dictionary.lift');
declare variable $dbx external;
(db:info('Sena_2'), $dbx, $db-name)`);
    expect(onDatabase('a', 'declare variable $db external; db:exists($db)')).toBe(" db:exists('a')");
  });

  it('accepts the temporary names imports work in', () => {
    const name = temporaryName(`${'x'.repeat(100)}`, 'replaced');
    expect(onDatabase(name, 'declare variable $db external; $db')).toBe(` '${name}'`);
  });

  it('refuses a name that could leave the literal, and a query without exactly one $db declaration', () => {
    for (const name of ["a'b", 'a b', '', "x') or db:drop('y", 'é']) {
      expect(() => onDatabase(name, 'declare variable $db external; $db'), name).toThrow(LiftError);
    }
    expect(() => onDatabase('a', 'db:exists($db)')).toThrow(/declares \$db external once/);
    expect(() => onDatabase('a', 'declare variable $db external; declare variable $db external; 1')).toThrow(/not 2 times/);
  });
});
