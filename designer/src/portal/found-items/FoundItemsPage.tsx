/**
 * `/fundsachen`: the public search of the Fundbüro's found items (category, place, days found), page by page. The
 * number of results is announced; paging moves the focus to the results. A chunk of its own (PortalApp's `lazy`).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { usePageTitle } from '../../shared/a11y/use-page-title.js';
import { TextField } from '../../shared/a11y/TextField.js';
import { ApiProblem } from '../../shared/http/api-problem.js';
import { createTranslator } from '../../shared/i18n/translator.js';
import { Link } from '../../shared/routing/router.js';
import { usePortalI18n } from '../use-portal-i18n.js';
import { searchFoundItems, type FoundItem, type FoundItemPage, type FoundItemSearch } from './found-items-api.js';
import { FOUND_ITEM_CATEGORIES, FOUND_ITEMS_MESSAGES, type FoundItemsMessageKey } from './found-items-messages.js';
import './found-items.css';

const PAGE_SIZE = 10;
/** The Verlustmeldung's service in the portal (processes/index.ts). */
const REPORT_LOSS_PATH = '/services/verlustmeldung';

type Filters = Pick<FoundItemSearch, 'category' | 'place' | 'foundFrom' | 'foundTo'>;
type Results = { status: 'loading' } | { status: 'loaded'; page: FoundItemPage } | { status: 'failed'; error: unknown };

export default function FoundItemsPage() {
  const portal = usePortalI18n();
  const { t } = useMemo(() => createTranslator<FoundItemsMessageKey>(portal.locale, FOUND_ITEMS_MESSAGES), [portal.locale]);
  const headingRef = usePageTitle(t('found.title'), portal.t('portal.name'));
  const resultsHeadingRef = useRef<HTMLHeadingElement>(null);
  const [filters, setFilters] = useState<Filters>({});
  const [results, setResults] = useState<Results>({ status: 'loading' });
  /** The filters of the results shown, which paging keeps while the citizen edits the form. */
  const [searched, setSearched] = useState<Filters>({});
  const latest = useRef(0);

  const search = useCallback(async (chosen: Filters, offset: number, focusResults: boolean) => {
    const attempt = ++latest.current;
    setResults({ status: 'loading' });
    try {
      const page = await searchFoundItems({ ...chosen, offset, limit: PAGE_SIZE });
      if (attempt !== latest.current) return;
      setResults({ status: 'loaded', page });
      if (focusResults) resultsHeadingRef.current?.focus();
    } catch (error) {
      if (attempt !== latest.current) return;
      setResults({ status: 'failed', error });
    }
  }, []);

  useEffect(() => {
    void search({}, 0, false);
  }, [search]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSearched(filters);
    void search(filters, 0, false);
  };
  const set = (name: keyof Filters) => (value: string) => setFilters((current) => ({ ...current, [name]: value || undefined }));

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>{t('found.title')}</h1>
      <p>{t('found.intro')}</p>
      <form className="found-search" role="search" aria-label={t('found.filters')} onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="found-category">{t('found.category')}</label>
          <select id="found-category" value={filters.category ?? ''} onChange={(event) => set('category')(event.target.value)}>
            <option value="">{t('found.anyCategory')}</option>
            {FOUND_ITEM_CATEGORIES.map((category) => <option key={category} value={category}>{t(`category.${category}`)}</option>)}
          </select>
        </div>
        <TextField label={t('found.place')} hint={t('found.placeHint')} value={filters.place ?? ''} maxLength={100} onChange={(event) => set('place')(event.target.value)} />
        <div className="found-search__days">
          <TextField label={t('found.from')} type="date" value={filters.foundFrom ?? ''} onChange={(event) => set('foundFrom')(event.target.value)} />
          <TextField label={t('found.to')} type="date" value={filters.foundTo ?? ''} onChange={(event) => set('foundTo')(event.target.value)} />
        </div>
        <button type="submit" className="button button--primary" disabled={results.status === 'loading'}>
          {results.status === 'loading' ? t('found.searching') : t('found.search')}
        </button>
      </form>

      <h2 ref={resultsHeadingRef} tabIndex={-1}>{t('found.results')}</h2>
      <div role="status">
        {results.status === 'loading' ? <p className="loading">{portal.t('portal.loading')}</p> : null}
        {results.status === 'failed' ? <p className="notice notice--error">{failureMessage(results.error, t)}</p> : null}
        {results.status === 'loaded' ? <p>{countText(results.page, t)}</p> : null}
      </div>
      {results.status === 'loaded' && results.page.items.length > 0 ? (
        <>
          <ul className="found-list">
            {results.page.items.map((item) => <FoundItemEntry key={item.aktenzeichen} item={item} t={t} locale={portal.locale} />)}
          </ul>
          <Paging page={results.page} t={t} onPage={(offset) => void search(searched, offset, true)} />
          <p>{t('found.claimHint')}</p>
        </>
      ) : null}
      <p><Link href={REPORT_LOSS_PATH}>{t('found.reportLoss')}</Link></p>
    </>
  );
}

type T = (key: FoundItemsMessageKey, replacements?: Record<string, string | number>) => string;

function FoundItemEntry({ item, t, locale }: { item: FoundItem; t: T; locale: string }) {
  const category = (FOUND_ITEM_CATEGORIES as readonly string[]).includes(item.category) ? t(`category.${item.category}` as FoundItemsMessageKey) : item.category;
  return (
    <li className="found-list__item">
      <h3 className="found-list__title">{category}: {item.description}</h3>
      <dl className="facts">
        <div><dt>{t('found.foundOn')}</dt><dd>{formatDay(item.foundOn, locale)}</dd></div>
        <div><dt>{t('found.where')}</dt><dd>{item.place}</dd></div>
        <div><dt>{t('found.number')}</dt><dd>{item.aktenzeichen}</dd></div>
      </dl>
    </li>
  );
}

function Paging({ page, t, onPage }: { page: FoundItemPage; t: T; onPage: (offset: number) => void }) {
  const hasPrevious = page.offset > 0;
  const hasNext = page.offset + page.items.length < page.total;
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="found-paging" aria-label={t('found.pages')}>
      {hasPrevious ? <button type="button" className="button" onClick={() => onPage(Math.max(page.offset - page.limit, 0))}>{t('found.previous')}</button> : null}
      {hasNext ? <button type="button" className="button" onClick={() => onPage(page.offset + page.limit)}>{t('found.next')}</button> : null}
    </nav>
  );
}

function countText(page: FoundItemPage, t: T): string {
  if (page.total === 0) return t('found.count.none');
  if (page.total === 1) return t('found.count.one');
  return t('found.count.many', { total: page.total, from: page.offset + 1, to: page.offset + page.items.length });
}

function failureMessage(error: unknown, t: T): string {
  if (error instanceof ApiProblem && error.status === 429) return t('found.tooMany');
  if (error instanceof ApiProblem && error.status === 400) return t('found.invalid', { detail: error.errors.map((each) => each.detail).join('; ') || error.message });
  return (error as Error).message;
}

function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
