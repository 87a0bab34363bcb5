/** One kind of deployed definition on the overview: start a new one, import a file, and the table of what is deployed. */
import { useRouter } from '../../../shared/routing/router.js';
import type { Definition } from '../deployments-api.js';
import { DefinitionTable } from './DefinitionTable.js';
import { FileOpenButton } from './FileOpenButton.js';
import { handOver, type FileKind } from './pending-file.js';

export interface CatalogueSectionProps {
  /** The path segment of the kind's editor: `/staff/designer/<collection>/…`. */
  collection: 'processes' | 'forms' | 'decisions';
  fileKind: FileKind;
  accept: string;
  texts: { title: string; create: string; importFile: string; none: string };
  /** Undefined until the list has loaded. */
  definitions: readonly Definition[] | undefined;
}

export function CatalogueSection({ collection, fileKind, accept, texts, definitions }: CatalogueSectionProps) {
  const { navigate } = useRouter();
  const editorPath = `/staff/designer/${collection}`;
  return (
    <section aria-labelledby={`${collection}-heading`} className="catalogue-section">
      <h2 id={`${collection}-heading`}>{texts.title}</h2>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => navigate(`${editorPath}/new`)}>{texts.create}</button>
        <FileOpenButton label={texts.importFile} accept={accept} onText={(text) => { handOver(fileKind, text); navigate(`${editorPath}/new`); }} />
      </div>
      {definitions?.length === 0 ? <p>{texts.none}</p> : null}
      {definitions?.length ? <DefinitionTable caption={texts.title} definitions={definitions} editorPath={editorPath} /> : null}
    </section>
  );
}
