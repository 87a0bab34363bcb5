/** A realistic submission of the dog registration form (`forms/test-forms/`), valid, and a variant with mistakes. */
import type { UploadedFile } from '../../forms/index.js';

export const inputData = {
  breeds: [
    { label: 'Dackel', value: 'dackel' },
    { label: 'Labrador Retriever', value: 'labrador' },
    { label: 'Mischling', value: 'mischling' },
    { label: 'Rottweiler', value: 'rottweiler' },
  ],
  reductionReasons: ['Blindenführhund', 'Rettungshund', 'Sozialhilfe'],
};

export const files: Record<string, UploadedFile[]> = {
  'files::bescheid': [{ name: 'bescheid.pdf', type: 'application/pdf', size: 120_000 }],
};

export const validSubmission = {
  owner: {
    salutation: 'frau',
    firstName: 'Erika',
    lastName: 'Mustermann',
    birthDate: '1980-04-12',
    email: 'erika.mustermann@example.de',
    phone: '+4922112345678',
    address: { street: 'Domkloster 4', postalCode: '50667', city: 'Köln' },
  },
  dogs: [
    { name: 'Bello', breed: 'dackel', weight: 9.5, height: 25, sex: 'male', birthDate: '2021-03-01', chipNumber: '276098106543210', neutered: true },
    {
      name: 'Hasso', breed: 'rottweiler', weight: 42, height: 63, sex: 'male', birthDate: '2019-07-15', chipNumber: '276098106543211',
      neutered: false, insuranceNumber: 'HV-2024-0815', expertise: 'Sachkundenachweis vom 3. Mai 2024',
    },
  ],
  keeping: ['garden'],
  keepingSince: '2024-05-01',
  taxReduction: true,
  reductionReason: 'Sozialhilfe',
  proof: 'files::bescheid',
  wantsAppointment: true,
  appointment: '2030-09-12T08:00Z',
  callBackAt: '09:30+02:00',
  remarks: 'Hasso ist ein Zweithund.',
  consent: true,
};

export const invalidSubmission = {
  ...validSubmission,
  owner: { ...validSubmission.owner, email: 'erika@', address: { street: '', postalCode: '5066', city: 'Köln' } },
  dogs: [{ ...validSubmission.dogs[0], weight: 9.55, breed: 'wolf' }, { ...validSubmission.dogs[1], insuranceNumber: '' }],
  reductionReason: 'Hundefreund',
  consent: false,
};
