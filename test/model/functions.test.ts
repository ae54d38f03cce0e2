import { strict as assert } from 'assert';
import { FUNCTIONS, getFunction } from '../../server/src/model/functions/registry';
import { VALUE_REFERENCE_DOCS, VALUE_REFERENCES, isValueReference } from '../../server/src/model/functions/references';
import type { FunctionDef } from '../../server/src/model/functions/types';
import { call, missing, path, str } from './builders';

function fn(name: string): FunctionDef {
  const f = getFunction(name);
  assert.ok(f, `function ${name} is registered`);
  return f;
}

function run(name: string, ...args: (string | undefined)[]): string | undefined {
  return fn(name).evaluate(args);
}

describe('expression functions', () => {
  it("registers exactly the language's functions, each documented with an example", () => {
    assert.deepEqual([...FUNCTIONS.keys()].sort(), [
      'first',
      'guest_email',
      'join',
      'lower',
      'replace',
      'strip_domain',
      'substring',
      'trim',
      'upper',
    ]);
    for (const f of FUNCTIONS.values()) {
      assert.ok(f.signature.startsWith(`${f.name}(`), f.name);
      assert.match(f.doc, /```[\s\S]*```/, `${f.name} has an example`);
      assert.ok(f.params.length > 0 && f.minArgs <= f.maxArgs, f.name);
      assert.equal(f.returns, 'string');
      const variadic = f.params.some((p) => p.variadic);
      assert.equal(f.maxArgs === Infinity, variadic, `${f.name}: variadic iff maxArgs is Infinity`);
    }
    assert.equal(getFunction('env'), undefined);
    assert.equal(getFunction('LOWER'), undefined);
  });

  describe('first', () => {
    it('returns the first argument that is neither missing nor blank, unchanged', () => {
      assert.equal(run('first', undefined, '  ', '', ' +1 555 ', 'x'), ' +1 555 ');
      assert.equal(run('first', 'a', 'b'), 'a');
      assert.equal(run('first', undefined, '\t'), undefined);
    });
  });

  describe('join', () => {
    it('joins the non-empty values with the separator', () => {
      assert.equal(run('join', ', ', 'Berlin', undefined, '', 'DE'), 'Berlin, DE');
      assert.equal(run('join', ', ', 'Berlin', ' '), 'Berlin');
      assert.equal(run('join', '-', undefined, undefined), undefined);
      assert.equal(run('join', undefined, 'a', 'b'), 'ab');
    });
  });

  describe('lower, upper, trim', () => {
    it('change case by Unicode rules and keep missing values missing', () => {
      assert.equal(run('lower', 'Alice@Contoso.COM'), 'alice@contoso.com');
      assert.equal(run('upper', 'straße'), 'STRASSE');
      assert.equal(run('lower', 'İ'.normalize('NFC')), 'i̇');
      assert.equal(run('upper', undefined), undefined);
    });

    it('trim removes surrounding whitespace only', () => {
      assert.equal(run('trim', ' \u00a0 R&D  x \n'), 'R&D  x');
      assert.equal(run('trim', undefined), undefined);
    });
  });

  describe('replace', () => {
    it('replaces every match of a regular expression, with groups', () => {
      assert.equal(run('replace', '+1 (555) 0100', '[^0-9+]', ''), '+15550100');
      assert.equal(run('replace', 'Smith, John', '^(\\w+), (\\w+)$', '$2 $1'), 'John Smith');
      assert.equal(run('replace', 'a.b.c', '\\.', '-'), 'a-b-c');
      assert.equal(run('replace', 'abc', 'b', undefined), 'ac');
      assert.equal(run('replace', undefined, 'b', 'x'), undefined);
    });

    it('gives no value and a warning when the pattern does not compile at run time', () => {
      const warnings: string[] = [];
      assert.equal(fn('replace').evaluate(['abc', '(', 'x'], { warn: (m) => warnings.push(m) }), undefined);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /does not compile/);
    });

    it('checks a literal pattern statically', () => {
      const problems = fn('replace').checkArgs!([path('mail'), str('[a-'), str('')]);
      assert.equal(problems.length, 1);
      assert.equal(problems[0].index, 1);
      assert.match(problems[0].message, /does not compile/);
      assert.deepEqual(fn('replace').checkArgs!([path('mail'), str('[a-z]+'), str('')]), []);
      assert.deepEqual(fn('replace').checkArgs!([path('mail'), path('x'), str('')]), []);
      assert.deepEqual(fn('replace').checkArgs!([path('mail')]), []);
    });
  });

  describe('strip_domain', () => {
    it('keeps what stands before the last @', () => {
      assert.equal(run('strip_domain', 'a@b.com'), 'a');
      assert.equal(run('strip_domain', '"a@b"@c.com'), '"a@b"');
      assert.equal(run('strip_domain', 'no-at-sign'), 'no-at-sign');
      assert.equal(run('strip_domain', undefined), undefined);
    });
  });

  describe('guest_email', () => {
    it("turns a guest UPN back into the guest's address", () => {
      assert.equal(
        run('guest_email', 'first.last_fabrikam.com#EXT#@contoso.onmicrosoft.com'),
        'first.last@fabrikam.com',
      );
      assert.equal(
        run('guest_email', 'first_last_fabrikam.com#EXT#@contoso.onmicrosoft.com'),
        'first_last@fabrikam.com',
      );
      assert.equal(run('guest_email', 'x_y.org#ext#@t.onmicrosoft.com'), 'x@y.org');
    });

    it('passes members and odd values through', () => {
      assert.equal(run('guest_email', 'alice@contoso.com'), 'alice@contoso.com');
      assert.equal(run('guest_email', 'nounderscore#EXT#@t.onmicrosoft.com'), 'nounderscore#EXT#@t.onmicrosoft.com');
      assert.equal(run('guest_email', undefined), undefined);
    });
  });

  describe('substring', () => {
    it('cuts by characters as people see them', () => {
      assert.equal(run('substring', 'Émile', '0', '1'), 'É');
      assert.equal(run('substring', 'abcdef', '2'), 'cdef');
      assert.equal(run('substring', 'abcdef', '2', '2'), 'cd');
      assert.equal(run('substring', 'ab', '5', '2'), '');
      assert.equal(run('substring', '😀👍🏽x', '1', '1'), '👍🏽');
      assert.equal(run('substring', 'e\u0301x', '0', '1'), 'e\u0301');
    });

    it('gives no value and a warning for positions that are not digits', () => {
      const warnings: string[] = [];
      assert.equal(fn('substring').evaluate(['abc', '-1'], { warn: (m) => warnings.push(m) }), undefined);
      assert.equal(fn('substring').evaluate(['abc', '1', 'x']), undefined);
      assert.equal(warnings.length, 1);
    });

    it('checks statically that start and length are digits in quotes', () => {
      const check = fn('substring').checkArgs!;
      assert.deepEqual(check([path('givenName'), str('0'), str('3')]), []);
      assert.deepEqual(check([path('givenName'), str('0'), missing()]), []);
      assert.deepEqual(
        check([path('givenName'), str('one')]).map((p) => p.index),
        [1],
      );
      assert.deepEqual(
        check([path('givenName'), path('x'), call('lower', str('1'))]).map((p) => p.index),
        [1, 2],
      );
    });
  });
});

describe('value references', () => {
  it('are env, secret and file, documented, and not functions', () => {
    assert.deepEqual([...VALUE_REFERENCES], ['env', 'secret', 'file']);
    for (const r of VALUE_REFERENCES) {
      assert.ok(isValueReference(r));
      assert.equal(getFunction(r), undefined);
      assert.ok(VALUE_REFERENCE_DOCS[r].signature.startsWith(`${r}("`));
      assert.match(VALUE_REFERENCE_DOCS[r].doc, /```/);
    }
    assert.equal(isValueReference('lower'), false);
  });
});
