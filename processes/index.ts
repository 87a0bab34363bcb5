/**
 * processes/: the city's reference processes. What start-up code needs: the resource files to deploy (forms, then
 * decisions, then processes, the order in which the engine can link them), the mail templates they send, and per
 * process the portal's service metadata.
 */
import { fileURLToPath } from 'node:url';

export interface PortalService {
  /** The BPMN process id the portal starts. */
  bpmnProcessId: string;
  /** German title in the portal's service list. */
  title: string;
  description: string;
  /**
   * Prefix of the reference number (Aktenzeichen) the portal gives each application, unique per service; the portal
   * passes the number as variable `submissionReference`, which the processes take as their `aktenzeichen`.
   */
  referencePrefix: string;
  /** True when citizens start it from the portal with its start form; false for staff or system-started processes. */
  citizenStartable: boolean;
  /** The form-js id of the start form (linked on the start event), when there is one. */
  startFormId?: string;
  /** The departments (candidate groups) that work on its user tasks. */
  departments: string[];
  /**
   * Messages the portal or another system publishes into a running instance, correlated by `aktenzeichen`. With
   * `documentsVariable`, it is the message by which the citizen hands in documents later through the status link
   * (the portal's `laterDocuments`; at most one per service), the files in that variable as `[{ id, name, contentType, size }]`.
   */
  messages?: { name: string; correlationKey: 'aktenzeichen'; purpose: string; documentsVariable?: string }[];
}

export interface ReferenceProcess {
  /** The folder below processes/. */
  name: string;
  /** Absolute paths, each list in deployment order. */
  resources: { forms: string[]; decisions: string[]; processes: string[] };
  services: PortalService[];
}

const file = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** The directory of the mail templates these processes send, for `AMTSFLOW_MAIL_TEMPLATE_DIR`. */
export const PROCESS_MAIL_TEMPLATE_DIR = file('./mail-templates/');

export const REFERENCE_PROCESSES: readonly ReferenceProcess[] = [
  {
    name: 'hundeanmeldung',
    resources: {
      forms: [
        'hundeanmeldung-antrag.form', 'hundeanmeldung-ordnungsamt.form', 'hundeanmeldung-kaemmerei.form',
        'hundeabmeldung-antrag.form', 'hundeabmeldung-kaemmerei.form', 'hundeabmeldung-ordnungsamt.form',
      ].map((name) => file(`./hundeanmeldung/${name}`)),
      decisions: ['hund-einstufung.dmn', 'hundesteuer.dmn'].map((name) => file(`./hundeanmeldung/${name}`)),
      processes: ['hundeanmeldung.bpmn', 'hundeabmeldung.bpmn'].map((name) => file(`./hundeanmeldung/${name}`)),
    },
    services: [
      {
        bpmnProcessId: 'hundeanmeldung',
        title: 'Hund anmelden (Hundesteuer, Landeshundegesetz)',
        description: 'Melden Sie einen oder mehrere Hunde zur Hundesteuer an. Große Hunde, gefährliche Hunde und Hunde bestimmter Rassen werden zugleich dem Ordnungsamt angezeigt.',
        referencePrefix: 'HUND',
        citizenStartable: true,
        startFormId: 'hundeanmeldung-antrag',
        departments: ['ordnungsamt', 'kaemmerei'],
        messages: [{ name: 'hundeanmeldung-nachweise', correlationKey: 'aktenzeichen', purpose: 'the citizen handed in the proofs the Ordnungsamt asked for, through the status link', documentsVariable: 'nachgereichteNachweise' }],
      },
      {
        bpmnProcessId: 'hundeabmeldung',
        title: 'Hund abmelden',
        description: 'Melden Sie einen Hund ab, wenn er verstorben ist, abgegeben wurde oder Sie aus Leichlingen wegziehen.',
        referencePrefix: 'HUNDAB',
        citizenStartable: true,
        startFormId: 'hundeabmeldung-antrag',
        departments: ['kaemmerei', 'ordnungsamt'],
      },
    ],
  },
  {
    name: 'rechnungsworkflow',
    resources: {
      forms: ['rechnung-zuordnung.form', 'rechnung-pruefung.form', 'rechnung-freigabe.form', 'rechnung-zurueckweisung.form']
        .map((name) => file(`./rechnungsworkflow/${name}`)),
      decisions: [file('./rechnungsworkflow/rechnung-routing.dmn')],
      processes: [file('./rechnungsworkflow/rechnungsworkflow.bpmn')],
    },
    services: [
      {
        bpmnProcessId: 'rechnungsworkflow',
        title: 'Eingangsrechnung (XRechnung) bearbeiten',
        description: 'Eine E-Rechnung wird geprüft, dem zuständigen Amt zugeordnet, sachlich und rechnerisch geprüft, kontiert, über der Wertgrenze von einer zweiten Person freigegeben und an das Finanzverfahren übergeben.',
        referencePrefix: 'RECH',
        citizenStartable: false,
        departments: ['rechnungseingang', 'rechnungsfreigabe', 'tiefbauamt', 'schulverwaltung', 'gebaeudemanagement', 'ordnungsamt', 'kaemmerei'],
      },
    ],
  },
  {
    name: 'fundbuero',
    resources: {
      forms: [
        'fundanzeige-antrag.form', 'verlustmeldung-antrag.form', 'fund-einlagerung.form', 'fund-herausgabe-verlierer.form',
        'fund-herausgabe-finder.form', 'fund-verwertung.form', 'verlust-abgleich.form',
      ].map((name) => file(`./fundbuero/${name}`)),
      decisions: [file('./fundbuero/finderlohn.dmn')],
      processes: ['fundanzeige.bpmn', 'verlustmeldung.bpmn'].map((name) => file(`./fundbuero/${name}`)),
    },
    services: [
      {
        bpmnProcessId: 'fundanzeige',
        title: 'Fundsache melden',
        description: 'Sie haben etwas gefunden? Melden Sie den Fund dem Fundbüro. Meldet sich niemand, können Sie nach sechs Monaten Eigentümerin oder Eigentümer werden.',
        referencePrefix: 'FUND',
        citizenStartable: true,
        startFormId: 'fundanzeige-antrag',
        departments: ['fundbuero'],
        messages: [{ name: 'fundsache-verlierer-gemeldet', correlationKey: 'aktenzeichen', purpose: 'a Verlustmeldung\'s clerk confirmed this find; published by the server\'s found-items register (variables verlierer, verlustBeschreibung, geheimesMerkmal, sprache, verlustAktenzeichen)' }],
      },
      {
        bpmnProcessId: 'verlustmeldung',
        title: 'Verlust melden',
        description: 'Melden Sie, was Sie verloren haben. Das Fundbüro gleicht Ihre Meldung mit den Fundsachen ab und benachrichtigt Sie.',
        referencePrefix: 'VERLUST',
        citizenStartable: true,
        startFormId: 'verlustmeldung-antrag',
        departments: ['fundbuero'],
        messages: [{ name: 'verlustmeldung-treffer', correlationKey: 'aktenzeichen', purpose: 'a newly stored find of its category and time: the Fundbüro compares again; published by the server\'s found-items register (variable treffer)' }],
      },
    ],
  },
];

