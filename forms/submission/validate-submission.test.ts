/**
 * What the validator does with a submission, in brief and without the viewer (the parity tests in `parity/` prove
 * each of these against form-js itself).
 */
import { checkSchema, compileForm, FormSchemaError, validateSubmission, type FormSchema } from '../index.js';

const dogTax = {
  type: 'default',
  components: [
    { type: 'checkbox', key: 'taxReduction' },
    { type: 'textfield', key: 'reason', conditional: { hide: '=not(taxReduction)' }, validate: { required: true } },
    { type: 'number', key: 'weight', decimalDigits: 1, validate: { min: 0.5 } },
    { type: 'select', key: 'sex', values: [{ label: 'Rüde', value: 'male' }, { label: 'Hündin', value: 'female' }] },
    { type: 'dynamiclist', path: 'dogs', isRepeating: true, allowAddRemove: true, components: [{ type: 'textfield', key: 'name', validate: { required: true } }] },
  ],
} as unknown as FormSchema;

const codes = (submission: unknown) => validateSubmission(dogTax, submission, { locale: 'en' }).errors.map((error) => [error.path, error.code]);

describe('validateSubmission', () => {
  it('neither validates nor keeps a field its condition hides, and drops unknown keys', () => {
    const { data, errors } = validateSubmission(dogTax, { taxReduction: false, reason: '', weight: 3, sex: 'male', dogs: [{ name: 'Bello' }], extra: 1 });
    expect(errors).toEqual([]);
    expect(data).toEqual({ taxReduction: false, weight: 3, sex: 'male', dogs: [{ name: 'Bello' }] });
  });

  it('submits nothing for an empty list, as form-js, whose submitted data hold only fields', () => {
    expect(validateSubmission(dogTax, { dogs: [] }).data).toEqual({ taxReduction: false, weight: null, sex: null });
  });

  it('validates a field once its condition shows it, with form-js’s message', () => {
    const { errors } = validateSubmission(dogTax, { taxReduction: true, dogs: [] }, { locale: 'en' });
    expect(errors).toEqual([{ path: 'reason', componentId: '/components/1', key: 'reason', message: 'Field is required.', code: 'required' }]);
  });

  it('names each list item’s field by its path', () => {
    expect(codes({ dogs: [{ name: 'Bello' }, { name: '' }] })).toEqual([['dogs[1].name', 'required']]);
  });

  it('rejects what form-js would silently change: a value outside the options, text where a list belongs', () => {
    expect(codes({ sex: 'cat', dogs: 'Bello' })).toEqual(expect.arrayContaining([['dogs', 'notAList'], ['sex', 'notAnOption']]));
  });

  it('lets conditions see Infinity as null, as form-js opens its data through JSON, and rejects it where the field shows', () => {
    const riskList = {
      type: 'default',
      components: [
        { type: 'dynamiclist', path: 'risks', isRepeating: true, allowAddRemove: true, components: [
          { type: 'number', key: 'risk', conditional: { hide: '=this.risk <= 75' } },
          { type: 'textfield', key: 'name' },
        ] },
        { type: 'number', key: 'amount' },
      ],
    } as unknown as FormSchema;
    const { data, errors } = validateSubmission(riskList, { risks: [{ risk: Infinity, name: 'a' }], amount: Infinity });
    expect(data).toEqual({ risks: [{ name: 'a' }], amount: null });
    expect(errors.map((error) => [error.path, error.code])).toEqual([['amount', 'notANumber']]);
  });

  it('speaks German unless told otherwise', () => {
    expect(validateSubmission(dogTax, { weight: 3.25, dogs: [] }).errors[0].message).toBe('Der Wert darf höchstens 1 Nachkommastelle haben.');
  });

  it('rejects a submission that is no object', () => {
    expect(codes('weight=3')).toContainEqual(['', 'submissionNotObject']);
  });
});

describe('checkSchema', () => {
  it('names each component the validator cannot judge, and compileForm refuses the form', () => {
    const schema = { type: 'default', components: [{ type: 'textfield', key: 'a' }, { type: 'textfield', key: 'a' }, { type: 'textfield', key: 'c', conditional: { hide: '=a >' } }] };
    expect(checkSchema(schema).map((problem) => problem.pointer)).toEqual(['/components/1', '/components/2']);
    expect(() => compileForm(schema as unknown as FormSchema)).toThrow(FormSchemaError);
  });
});