/**
 * Started by the Rechnungseingang's intake (upload, e-mail, Peppol) with `rechnung` (the XML's DocumentReference) and
 * `aktenzeichen`. The HTTP task posts to the secret `FINANZVERFAHREN_URL` (`AMTSFLOW_SECRET_FINANZVERFAHREN_URL`).
 */
export const RECHNUNGSWORKFLOW_SECRETS = ['FINANZVERFAHREN_URL'] as const;

/** Every resource file of every reference process, forms first, then decisions, then processes. */
export function referenceResourceFiles(): string[] {
  return (['forms', 'decisions', 'processes'] as const).flatMap((kind) => REFERENCE_PROCESSES.flatMap((each) => each.resources[kind]));
}

/** The services citizens start in the portal. */
export function citizenServices(): PortalService[] {
  return REFERENCE_PROCESSES.flatMap((each) => each.services).filter((service) => service.citizenStartable);
}

/**
 * Each reference process as a bundle deployed on the first start: its processes' ids, its files in deployment order,
 * and the services published to the portal with it.
 */
export function referenceBundles(): {
  name: string; processIds: string[]; files: string[];
  publicServices: { processId: string; title: string; description: string; referencePrefix: string; laterDocuments: { message: string; variable: string } | null }[];
}[] {
  return REFERENCE_PROCESSES.map(({ name, resources, services }) => ({
    name,
    processIds: services.map((service) => service.bpmnProcessId),
    files: [...resources.forms, ...resources.decisions, ...resources.processes],
    publicServices: services.filter((service) => service.citizenStartable).map(({ bpmnProcessId, title, description, referencePrefix, messages = [] }) => {
      const documents = messages.find((message) => message.documentsVariable !== undefined);
      return {
        processId: bpmnProcessId, title, description, referencePrefix,
        laterDocuments: documents ? { message: documents.name, variable: documents.documentsVariable! } : null,
      };
    }),
  }));
}
